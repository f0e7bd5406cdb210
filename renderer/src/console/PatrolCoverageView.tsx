// The console's patrol coverage (S-3.4): a day's 巡查覆盖率 (whole day, day, night) and the micro grids no patrol
// covered, each with who answers for it (定人定岗定责: the forces posted to it and to its small grid). Picking a
// grid, in the list or on the mini map, shows it there with its people, how long patrols were in it and its
// kind's task list.
import { useMemo, useState } from 'react';
import { GRID_KIND_LABELS } from '../../../electron/common/geo/grid-schema.ts';
import type { DayPart } from '../../../electron/common/patrol/coverage-rule.ts';
import { gridPeople, type GridCoverage } from '../../../electron/common/patrol/coverage-summary.ts';
import { createGridLocator } from '../../../electron/common/patrol/grid-locator.ts';
import { beijingDate } from '../../../electron/common/kpi/periods.ts';
import type { ForceView } from '../../../electron/common/protocol.ts';
import { beijingTime } from '../beijing-time.ts';
import { MiniMap, type MapForce } from '../components/MiniMap.tsx';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { PatrolTaskList, TaskListSummary } from '../patrol/PatrolTaskList.tsx';
import { usePatrolWords } from '../patrol/patrol-words.ts';
import { usePatrolCoverage, useTaskList } from '../patrol/use-patrol.ts';
import { useGrids } from '../use-grids.ts';
import { useSite } from '../use-site.ts';

type Scope = 'allDay' | DayPart;
const SCOPES: readonly Scope[] = ['allDay', 'day', 'night'];
const isUncovered = (g: GridCoverage, scope: Scope) => (scope === 'allDay' ? !g.covered : !g[scope].covered);
const minutes = (ms: number) => Math.floor(ms / 60_000);
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

export function PatrolCoverageView({ now }: { now: number }) {
  const { word, rule } = usePatrolWords();
  const today = beijingDate(now);
  const [date, setDate] = useState(today);
  const [scope, setScope] = useState<Scope>('allDay');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // Today follows the hall's clock (and moves on at midnight); another day is asked by its date.
  const state = usePatrolCoverage(date === today ? undefined : date);
  const grids = useGrids();
  const { forces } = useHallState();
  const coverage = state.status === 'ready' ? state.coverage : null;
  const uncovered = coverage ? coverage.grids.filter((g) => isUncovered(g, scope)) : [];
  const marked = new Set(uncovered.map((g) => g.gridId));
  const selected = coverage?.grids.find((g) => g.gridId === selectedId);
  const micro = useMemo(() => (grids.status === 'ready' ? grids.grids.filter((g) => g.properties.level === 'micro') : []), [grids]);
  const locator = useMemo(() => createGridLocator(micro.map((g) => ({ id: g.properties.id, geometry: g.geometry }))), [micro]);

  return (
    <section className="patrol-view" data-testid="patrol-view" aria-label={word('title')}>
      <div className="patrol-list">
        <header className="patrol-head">
          <label>
            {word('date')} <input type="date" value={date} max={today} data-testid="patrol-date" onChange={(e) => e.target.value && setDate(e.target.value)} />
          </label>
          <span role="group" aria-label={word('uncoveredIn')} className="segmented">
            {SCOPES.map((s) => (
              <button key={s} type="button" aria-pressed={scope === s} data-testid={`patrol-scope-${s}`} onClick={() => setScope(s)}>{word(s)}</button>
            ))}
          </span>
          {state.status === 'ready' && <span className="muted">{word('updated')} {beijingTime(state.at)}</span>}
        </header>
        {state.status === 'loading' && <p className="muted">{word('loading')}</p>}
        {state.status === 'failed' && <p className="warning" data-testid="patrol-failed">{state.message}</p>}
        {coverage && (
          <>
            <dl className="patrol-figures" data-testid="patrol-figures">
              {SCOPES.map((s) => (
                <div key={s} data-testid={`patrol-rate-${s}`} data-numerator={coverage.figures[s].numerator} data-denominator={coverage.figures[s].denominator}>
                  <dt>{word('rate')}（{word(s)}）</dt>
                  <dd>{percent(coverage.figures[s].rate)} <span className="muted kpi-count">{coverage.figures[s].numerator}/{coverage.figures[s].denominator}</span></dd>
                </div>
              ))}
            </dl>
            <p className="patrol-rule muted">{word('rule')}：{rule(coverage.rule)}</p>
            <h3>{word('uncovered')}（{word(scope)}） <span className="count" data-testid="uncovered-count">{uncovered.length}</span></h3>
            {uncovered.length === 0 ? <p className="muted">{word('none')}</p> : (
              <ul className="uncovered-list" role="listbox" aria-label={word('uncovered')} data-testid="uncovered-list">
                {uncovered.map((g) => (
                  <li key={g.gridId}>
                    <UncoveredRow grid={g} forces={forces} selected={g.gridId === selectedId} onSelect={() => setSelectedId(g.gridId)} />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      <div className="patrol-detail" data-testid="patrol-detail">
        {grids.status === 'ready' && (
          <MiniMap
            grids={grids.grids} markedGridIds={marked} highlightGridId={selectedId ?? undefined} testId="patrol-map" label={word('map')}
            forces={selected ? peopleOnMap(gridPeople(forces, selected)) : []}
            onPick={(p) => {
              const at = locator.locate(p.lon, p.lat);
              if (at >= 0) setSelectedId(locator.ids[at]!);
            }}
          />
        )}
        <p className="map-key muted"><span className="key-hatch" aria-hidden="true" /> {word('uncovered')} · {word('map')}</p>
        {selected ? <GridDetail grid={selected} forces={forces} /> : <p className="muted">{word('pick')}</p>}
      </div>
    </section>
  );
}

function UncoveredRow({ grid, forces, selected, onSelect }: { grid: GridCoverage; forces: readonly ForceView[]; selected: boolean; onSelect(): void }) {
  const { word } = usePatrolWords();
  const { language } = useLanguage();
  const people = gridPeople(forces, grid).filter((f) => f.kind === 'patrol');
  const last = Math.max(grid.day.lastAt ?? 0, grid.night.lastAt ?? 0);
  return (
    <button type="button" role="option" aria-selected={selected} data-testid={`uncovered-${grid.gridId}`} onClick={onSelect}>
      <span className="force-id">{grid.gridId}</span>
      <span className="grid-name">{grid.name}</span>
      <span className="uncovered-word">{word('notCovered')}</span>
      <span className="grid-meta">
        {grid.kind ? GRID_KIND_LABELS[grid.kind][language] : '—'} · {word('day')} {minutes(grid.day.dwellMs)} · {word('night')} {minutes(grid.night.dwellMs)} {word('minutes')} ·{' '}
        {word('lastPatrol')} {last ? beijingTime(last).slice(0, 5) : word('never')} ·{' '}
        {people.length ? people.slice(0, 3).map((f) => `${f.id} ${f.name}`).join('、') + (people.length > 3 ? ` +${people.length - 3}` : '') : word('noPeople')}
      </span>
    </button>
  );
}

function GridDetail({ grid, forces }: { grid: GridCoverage; forces: readonly ForceView[] }) {
  const { word } = usePatrolWords();
  const lang = useLanguage();
  const site = useSite();
  const tasks = useTaskList(grid.kind);
  const people = gridPeople(forces, grid);
  return (
    <div className="grid-detail" data-testid="grid-detail" data-grid-id={grid.gridId}>
      <h3>
        {grid.name}（{grid.gridId}） <span className="muted">{grid.kind ? GRID_KIND_LABELS[grid.kind][lang.language] : ''}</span>{' '}
        <span className={grid.covered ? 'verdict-met' : 'uncovered-word'}>{word(grid.covered ? 'covered' : 'notCovered')}</span>
      </h3>
      <dl className="facts">
        {(['day', 'night'] as const).map((part) => (
          <div key={part} style={{ display: 'contents' }}>
            <dt>{word(part)}</dt>
            <dd data-testid={`grid-${part}`}>
              {word(grid[part].covered ? 'covered' : 'notCovered')} · {minutes(grid[part].dwellMs)} {word('minutes')} · {word('lastPatrol')}{' '}
              {grid[part].lastAt ? beijingTime(grid[part].lastAt).slice(0, 5) : word('never')}
              {grid[part].forces.length > 0 && ` · ${word('patrolledBy')} ${grid[part].forces.map((f) => `${f.id} ${minutes(f.dwellMs)}${word('minutes')}`).join('、')}`}
            </dd>
          </div>
        ))}
        <dt>{word('people')}</dt>
        <dd>
          {people.length === 0 ? word('noPeople') : (
            <table className="force-table" data-testid="grid-people">
              <tbody>
                {people.map((f) => (
                  <tr key={f.id}>
                    <td className="force-id">{f.id}</td><td>{f.name}</td><td>{site.departmentName(f.department)}</td>
                    <td>{lang.forceKind(f.kind)}</td><td>{word(f.shift)}</td><td>{lang.forceStatus(f.status)}</td><td className="muted">{f.phone}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </dd>
        <dt>{word('taskList')}</dt>
        <dd>{tasks ? <><TaskListSummary list={tasks} /><PatrolTaskList list={tasks} /></> : word('noTasks')}</dd>
      </dl>
    </div>
  );
}

const peopleOnMap = (people: readonly ForceView[]): MapForce[] =>
  people.flatMap((f) => (f.position ? [{ id: f.id, department: f.department, position: f.position, chosen: f.kind === 'patrol' }] : []));
