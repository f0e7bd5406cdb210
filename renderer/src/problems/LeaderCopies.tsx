// The copies to the leader in charge (抄报) not yet acknowledged, newest first, each until someone at a console
// acknowledges it (确认收悉, an event of the log): to whom, about what (a click opens it), why, when.
import type { LeaderCopy } from '../../../electron/common/protocol.ts';
import { beijingDateTime } from '../beijing-time.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { CommandOutcome, useCommand } from '../use-command.tsx';
import type { ProblemSelection } from './use-problem-board.ts';

interface LeaderCopiesProps {
  waiting: readonly LeaderCopy[];
  onSelect(selection: ProblemSelection): void;
  onOpenCase(caseId: string): void;
}

export function LeaderCopies({ waiting, onSelect, onOpenCase }: LeaderCopiesProps) {
  const lang = useLanguage();
  const { problems, cases } = useHallState();
  const { status, send } = useCommand();
  const subject = (c: LeaderCopy) => {
    if (c.problemId !== null) {
      const problem = problems.find((p) => p.id === c.problemId);
      return { text: `${lang.t('copyOfProblem')} #${problem?.no ?? '?'} ${problem?.title ?? c.problemId}`, open: () => onSelect({ kind: 'problem', id: c.problemId! }) };
    }
    const view = cases.find((v) => v.id === c.caseId);
    return { text: `${lang.t('copyOfCase')} #${view?.no ?? '?'} ${view?.title ?? c.caseId}`, open: () => onOpenCase(c.caseId!) };
  };
  return (
    <section className={`leader-copies${waiting.length ? ' waiting' : ''}`} data-testid="leader-copies" aria-live="polite">
      <h3>{lang.t('copiesWaiting')} <span className="count" data-testid="copies-waiting-count">{waiting.length}</span></h3>
      {waiting.length === 0 && <p className="muted">{lang.t('noCopiesWaiting')}</p>}
      <ul>
        {waiting.map((c) => {
          const about = subject(c);
          return (
            <li key={c.id} data-testid="copy-waiting" data-copy-id={c.id}>
              <span aria-hidden="true">✉</span> <strong>{c.leaderName}</strong> <span className="muted">{c.leaderTitle}</span>
              <button type="button" className="link" onClick={about.open}>{about.text}</button>
              <span className="muted">{beijingDateTime(c.at).slice(5, 16)} · {c.reason}</span>
              <button type="button" data-testid="copy-acknowledge" disabled={status.kind === 'sending'} onClick={() => void send({ kind: 'leader.acknowledge', copyId: c.id }, `${lang.t('acknowledgedWord')} ✓`)}>
                {lang.t('acknowledge')}
              </button>
            </li>
          );
        })}
      </ul>
      <CommandOutcome status={status} testId="copy-outcome" />
    </section>
  );
}
