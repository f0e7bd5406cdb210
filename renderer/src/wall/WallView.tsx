// A wall monitor: the map owns most of it; a side panel (never crossing the map) carries the legend and the
// latest cases in queue order.
import { CaseList } from '../components/CaseList.tsx';
import type { MessageKey } from '../i18n/dictionary.ts';
import { useLanguage } from '../i18n/language.tsx';
import { useQueue } from '../use-queue.ts';
import { KIND_FILL, LEVEL_LINE } from './map-style.ts';
import { WallMapView } from './WallMapView.tsx';

const PANEL_CASES = 8;
const LEVEL_LEGEND: ReadonlyArray<[keyof typeof LEVEL_LINE, MessageKey]> = [
  ['street', 'legendStreet'], ['zone', 'legendZone'], ['small', 'legendSmall'], ['micro', 'legendMicro'],
];
const KIND_LEGEND: ReadonlyArray<[keyof typeof KIND_FILL, MessageKey]> = [
  ['residential', 'kindResidential'], ['streetfront', 'kindStreetfront'], ['extended', 'kindExtended'],
];

export function WallView() {
  const lang = useLanguage();
  const { cases, stale } = useQueue();
  return (
    <main className="wall-layout">
      <WallMapView cases={cases} stale={stale} />
      <aside className="wall-panel">
        <h2>
          {lang.t('recentCases')} <span className="count" data-testid="case-count">{cases.length}</span> {lang.t('caseCount')}
        </h2>
        <CaseList cases={cases.slice(0, PANEL_CASES)} stale={stale} />
        <ul className="wall-legend">
          {LEVEL_LEGEND.map(([level, word]) => (
            <li key={level}>
              <span className="legend-line" style={{ borderTopColor: LEVEL_LINE[level].color, borderTopWidth: LEVEL_LINE[level].widthPx + 1 }} />
              {lang.t(word)}
            </li>
          ))}
          {KIND_LEGEND.map(([kind, word]) => (
            <li key={kind}>
              <span className="legend-fill" style={{ backgroundColor: KIND_FILL[kind].color, opacity: KIND_FILL[kind].alpha }} />
              {lang.t(word)}
            </li>
          ))}
        </ul>
      </aside>
    </main>
  );
}
