// How many rows of a list fit its box, for boards that must not scroll (nobody at the wall has a mouse).
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

/**
 * How many rows `list` has room for (at least one, at most `upTo`), measured from its first row and its row
 * gap: after every render (before it is painted: rows that do not fit are never seen) and whenever the list's
 * box changes. The list's height must not depend on its rows (flex: 1 in its board); its rows share one height.
 */
export function useRowsThatFit(list: RefObject<HTMLElement | null>, upTo: number): number {
  const [fit, setFit] = useState(upTo);
  const measure = useCallback(() => {
    const el = list.current;
    const first = el?.firstElementChild;
    if (!el || !first) return;
    const gap = parseFloat(getComputedStyle(el).rowGap) || 0;
    setFit(rowsThatFit(el.clientHeight, first.getBoundingClientRect().height, gap, upTo));
  }, [list, upTo]);
  useLayoutEffect(measure);
  useLayoutEffect(() => {
    const observer = new ResizeObserver(measure);
    observer.observe(list.current!);
    return () => observer.disconnect();
  }, [list, measure]);
  return fit;
}

/** Rows of `row` px with `gap` px between them in `height` px: at least one, at most `upTo`. */
export function rowsThatFit(height: number, row: number, gap: number, upTo: number): number {
  return row > 0 ? Math.min(upTo, Math.max(1, Math.floor((height + gap) / (row + gap)))) : upTo;
}
