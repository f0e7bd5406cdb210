// The console's 顽症 tab (S-4.7): the copies to the leader awaiting acknowledgement on top, then what the
// detector proposes, the open problems with their counts and recurrences, the closed (已销项) and the dismissed
// (不立项) ones; the selected one beside the lists with its cases, map, actions and history.
import type { ReactNode } from 'react';
import { recurrences } from '../../../electron/common/domain/problem-detector.ts';
import type { ProblemView } from '../../../electron/common/protocol.ts';
import { useHallState } from '../hall-context.tsx';
import type { MessageKey } from '../i18n/dictionary.ts';
import { useLanguage } from '../i18n/language.tsx';
import '../styles/problems.css';
import { useGridName } from './grid-name.ts';
import { LeaderCopies } from './LeaderCopies.tsx';
import { ProblemDetail } from './ProblemDetail.tsx';
import { useProblemBoard, type ProblemSelection } from './use-problem-board.ts';

interface ProblemsTabProps {
  now: number;
  selection: ProblemSelection | null;
  onSelect(selection: ProblemSelection): void;
  onOpenCase(caseId: string): void;
}

const selectedIs = (selection: ProblemSelection | null, item: ProblemSelection) =>
  selection?.kind === item.kind && (item.kind === 'proposal' ? selection.kind === 'proposal' && selection.key === item.key : selection.kind === 'problem' && selection.id === item.id);

function Section({ title, count, testId, children }: { title: MessageKey; count: number; testId: string; children: ReactNode }) {
  const lang = useLanguage();
  return (
    <section className="problem-section" data-testid={testId}>
      <h3>{lang.t(title)} <span className="count">{count}</span></h3>
      {count === 0 ? <p className="muted">{lang.t(title === 'problemProposals' ? 'noProposals' : 'noProblems')}</p> : <ul>{children}</ul>}
    </section>
  );
}

export function ProblemsTab({ now, selection, onSelect, onOpenCase }: ProblemsTabProps) {
  const lang = useLanguage();
  const { cases, problems } = useHallState();
  const board = useProblemBoard(now);
  const gridName = useGridName();

  const item = (target: ProblemSelection, testId: string, body: ReactNode, extra: Record<string, string> = {}) => (
    <li key={target.kind === 'proposal' ? target.key : target.id}>
      <button type="button" className={`problem-item${selectedIs(selection, target) ? ' selected' : ''}`} data-testid={testId} {...extra} onClick={() => onSelect(target)}>
        {body}
      </button>
    </li>
  );
  const record = (p: ProblemView, testId: string, tail: ReactNode) =>
    item({ kind: 'problem', id: p.id }, testId, <><span className="muted">#{p.no}</span> {p.title} <span className="problem-tail">{tail}</span></>, { 'data-problem-id': p.id });

  const selected = selection?.kind === 'proposal'
    ? board.proposals.find((p) => p.key === selection.key)
    : problems.find((p) => p.id === selection?.id);

  return (
    <div className="problems" data-testid="problems-tab">
      <aside className="problem-lists">
        <LeaderCopies waiting={board.waiting} onSelect={onSelect} onOpenCase={onOpenCase} />
        <p className="muted problem-rule">{lang.t('problemRule')}</p>
        <Section title="problemProposals" count={board.proposals.length} testId="problem-proposals">
          {board.proposals.map((p) =>
            item({ kind: 'proposal', key: p.key }, 'problem-proposal', (
              <>
                <span className="problem-new" aria-hidden="true">◆</span> {gridName(p.gridId)}「{p.category}」
                <span className="problem-tail">{p.occurrences}{lang.t('timesWord')}{lang.t('inWindow')} · {lang.t('hotlineComplaints')} {p.hotlineComplaints}</span>
              </>
            ), { 'data-grid-id': p.gridId, 'data-category': p.category }),
          )}
        </Section>
        <Section title="problemsOpen" count={board.open.length} testId="problems-open">
          {board.open.map((p) => {
            const recurring = recurrences(p, cases, problems).length;
            return record(p, 'problem-open', <>{p.caseIds.length} {lang.t('caseCount')}{recurring > 0 && <strong className="warning"> · ⟳ {recurring}</strong>} · {lang.t('stateOpen')}</>);
          })}
        </Section>
        <Section title="problemsClosed" count={board.closed.length} testId="problems-closed">
          {board.closed.map((p) => record(p, 'problem-closed', <>{p.caseIds.length} {lang.t('caseCount')} · {lang.t('stateClosed')}</>))}
        </Section>
        <Section title="problemsDismissed" count={board.dismissed.length} testId="problems-dismissed">
          {board.dismissed.map((p) => record(p, 'problem-dismissed', <>{p.dismissReason}</>))}
        </Section>
      </aside>
      {selected
        ? <ProblemDetail key={selection?.kind === 'proposal' ? selection.key : selection?.id} subject={selected} now={now} onSelect={onSelect} onOpenCase={onOpenCase} />
        : <section className="problem-detail detail-empty" data-testid="problem-detail">{lang.t('selectProblem')}</section>}
    </div>
  );
}
