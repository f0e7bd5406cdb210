// The facts of one case beside the queue: what, where (with its grid kind's patrol task list), from whom, its
// SLA clock, who is responsible and by which principle (S-4.4), where the residential escalation rule stands
// (S-4.5), and possible duplicates and persistent problems (S-4.7) — shown, never blocking.
import { escalationAdvice } from '../../../electron/common/domain/escalation.ts';
import { responsibilityFor } from '../../../electron/common/domain/responsibility.ts';
import type { CaseView } from '../../../electron/common/protocol.ts';
import { provisionalNo } from '../../../electron/common/reconcile/outbound.ts';
import { beijingDateTime } from '../beijing-time.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useSite } from '../use-site.ts';
import { useGrids } from '../use-grids.ts';
import { FoldedTaskList } from '../patrol/PatrolTaskList.tsx';
import { usePatrolWords } from '../patrol/patrol-words.ts';
import { useTaskList } from '../patrol/use-patrol.ts';
import { CaseWarnings } from './CaseWarnings.tsx';
import { SlaClock } from './SlaClock.tsx';

const PRINCIPLE_KEY = { clear: 'principleClear', crossDepartment: 'principleCross', designated: 'principleDesignated' } as const;

export function CaseFacts({ view, now }: { view: CaseView; now: number }) {
  const lang = useLanguage();
  const site = useSite();
  const grids = useGrids();
  const { upstream, hallId } = useHallState();
  const grid = grids.status === 'ready' ? grids.grids.find((g) => g.properties.id === view.gridId) : undefined;
  const advice = grid?.properties.kind ? escalationAdvice(view, grid.properties.kind, now) : null;
  const tasks = useTaskList(grid?.properties.kind);
  const patrolWords = usePatrolWords();
  // Before dispatch the rules propose; after it the case says what was decided.
  const proposed = responsibilityFor(view.category, site.responsibility);
  const lead = view.lead ?? proposed.lead;
  const assisting = view.lead ? view.assisting : proposed.assisting;
  const rule = view.dutyRule ?? proposed.dutyRule;
  // A seat's own case waits for the district's number under the hall's provisional one (S-7.3).
  const provisional = upstream?.configured && hallId && !view.externalId && view.createdBySeat !== null ? provisionalNo(hallId, view.no) : null;
  const time = (at: number | null) => (at === null ? '—' : beijingDateTime(at).slice(5, 16));

  return (
    <div className="case-facts">
      <h3 data-testid="detail-title">
        <span className={`urgency-word urgency-${site.isUrgent(view.urgency) ? 'urgent' : 'general'}`}>{site.isUrgent(view.urgency) ? '◆' : '○'} {site.urgencyName(view.urgency)}</span>
        <span className="muted">#{view.no}</span> {view.demo && <span className="mark mark-demo" data-testid="demo-mark">{lang.t('demoCase')}</span>} {view.drill && <span className="mark mark-drill" data-testid="drill-mark">{lang.t('modeDrill')}</span>} {view.title}
      </h3>
      <dl className="facts">
        <dt>{lang.t('fieldState')}</dt>
        <dd data-testid="detail-state" className="state-word">{lang.state(view.state)}</dd>
        <dt>{lang.t('slaClock')}</dt>
        <dd><SlaClock view={view} now={now} long /></dd>
        <dt>{lang.t('fieldSource')}</dt>
        <dd data-testid="detail-source">
          {lang.source(view.source)}{view.externalId && ` · ${lang.t('ticketNo')} ${view.externalId}`}
          {provisional && <span className="muted" data-testid="provisional-no"> · {lang.t('ticketNo')} {provisional}（{lang.t('awaitingDistrictNo')}）</span>}
        </dd>
        <dt>{lang.t('fieldCategory')}</dt>
        <dd>{view.category}</dd>
        <dt>{lang.t('fieldLocation')}</dt>
        <dd data-testid="detail-location">
          {[view.address, grid ? `${grid.properties.name}（${grid.properties.id}）` : view.gridId].filter(Boolean).join(' · ') || '—'}
          {view.placement && (
            <span className={`placement placement-${view.placement.match}`} data-testid="detail-placement" data-match={view.placement.match} title={view.placement.reason}>
              {' · '}{lang.matchKind(view.placement.match)}{view.placement.standardAddress && `（${view.placement.standardAddress}）`}
              {view.placement.match === 'unmatched' && `：${lang.unmatched(view.placement.code)}`}
            </span>
          )}
        </dd>
        {tasks && <><dt>{patrolWords.word('tasks')}</dt><dd><FoldedTaskList list={tasks} testId="case-task-list" /></dd></>}
        {view.description && <><dt>{lang.t('fieldDescription')}</dt><dd>{view.description}</dd></>}
        <dt>{lang.t('responsibility')}</dt>
        <dd data-testid="detail-responsibility">
          {lead ? `${lang.t('lead')} ${site.departmentName(lead)}` : lang.t('leadUndecided')}
          {assisting.length > 0 && ` · ${lang.t('assisting')} ${assisting.map((d) => site.departmentName(d)).join('、')}`}
          <span className="principle"> {rule ? lang.t(PRINCIPLE_KEY[rule]) : lang.t('principleUnclear')}</span>
        </dd>
        <dt>{lang.t('milestones')}</dt>
        <dd className="milestones">
          {lang.t('msReported')} {time(view.createdAt)} · {lang.t('msRegistered')} {time(view.registeredAt)} · {lang.t('msOnScene')} {time(view.onSceneAt)} ·{' '}
          {lang.t('msHandled')} {time(view.handledAt)} · {lang.t('msClosed')} {time(view.closedAt)}
          {view.dueAt !== undefined && ` · ${lang.t('ticketDue')} ${time(view.dueAt)}`}
        </dd>
        <dt>{lang.t('tier')}</dt>
        <dd>
          {lang.tier(view.tier)}
          {advice && (
            <span className={`advice advice-${advice.stage}`} data-testid="escalation-advice">
              {' · '}{lang.escalationStage(advice.stage)} · {lang.t('enforcementJoins')} {time(advice.joinEnforcementAt)} · {lang.t('finishBy')} {time(advice.finishBy)}
              {advice.nextTier && ` · ${lang.t('nextTier')} ${lang.tier(advice.nextTier)}`}
            </span>
          )}
        </dd>
      </dl>
      <CaseWarnings view={view} now={now} />
    </div>
  );
}
