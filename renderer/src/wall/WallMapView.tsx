// Hosts the WallMap: created once per window and kept in a ref; React only hands it data.
import { useEffect, useRef, useState } from 'react';
import type { CaseView } from '../../../electron/common/protocol.ts';
import { useHall } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { fetchGrids } from './grids-api.ts';
import { WallMap } from './wall-map.ts';

/** An unattended wall keeps asking until the hall answers. */
const GRID_RETRY_MS = 5_000;

/** `stale`: the link is down, so the picture may be out of date and is greyed rather than shown as live. */
export function WallMapView({ cases, stale }: { cases: readonly CaseView[]; stale: boolean }) {
  const { bridge } = useHall();
  const lang = useLanguage();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<WallMap | null>(null);
  const [gridProblem, setGridProblem] = useState<string | null>(null);
  const [gridsShown, setGridsShown] = useState(false);

  useEffect(() => {
    const map = new WallMap(containerRef.current!);
    mapRef.current = map;
    const abort = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      fetchGrids(bridge, abort.signal).then(
        (grids) => {
          map.showGrids(grids);
          setGridProblem(null);
          setGridsShown(true);
        },
        (error: Error) => {
          if (abort.signal.aborted) return;
          setGridProblem(error.message);
          retry = setTimeout(load, GRID_RETRY_MS);
        },
      );
    void load();
    return () => {
      abort.abort();
      clearTimeout(retry);
      map.destroy();
      mapRef.current = null;
    };
  }, [bridge]);

  useEffect(() => mapRef.current?.showCases(cases), [cases]);

  return (
    <div className={`wall-map${stale ? ' stale' : ''}`} data-testid="wall-map">
      <div ref={containerRef} className="wall-map-canvas" />
      {!gridsShown && <p className="wall-map-notice" role="status">{gridProblem ? `${lang.t('mapFailed')}${gridProblem}` : lang.t('mapLoading')}</p>}
    </div>
  );
}
