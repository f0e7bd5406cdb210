// Dispatch (S-4.6): the lead department from the responsibility rules (or the commander's designation), the
// assisting departments of a joint case (联勤联动), the nearest available forces of each with distance and ETA,
// and one click (Alt+D) to send the chosen ones. Off hours each department shows whom to call, its standby
// (备勤) on the roster. The small map shows the case and the candidates.
import { useState } from 'react';
import { availableActions } from '../../../electron/common/domain/case-lifecycle.ts';
import { recommendForces } from '../../../electron/common/domain/dispatch.ts';
import { responsibilityFor } from '../../../electron/common/domain/responsibility.ts';
import { Department, type CaseView, type SeatInfo } from '../../../electron/common/protocol.ts';
import { Keys } from '../components/Keys.tsx';
import { MiniMap, type MapForce } from '../components/MiniMap.tsx';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useSite } from '../use-site.ts';
import { CommandOutcome, useCommand } from '../use-command.tsx';
import { useGrids } from '../use-grids.ts';
import { useShortcut } from '../use-shortcut.ts';
import { useDutyWords } from './duty-words.ts';
import { useDuty } from './use-duty.ts';

const DISPATCH_KEY = { code: 'KeyD', alt: true };
const CANDIDATES_PER_DEPARTMENT = 3;

export function DispatchPanel({ view, seat, now }: { view: CaseView; seat: SeatInfo; now: number }) {
  const lang = useLanguage();
  const site = useSite();
  const { forces } = useHallState();
  const grids = useGrids();
  const { status, send } = useCommand();
  const words = useDutyWords();
  const duty = useDuty(now);
  const proposed = responsibilityFor(view.category, site.responsibility);
  const designated = view.dutyRule === 'designated' ? view.lead : null;
  const [leadChoice, setLead] = useState<Department | null>(null);
  // A designation binds the dispatch (首接责任); otherwise the operator's choice, else the rules' proposal.
  const lead = designated ?? leadChoice ?? proposed.lead;
  const [assisting, setAssisting] = useState<Department[]>(proposed.assisting);
  const [chosen, setChosen] = useState<ReadonlySet<string> | null>(null);

  const canDispatch = availableActions(view, seat).includes('dispatch');
  const recommendation = canDispatch && lead
    ? recommendForces(view, forces, { now, dutyMode: duty.mode, count: CANDIDATES_PER_DEPARTMENT, departments: { lead, assisting } })
    : [];
  // Until the operator picks, the nearest force of each department is chosen.
  const picked = chosen ?? new Set(recommendation.flatMap((d) => d.candidates.slice(0, 1).map((c) => c.force.id)));

  const dispatch = async () => {
    if (!lead || status.kind === 'sending') return;
    const act = { action: 'dispatch' as const, lead, assisting, forces: [...picked], dutyRule: assisting.length ? ('crossDepartment' as const) : ('clear' as const) };
    await send({ kind: 'case.act', caseId: view.id, act }, `${lang.action('dispatch')} ✓ ${site.departmentName(lead)} ${[...picked].join('、')}`);
  };
  useShortcut(DISPATCH_KEY, () => {
    if (canDispatch) void dispatch();
  });

  const changeLead = (d: Department) => {
    setLead(d);
    setAssisting((a) => a.filter((x) => x !== d));
    setChosen(null);
  };
  const toggle = <T,>(set: ReadonlySet<T>, item: T) => {
    const next = new Set(set);
    if (!next.delete(item)) next.add(item);
    return next;
  };

  const shown = canDispatch ? recommendation.flatMap((d) => d.candidates.map((c) => c.force)) : forces.filter((f) => view.forces.includes(f.id));
  const markers: MapForce[] = shown.flatMap((f) => (f.position ? [{ id: f.id, department: f.department, position: f.position, chosen: picked.has(f.id) || !canDispatch }] : []));

  return (
    <section className="dispatch" data-testid="dispatch-panel" aria-label={lang.t('dispatchTitle')}>
      {canDispatch && (
        <div className="dispatch-form">
          <h4>{lang.t('dispatchTitle')} <span className="muted">{proposed.principle}</span></h4>
          {lead === null && <p className="warning">{lang.t('designateFirst')}</p>}
          <div className="dispatch-departments">
            <label>
              {lang.t('lead')}
              <select data-testid="dispatch-lead" value={lead ?? ''} disabled={designated !== null} onChange={(e) => changeLead(Department.parse(e.target.value))}>
                {lead === null && <option value="">—</option>}
                {site.leadDepartments.map((d) => <option key={d} value={d}>{site.departmentName(d)}</option>)}
              </select>
            </label>
            <span className="dispatch-assisting">
              {lang.t('assisting')}
              {site.leadDepartments.filter((d) => d !== lead).map((d) => (
                <label key={d} className="check">
                  <input
                    type="checkbox"
                    data-testid={`dispatch-assist-${d}`}
                    checked={assisting.includes(d)}
                    onChange={() => {
                      setAssisting((a) => [...toggle(new Set(a), d)]);
                      setChosen(null);
                    }}
                  />
                  {site.departmentName(d)}
                </label>
              ))}
            </span>
          </div>
          {recommendation.map((group) => (
            <div key={group.department} className="candidates" data-testid={`candidates-${group.department}`}>
              <div className="candidates-head">
                {site.departmentName(group.department)} · {lang.t(group.role === 'lead' ? 'lead' : 'assisting')}
                {group.candidates.length === 0 && <span className="warning"> {lang.t('noCandidates')}</span>}
                {duty.standby.filter((sb) => sb.department === group.department).map((sb) => (
                  <span key={sb.department} className="candidates-standby" data-testid={`standby-${group.department}`}> · {words('standby')} {sb.person.name} ☎ {sb.person.phone}</span>
                ))}
              </div>
              {group.candidates.map((c) => (
                <label key={c.force.id} className="candidate check" data-testid="dispatch-candidate" data-force-id={c.force.id}>
                  <input type="checkbox" checked={picked.has(c.force.id)} onChange={() => setChosen(toggle(picked, c.force.id))} />
                  <span className="force-id">{c.force.id}</span> {c.force.name}
                  <span className="muted"> {lang.forceKind(c.force.kind)}</span>
                  <span className="candidate-distance">
                    {c.distanceM === null ? lang.t('noPosition') : `${(c.distanceM / 1000).toFixed(2)} km · ${lang.t('eta')} ${Math.max(1, Math.round((c.etaMs ?? 0) / 60_000))} ${lang.t('minutes')}`}
                  </span>
                </label>
              ))}
            </div>
          ))}
          <button type="button" className="primary" data-testid="dispatch-submit" disabled={!lead || status.kind === 'sending'} onClick={() => void dispatch()}>
            {lang.t('dispatchSelected')} ({picked.size}) <Keys shortcut={DISPATCH_KEY} />
          </button>
        </div>
      )}
      <CommandOutcome status={status} testId="dispatch-outcome" />
      {grids.status === 'ready' && (
        <MiniMap grids={grids.grids} casePoint={view.location} highlightGridId={view.gridId} forces={markers} label={lang.t('dispatchMap')} testId="dispatch-map" />
      )}
    </section>
  );
}
