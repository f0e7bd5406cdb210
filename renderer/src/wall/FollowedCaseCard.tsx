// The card beside a followed urgent case: what, where (its grid, patrolled today or not, and the grid kind's
// patrol tasks in brief), its state and how long is left on its clock. It stays
// whole on its monitor (a bezel would cut it): beside the case where there is room, pushed in where there is not.
import { useLayoutEffect, useRef, useState } from 'react';
import { slaStatus } from '../../../electron/common/domain/sla.ts';
import type { CaseView } from '../../../electron/common/protocol.ts';
import { useLanguage } from '../i18n/language.tsx';
import { useNow } from '../use-now.ts';
import { useSite } from '../use-site.ts';
import { GRID_KIND_LABELS } from '../../../electron/common/geo/grid-schema.ts';
import { usePatrolCoverage, useTaskList } from '../patrol/use-patrol.ts';
import { useGrids } from '../use-grids.ts';
import { placeCard, type Size } from './card-placement.ts';
import { SlaBadge } from './SlaBadge.tsx';
import { designPx, useWallUnit } from './wall-scale.ts';
import { useWallWords } from './wall-words.ts';

/** Between the case and its card, and between the card and the monitor's edge (design px). */
const CARD_GAP = 36;
const EDGE_GAP = 16;

export function FollowedCaseCard({ view, at }: { view: CaseView; at: { x: number; y: number } }) {
  const lang = useLanguage();
  const { policy } = useSite();
  const words = useWallWords();
  const now = useNow();
  const unit = useWallUnit();
  const ref = useRef<HTMLElement>(null);
  const [card, setCard] = useState<Size>({ width: 0, height: 0 });
  const [area, setArea] = useState<Size>({ width: window.innerWidth, height: window.innerHeight });
  // Measured before paint: the card is first drawn where it fits.
  useLayoutEffect(() => {
    const el = ref.current!;
    const parent = el.offsetParent ?? document.documentElement;
    if (el.offsetWidth !== card.width || el.offsetHeight !== card.height) setCard({ width: el.offsetWidth, height: el.offsetHeight });
    if (parent.clientWidth !== area.width || parent.clientHeight !== area.height) setArea({ width: parent.clientWidth, height: parent.clientHeight });
  });
  const style = placeCard(at, card, area, designPx(CARD_GAP, unit), designPx(EDGE_GAP, unit));
  return (
    <article ref={ref} className="followed-card" style={style} data-testid="followed-card">
      <header>
        <span aria-hidden="true">◆</span> {words('following')} #{view.no}
      </header>
      <h3>{view.title}</h3>
      <p>{view.address || view.category}</p>
      <p>
        {lang.state(view.state)} · <SlaBadge status={slaStatus(view, now, policy)} />
      </p>
      {view.gridId && <CaseGrid gridId={view.gridId} />}
    </article>
  );
}

/** The case's micro grid: its kind, whether a patrol covered it today (S-3.4) and its kind's task list in brief. */
function CaseGrid({ gridId }: { gridId: string }) {
  const words = useWallWords();
  const { language } = useLanguage();
  const grids = useGrids();
  const grid = grids.status === 'ready' ? grids.grids.find((g) => g.properties.id === gridId) : undefined;
  const coverage = usePatrolCoverage(undefined, grid !== undefined);
  const covered = coverage.status === 'ready' ? coverage.coverage.grids.find((g) => g.gridId === gridId)?.covered : undefined;
  const tasks = useTaskList(grid?.properties.kind);
  if (!grid) return null;
  return (
    <p data-testid="followed-grid">
      {grid.properties.name} · {grid.properties.kind ? GRID_KIND_LABELS[grid.properties.kind][language] : ''}
      {covered !== undefined && <> · <span className={covered ? 'patrolled' : 'unpatrolled'}>{covered ? '✔' : '▨'} {words(covered ? 'patrolledToday' : 'unpatrolledToday')}</span></>}
      {tasks && <> · {words('patrolTasks')}：{tasks.categories.map((c) => c.name).join('、')}</>}
    </p>
  );
}

