// Possible duplicates of a case (S-4.7), and on the console the persistent problem (顽症) it belongs to, the
// proposal it is part of, or the open problem it recurs at, each with the way to it in the 顽症 tab.
import { useMemo } from 'react';
import { duplicateCandidates } from '../../../electron/common/domain/duplicates.ts';
import { problemOfCase, problemProposals, recurrences } from '../../../electron/common/domain/problem-detector.ts';
import type { CaseView } from '../../../electron/common/protocol.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useProblemNavigation } from '../problems/problem-navigation.tsx';
import type { ProblemSelection } from '../problems/use-problem-board.ts';

export function CaseWarnings({ view, now }: { view: CaseView; now: number }) {
  const lang = useLanguage();
  const { cases, problems } = useHallState();
  const navigate = useProblemNavigation();
  const duplicates = duplicateCandidates(view, cases);
  const minute = Math.ceil(now / 60_000) * 60_000;
  const problem = useMemo(() => {
    if (!navigate) return null;
    const holder = problemOfCase(view.id, problems);
    if (holder) return { text: `${lang.t('caseInProblem')} #${holder.no} ${holder.title}（${lang.t(holder.state === 'open' ? 'stateOpen' : 'stateClosed')}）`, to: { kind: 'problem', id: holder.id } as ProblemSelection };
    const recurs = problems.find((p) => p.state === 'open' && recurrences(p, [view], problems).length > 0);
    if (recurs) return { text: `${lang.t('caseRecurs')} #${recurs.no} ${recurs.title}`, to: { kind: 'problem', id: recurs.id } as ProblemSelection };
    const proposal = problemProposals(cases, problems, minute).find((p) => p.cases.some((c) => c.id === view.id));
    return proposal
      ? { text: `${lang.t('caseInProposal')}${proposal.gridId}「${proposal.category}」 ${proposal.occurrences}${lang.t('timesWord')}${lang.t('inWindow')}`, to: { kind: 'proposal', key: proposal.key } as ProblemSelection }
      : null;
  }, [navigate, view, cases, problems, minute, lang]);
  if (duplicates.length === 0 && !problem) return null;
  return (
    <div className="warnings" data-testid="case-warnings">
      {duplicates.length > 0 && (
        <p className="warning" data-testid="duplicate-warning">
          <span aria-hidden="true">⧉</span> {lang.t('possibleDuplicates')}{' '}
          {duplicates.slice(0, 3).map((d) => `#${d.original.no} ${d.original.title}${d.distanceM === null ? '' : `（${Math.round(d.distanceM)} m）`}`).join('；')}
        </p>
      )}
      {problem && navigate && (
        <p className="warning" data-testid="persistent-warning">
          <span aria-hidden="true">⟳</span> {problem.text}{' '}
          <button type="button" data-testid="view-problem" onClick={() => navigate(problem.to)}>{lang.t('viewProblem')}</button>
        </p>
      )}
    </div>
  );
}
