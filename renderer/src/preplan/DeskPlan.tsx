// A joint desk's part of the plan in force (S-6.3): its own department's actions first, open, with their
// checklists to tick (after roll call: every tick names who made it), then the other departments' progress, read
// only. Nothing when no plan is in force.
import '../styles/plan.css';
import '../styles/plan-wall.css';
import { LEVEL_COLOURS } from '../../../electron/common/domain/command-mode.ts';
import { responseName } from '../../../electron/common/preplan/plan-model.ts';
import { mayTick } from '../../../electron/common/preplan/plan-rules.ts';
import type { SeatInfo } from '../../../electron/common/protocol.ts';
import { useLanguage } from '../i18n/language.tsx';
import { PlanActionCard } from './PlanActionCard.tsx';
import { STATE_GLYPH, usePlanInForce } from './plan-status.ts';

export function DeskPlan({ seat, signedIn, now }: { seat: SeatInfo; signedIn: boolean; now: number }) {
  const lang = useLanguage();
  const current = usePlanInForce(now);
  if (!current) return null;
  const { plan, progress } = current;
  const mine = progress.filter((p) => p.state !== 'released' && mayTick(seat, p.action.department));
  const others = progress.filter((p) => p.state !== 'released' && !mayTick(seat, p.action.department));
  const late = mine.filter((p) => p.state === 'late').length;
  return (
    <section className="desk-plan" data-testid="desk-plan" data-plan-id={plan.id}>
      <h2>
        <span className={`level-badge level-${LEVEL_COLOURS[plan.level]}`}>{responseName(plan.hazard, plan.level)}</span>
        {lang.t('planMine')} <span className="count">{mine.length}</span>
        {late > 0 && <span className="plan-state-late">{STATE_GLYPH.late} {lang.t('planLate')} {late}</span>}
      </h2>
      {mine.length === 0 && <p className="muted">{lang.t('planMineNone')}</p>}
      {mine.map((p) => (
        <PlanActionCard key={p.action.id} plan={plan} progress={p} now={now} canTick={signedIn} locked={signedIn ? undefined : lang.t('planSignInToTick')} startOpen={p.state !== 'done'} />
      ))}
      {others.length > 0 && (
        <details>
          <summary>{lang.t('planOthers')} · {others.length}</summary>
          {others.map((p) => <PlanActionCard key={p.action.id} plan={plan} progress={p} now={now} canTick={false} />)}
        </details>
      )}
    </section>
  );
}
