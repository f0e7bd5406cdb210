// One persistent problem (顽症) or proposal beside the lists: where and what, how often and since when, the
// 抄报 advice, its cases on the map and in a list (a click opens the case), the recurrences to link, the
// actions this state allows, the copies to the leader about it and, for a record, its history from the log.
import { clusterOf, copyToLeader } from '../../../electron/common/domain/duplicates.ts';
import { closableAt, recurrences, type ProblemProposal } from '../../../electron/common/domain/problem-detector.ts';
import type { ProblemView } from '../../../electron/common/protocol.ts';
import { beijingDateTime } from '../beijing-time.ts';
import { MiniMap } from '../components/MiniMap.tsx';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useGrids } from '../use-grids.ts';
import { useGridName } from './grid-name.ts';
import { ProblemActions } from './ProblemActions.tsx';
import { ProblemCaseRows } from './ProblemCaseRows.tsx';
import { ProblemTimeline } from './ProblemTimeline.tsx';
import type { ProblemSelection } from './use-problem-board.ts';

interface ProblemDetailProps {
  subject: ProblemProposal | ProblemView;
  now: number;
  onSelect(selection: ProblemSelection): void;
  onOpenCase(caseId: string): void;
}

const day = (t: number) => beijingDateTime(t).slice(0, 16);

export function ProblemDetail({ subject, now, onSelect, onOpenCase }: ProblemDetailProps) {
  const lang = useLanguage();
  const { cases, problems, copies } = useHallState();
  const grids = useGrids();
  const gridName = useGridName();
  const proposal = 'key' in subject ? subject : null;
  const record = proposal ? null : (subject as ProblemView);
  const byId = new Map(cases.map((c) => [c.id, c]));
  const own = proposal ? proposal.cases : record!.caseIds.flatMap((id) => byId.get(id) ?? []);
  const recurring = record ? recurrences(record, cases, problems) : [];
  const figures = own.length ? { ...clusterOf(own), gridId: subject.gridId, category: subject.category } : null;
  const advice = figures ? copyToLeader(figures) : null;
  const closable = record?.state === 'open' ? closableAt(record, cases, problems) : null;
  const stateKey = proposal ? 'stateProposed' : record!.state === 'open' ? 'stateOpen' : record!.state === 'closed' ? 'stateClosed' : 'stateDismissed';
  const mine = record ? copies.filter((c) => c.problemId === record.id) : [];
  const located = [...own, ...recurring].flatMap((c) => (c.location ? [{ id: c.id, position: c.location, label: `#${c.no}` }] : []));

  return (
    <section className="problem-detail" data-testid="problem-detail" data-problem-id={record?.id} data-key={proposal?.key}>
      <h3>
        <span className={`problem-state state-${proposal ? 'proposed' : record!.state}`} data-testid="problem-state">{lang.t(stateKey)}</span>
        {record && <span className="muted">#{record.no}</span>} {record ? record.title : `${gridName(subject.gridId)}「${subject.category}」`}
      </h3>
      <dl className="facts">
        <dt>{lang.t('fieldLocation')}</dt>
        <dd>{gridName(subject.gridId)}</dd>
        <dt>{lang.t('fieldCategory')}</dt>
        <dd>{subject.category}</dd>
        {figures && (
          <>
            <dt>{lang.t('occurrences')}</dt>
            <dd data-testid="problem-occurrences">
              {figures.occurrences}{lang.t('timesWord')}{proposal && lang.t('inWindow')} · {lang.t('hotlineComplaints')} {figures.hotlineComplaints}{lang.t('timesWord')} ·{' '}
              {lang.t('firstSeen')} {day(figures.firstAt)} · {lang.t('lastSeen')} {day(Math.max(figures.lastAt, ...recurring.map((c) => c.createdAt)))}
            </dd>
          </>
        )}
        {advice && record?.state !== 'closed' && record?.state !== 'dismissed' && (
          <>
            <dt>{lang.t('copyAdvice')}</dt>
            <dd className={advice.copy ? 'warning' : 'muted'} data-testid="copy-advice">{advice.reason}</dd>
          </>
        )}
        {record && (
          <>
            <dt>{lang.t(record.state === 'dismissed' ? 'problemsDismissed' : 'openedAt')}</dt>
            <dd>{day(record.createdAt)}{record.dismissReason && ` · ${record.dismissReason}`}</dd>
          </>
        )}
        {record?.closedAt != null && (
          <>
            <dt>{lang.t('closedAtWord')}</dt>
            <dd data-testid="problem-close-note">{day(record.closedAt)} · {record.closeNote}</dd>
          </>
        )}
        {closable !== null && (
          <>
            <dt>{lang.t('closableFrom')}</dt>
            <dd data-testid="problem-closable" className={closable <= now ? 'status-done' : 'muted'}>{closable <= now ? lang.t('closableNow') : day(closable)}</dd>
          </>
        )}
      </dl>
      {proposal?.dismissed && <p className="warning">{lang.t('dismissedBefore')} #{proposal.dismissed.no}：{proposal.dismissed.dismissReason}</p>}
      {proposal?.closedBefore && (
        <p className="warning">
          {lang.t('closedBefore')}{' '}
          <button type="button" className="link" onClick={() => onSelect({ kind: 'problem', id: proposal.closedBefore!.id })}>#{proposal.closedBefore.no} {proposal.closedBefore.title}</button>
        </p>
      )}
      {grids.status === 'ready' && (
        <MiniMap grids={grids.grids} points={located} highlightGridId={subject.gridId} label={lang.t('problemMap')} testId="problem-map" />
      )}
      <h4>{lang.t('problemCases')} <span className="count">{own.length}</span></h4>
      <ProblemCaseRows cases={own} testId="problem-cases" onOpenCase={onOpenCase} />
      <ProblemActions subject={subject} recurring={recurring} closable={closable} now={now} onSelect={onSelect} onOpenCase={onOpenCase} />
      {mine.length > 0 && (
        <ul className="problem-copies" data-testid="problem-copies">
          {mine.map((c) => (
            <li key={c.id}>
              {lang.t('copiedTo')} {c.leaderName}（{c.leaderTitle}） {day(c.at)} · {c.reason} ·{' '}
              <strong className={c.acknowledgedAt === null ? 'warning' : 'status-done'}>{c.acknowledgedAt === null ? lang.t('copiesWaiting') : `${lang.t('acknowledgedWord')} ${day(c.acknowledgedAt)}`}</strong>
            </li>
          ))}
        </ul>
      )}
      {record && <ProblemTimeline problemId={record.id} version={`${record.updatedAt}/${mine.map((c) => c.acknowledgedAt ?? '-').join(',')}`} />}
    </section>
  );
}
