// The pre-plan on the wall (S-6.3): the response and its level, the count of actions done, late and in progress,
// then the actions, late first, each with its state as a glyph and a word (green done, red late), its department
// and its checklist progress as a bar with the count, as many as the monitor has room for and how many more.
import '../styles/plan-wall.css';
import { useRef } from 'react';
import { LEVEL_COLOURS } from '../../../electron/common/domain/command-mode.ts';
import { responseName } from '../../../electron/common/preplan/plan-model.ts';
import { useLanguage } from '../i18n/language.tsx';
import { deadlineText, STATE_GLYPH, usePlanInForce } from '../preplan/plan-status.ts';
import { useNow } from '../use-now.ts';
import { useSite } from '../use-site.ts';
import { useRowsThatFit } from './use-rows-that-fit.ts';

/** More rows than any monitor holds at the wall's type size. */
const MOST_ROWS = 40;

export function PlanPanel() {
  const lang = useLanguage();
  const site = useSite();
  const now = useNow();
  const current = usePlanInForce(now);
  const listRef = useRef<HTMLOListElement>(null);
  const fit = useRowsThatFit(listRef, MOST_ROWS);
  if (!current) {
    return (
      <section className="wall-board plan-board" data-testid="plan-panel">
        <h2>{lang.t('wallPlanTitle')}</h2>
        <p className="queue-empty" data-testid="plan-none">{lang.t('planNone')}</p>
        <ol ref={listRef} className="plan-rows" />
      </section>
    );
  }
  const { plan, progress, summary } = current;
  const shown = progress.filter((p) => p.state !== 'released');
  const rows = shown.slice(0, fit);
  const hidden = shown.slice(rows.length);
  return (
    <section className="wall-board plan-board" data-testid="plan-panel" data-plan-id={plan.id}>
      <h2>
        {lang.t('wallPlanTitle')}
        <span className={`level-badge level-${LEVEL_COLOURS[plan.level]}`} data-testid="plan-level">{responseName(plan.hazard, plan.level)}</span>
        {plan.drill && <span className="mark mark-drill">{lang.t('planDrill')}</span>}
      </h2>
      <p className="plan-summary" data-testid="plan-summary">
        <span>{summary.total} {lang.t('planActions')}</span>
        <span className="plan-state-done">{STATE_GLYPH.done} {lang.t('planDone')} <b>{summary.done}</b></span>
        <span className="plan-state-late">{STATE_GLYPH.late} {lang.t('planLate')} <b>{summary.late}</b></span>
        <span>{STATE_GLYPH.open} {lang.t('planOpen')} <b>{summary.open}</b></span>
      </p>
      <ol ref={listRef} className="plan-rows" data-testid="plan-rows">
        {rows.map((p) => (
          <li key={p.action.id} className={`plan-row plan-state-${p.state}`} data-testid="plan-row" data-action-id={p.action.id} data-state={p.state}>
            <span className="plan-row-state" data-testid="plan-row-state">{STATE_GLYPH[p.state]} {deadlineText(p, now, lang.t)}</span>
            <span className="plan-row-title">{p.action.title}</span>
            <span className="plan-row-department">{site.departmentName(p.action.department)}</span>
            <span className="plan-bar" aria-hidden="true"><span style={{ width: `${(100 * p.done) / p.total}%` }} /></span>
            <span className="plan-row-count" data-testid="plan-row-count">{p.done}/{p.total}</span>
          </li>
        ))}
      </ol>
      {hidden.length > 0 && (
        <p className="queue-more" data-testid="plan-more">
          {lang.t('wallPlanMore')} {hidden.length} {lang.t('wallPlanMoreActions')}
          {hidden.some((p) => p.state === 'late') && <span className="plan-state-late">（{STATE_GLYPH.late} {lang.t('planLate')} {hidden.filter((p) => p.state === 'late').length}）</span>}
        </p>
      )}
    </section>
  );
}
