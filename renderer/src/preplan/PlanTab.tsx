// The console's 预案 tab (S-6.3, S-6.5, S-6.6). In emergency command: the plan in force — its response and level,
// the count done, late and in progress, the actions by department with their deadline countdown (red with a word
// when late), each one's checklist per station and who ticked what when — beside the situation reports (灾情快报)
// and the stand-down. Otherwise: the after-action review (复盘) of the last emergency, or of one picked from the
// past ones.
import '../styles/plan.css';
import '../styles/plan-wall.css';
import { useState } from 'react';
import { LEVEL_COLOURS } from '../../../electron/common/domain/command-mode.ts';
import { HAZARD_LABELS } from '../../../electron/common/cap/cn-profile.ts';
import { responseName, type PlanView } from '../../../electron/common/preplan/plan-model.ts';
import type { ActionProgress } from '../../../electron/common/preplan/plan-progress.ts';
import { beijingDateTime, beijingTime } from '../beijing-time.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useSite } from '../use-site.ts';
import { PlanActionCard } from './PlanActionCard.tsx';
import { STATE_GLYPH, usePlanInForce } from './plan-status.ts';
import { ReviewHistory, ReviewView } from './ReviewView.tsx';
import { SituationReports } from './SituationReports.tsx';
import { StandDown } from './StandDown.tsx';

export function PlanTab({ now }: { now: number }) {
  const lang = useLanguage();
  const { episode } = useHallState();
  const current = usePlanInForce(now);
  const inEmergency = episode !== null && episode.endedSeq === null;
  const [picked, setPicked] = useState<number | null>(null);
  const reviewed = picked ?? (episode && episode.endedSeq !== null ? episode.seq : null);
  return (
    <div className="plan-tab" data-testid="plan-tab">
      <section className="plan-main">
        {current && <PlanInForce plan={current.plan} progress={current.progress} summary={current.summary} now={now} />}
        {inEmergency && !current && (
          <p className="plan-none" data-testid="plan-none">{HAZARD_LABELS[episode.hazard][lang.language]} · {lang.t('planNoPlanForHazard')}</p>
        )}
        {!inEmergency && (
          <>
            {reviewed === null && <p className="plan-none" data-testid="plan-none">{lang.t('planNone')}<br /><span className="muted">{lang.t('planNoneHint')}</span></p>}
            {reviewed !== null && <ReviewView key={reviewed} episodeSeq={reviewed} />}
          </>
        )}
      </section>
      <aside className="plan-side">
        {inEmergency && <SituationReports open everyMin={current?.plan.reportEveryMin ?? null} />}
        {inEmergency && <StandDown />}
        {!inEmergency && episode && <SituationReports open={false} everyMin={null} />}
        <ReviewHistory selected={reviewed} onSelect={setPicked} refreshKey={episode?.endedSeq} />
      </aside>
    </div>
  );
}

function PlanInForce({ plan, progress, summary, now }: { plan: PlanView; progress: ActionProgress[]; summary: { total: number; done: number; late: number; open: number }; now: number }) {
  const lang = useLanguage();
  const site = useSite();
  const { seats } = useHallState();
  const departments = site.site.departments.map((d) => d.id).filter((d) => progress.some((p) => p.action.department === d));
  const ticks = [...plan.ticks].sort((a, b) => b.at - a.at).slice(0, 15);
  const titleOf = (id: string) => plan.actions.find((a) => a.id === id)?.title ?? id;
  const itemOf = (actionId: string, itemId: string) => plan.actions.find((a) => a.id === actionId)?.items.find((i) => i.id === itemId)?.text ?? itemId;
  return (
    <div className="plan-in-force" data-testid="plan-in-force" data-plan-id={plan.id}>
      <h2>
        <span className={`level-badge level-${LEVEL_COLOURS[plan.level]}`} data-testid="plan-level">{responseName(plan.hazard, plan.level)}</span>
        {plan.drill && <span className="mark mark-drill">{lang.t('planDrill')}</span>}
        {plan.title}
      </h2>
      <p className="muted">
        {lang.t('planSince')} {beijingDateTime(plan.startedAt).slice(0, 16)} · {lang.t('planLevels')} {plan.levels.map((l) => `${l.level}（${beijingTime(l.at).slice(0, 5)}）`).join(' → ')}
      </p>
      <p className="plan-summary-line" data-testid="plan-summary">
        {summary.total} {lang.t('planActions')} · <span className="plan-state-done">{STATE_GLYPH.done} {lang.t('planDone')} {summary.done}</span> ·{' '}
        <span className="plan-state-late">{STATE_GLYPH.late} {lang.t('planLate')} {summary.late}</span> · {STATE_GLYPH.open} {lang.t('planOpen')} {summary.open}
      </p>
      {departments.map((d) => (
        <section key={d} className="plan-department" data-testid="plan-department" data-department={d}>
          <h3>{site.departmentName(d)}</h3>
          {progress.filter((p) => p.action.department === d).map((p) => <PlanActionCard key={p.action.id} plan={plan} progress={p} now={now} canTick />)}
        </section>
      ))}
      <section className="plan-ticks" data-testid="plan-ticks">
        <h3>{lang.t('planRecentTicks')}</h3>
        {ticks.length === 0 && <p className="muted">{lang.t('planNoTicks')}</p>}
        <ol>
          {ticks.map((t) => (
            <li key={`${t.actionId}/${t.itemId}/${t.station}`} data-testid="plan-tick">
              <time>{beijingTime(t.at)}</time> {seats.find((s) => s.id === t.seat)?.label ?? t.seat}{t.officer ? ` ${t.officer.name}` : ''} ✓ {titleOf(t.actionId)} · {itemOf(t.actionId, t.itemId)}
              {t.station && <span className="muted"> · {plan.stationNames[t.station] ?? t.station}</span>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
