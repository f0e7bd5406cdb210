// One action of the plan in force, for the console and the desks: its state (a glyph and a word; the deadline as
// a countdown or how late it is), department, progress and, opened, its checklist. The centre's own actions list
// their items; an action at stations shows a station × item grid with per-station progress and a "全部站点" tick
// per item. Each tick says who ticked it and when. Only a seat that may tick it gets buttons (plan-rules.ts).
import { useState } from 'react';
import type { ActionProgress } from '../../../electron/common/preplan/plan-progress.ts';
import { tickOf } from '../../../electron/common/preplan/plan-progress.ts';
import type { PlanTick, PlanView } from '../../../electron/common/preplan/plan-model.ts';
import { beijingTime } from '../beijing-time.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { CommandOutcome, useCommand } from '../use-command.tsx';
import { useSite } from '../use-site.ts';
import { deadlineText, STATE_GLYPH } from './plan-status.ts';

interface PlanActionCardProps {
  plan: PlanView;
  progress: ActionProgress;
  now: number;
  /** The seat may tick this action's items. */
  canTick: boolean;
  /** Why it may not (not signed in), shown in the open card. */
  locked?: string | undefined;
  startOpen?: boolean;
}

export function PlanActionCard({ plan, progress, now, canTick, locked, startOpen = false }: PlanActionCardProps) {
  const lang = useLanguage();
  const site = useSite();
  const { seats } = useHallState();
  const { status, send } = useCommand();
  const [open, setOpen] = useState(startOpen);
  const { action } = progress;
  const perStation = action.stations.length > 0;
  const stationsDone = progress.stations.filter((s) => s.done === s.total).length;
  const who = (t: PlanTick) => `${seats.find((s) => s.id === t.seat)?.label ?? t.seat ?? ''}${t.officer ? ` ${t.officer.name}` : ''} ${beijingTime(t.at).slice(0, 5)}`;
  const tick = (itemId: string, stations: string[], done: boolean) =>
    void send({ kind: 'plan.tick', planId: plan.id, actionId: action.id, itemId, stations, done }, `${lang.t(done ? 'planTicked' : 'planUntick')} ✓`);
  const disabled = !canTick || status.kind === 'sending' || action.released;

  const itemButton = (itemId: string, station: string | null, label: string) => {
    const t = tickOf(plan.ticks, action.id, itemId, station);
    return (
      <button
        type="button" className={`plan-item${t ? ' ticked' : ''}`} aria-pressed={Boolean(t)} disabled={disabled}
        data-testid="plan-item" data-action-id={action.id} data-item-id={itemId} data-station={station ?? ''}
        title={t ? `${lang.t('planTickedBy')}：${who(t)}` : lang.t('planTick')}
        onClick={() => tick(itemId, station === null ? [] : [station], !t)}
      >
        <span aria-hidden="true">{t ? '✓' : '○'}</span> {label}
        {t && station === null && <span className="plan-who muted"> {who(t)}</span>}
      </button>
    );
  };

  return (
    <article className={`plan-card plan-state-${progress.state}`} data-testid="plan-action" data-action-id={action.id} data-state={progress.state}>
      <button type="button" className="plan-card-head" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="plan-action-toggle">
        <span className="plan-card-state" data-testid="plan-action-state">{STATE_GLYPH[progress.state]} {deadlineText(progress, now, lang.t)}</span>
        <span className="plan-card-title">{action.title}</span>
        <span className="plan-card-department muted">{site.departmentName(action.department)}</span>
        <span className="plan-card-progress">
          <span className="plan-bar" aria-hidden="true"><span style={{ width: `${(100 * progress.done) / progress.total}%` }} /></span>
          <span data-testid="plan-action-count">{progress.done}/{progress.total}</span>
          {perStation && <span className="muted"> · {lang.t('planStationsDone')} {stationsDone}/{action.stations.length}</span>}
        </span>
      </button>
      {open && (
        <div className="plan-card-body">
          <p className="muted plan-card-deadline">{lang.t('planDeadline')} {beijingTime(action.deadlineAt).slice(0, 5)} · {perStation ? `${action.stations.length} ${lang.t('planStations')}` : lang.t('planCentre')}</p>
          {locked && <p className="actions-locked">{locked}</p>}
          {!perStation && <ul className="plan-items">{action.items.map((item) => <li key={item.id}>{itemButton(item.id, null, item.text)}</li>)}</ul>}
          {perStation && (
            <table className="plan-grid" data-testid="plan-grid">
              <thead>
                <tr>
                  <th>{lang.t('planStations')}</th>
                  {action.items.map((item) => (
                    <th key={item.id} scope="col">
                      {item.text}
                      {canTick && (
                        <button
                          type="button" className="plan-all" data-testid="plan-item-all" data-item-id={item.id} disabled={disabled || action.stations.every((s) => tickOf(plan.ticks, action.id, item.id, s))}
                          onClick={() => tick(item.id, action.stations.filter((s) => !tickOf(plan.ticks, action.id, item.id, s)), true)}
                        >
                          {lang.t('planAllStations')}
                        </button>
                      )}
                    </th>
                  ))}
                  <th>{lang.t('planProgress')}</th>
                </tr>
              </thead>
              <tbody>
                {progress.stations.map((s) => (
                  <tr key={s.station} data-testid="plan-station" data-station={s.station} className={s.done === s.total ? 'plan-station-done' : ''}>
                    <th scope="row">{plan.stationNames[s.station!] ?? s.station}</th>
                    {action.items.map((item) => <td key={item.id}>{itemButton(item.id, s.station, '')}</td>)}
                    <td className="plan-station-count">{s.done === s.total ? '✓ ' : ''}{s.done}/{s.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <CommandOutcome status={status} testId="plan-tick-outcome" />
        </div>
      )}
    </article>
  );
}
