// The queue's filters: state, source and department over the live cases, and text search through the hall's
// full-text index (/api/cases?q=, S-4.8), whose hits are shown with their live state. A hit the console does
// not hold (finished over a week ago: common/case-window.ts) is shown as the search found it.
import { useState } from 'react';
import type { CaseState, CaseSource, Department, CaseView } from '../../../electron/common/protocol.ts';
import { fetchApi } from '../hall-api.ts';
import { useHall } from '../hall-context.tsx';

export interface QueueFilter {
  state: CaseState | '';
  source: CaseSource | '';
  department: Department | '';
}

export const NO_FILTER: QueueFilter = { state: '', source: '', department: '' };

type Search = { kind: 'none' } | { kind: 'searching'; q: string } | { kind: 'hits'; q: string; ids: ReadonlySet<string>; found: readonly CaseView[] } | { kind: 'failed'; q: string; message: string };

export function useCaseSearch() {
  const { bridge } = useHall();
  const [filter, setFilter] = useState<QueueFilter>(NO_FILTER);
  const [search, setSearch] = useState<Search>({ kind: 'none' });

  const run = async (q: string) => {
    const text = q.trim();
    if (!text) return setSearch({ kind: 'none' });
    setSearch({ kind: 'searching', q: text });
    try {
      const hits = await fetchApi(bridge, 'cases', { query: { q: text, limit: 1000 } });
      setSearch({ kind: 'hits', q: text, ids: new Set(hits.map((c) => c.id)), found: hits });
    } catch (error) {
      setSearch({ kind: 'failed', q: text, message: String(error) });
    }
  };

  const matches = (c: CaseView) =>
    (filter.state === '' || c.state === filter.state)
    && (filter.source === '' || c.source === filter.source)
    && (filter.department === '' || c.lead === filter.department || c.assisting.includes(filter.department))
    && (search.kind !== 'hits' || search.ids.has(c.id));

  /** The cases to filter: the live ones, and while a search shows hits, those the console does not hold. */
  const pool = (live: readonly CaseView[]): readonly CaseView[] => {
    if (search.kind !== 'hits') return live;
    const held = new Set(live.map((c) => c.id));
    const more = search.found.filter((c) => !held.has(c.id));
    return more.length ? [...live, ...more] : live;
  };

  return { filter, setFilter, search, run, clear: () => setSearch({ kind: 'none' }), matches, pool };
}
