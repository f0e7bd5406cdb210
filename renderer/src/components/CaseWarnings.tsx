// Possible duplicates of a case and the persistent problem (顽症) it belongs to, with the 抄报 advice (S-4.7).
import { copyToLeader, duplicateCandidates, persistentProblems, PERSISTENT_DEFAULTS } from '../../../electron/common/domain/duplicates.ts';
import type { CaseView } from '../../../electron/common/protocol.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';

export function CaseWarnings({ view, now }: { view: CaseView; now: number }) {
  const lang = useLanguage();
  const { cases } = useHallState();
  const duplicates = duplicateCandidates(view, cases);
  const problem = persistentProblems(cases, { now, ...PERSISTENT_DEFAULTS }).find((p) => p.cases.some((c) => c.id === view.id));
  if (duplicates.length === 0 && !problem) return null;
  return (
    <div className="warnings" data-testid="case-warnings">
      {duplicates.length > 0 && (
        <p className="warning" data-testid="duplicate-warning">
          <span aria-hidden="true">⧉</span> {lang.t('possibleDuplicates')}{' '}
          {duplicates.slice(0, 3).map((d) => `#${d.original.no} ${d.original.title}${d.distanceM === null ? '' : `（${Math.round(d.distanceM)} m）`}`).join('；')}
        </p>
      )}
      {problem && (
        <p className="warning" data-testid="persistent-warning">
          <span aria-hidden="true">⟳</span> {lang.t('persistentProblem')} {problem.gridId}「{problem.category}」 {problem.occurrences}
          {lang.t('timesIn30Days')}
          {copyToLeader(problem).copy && <> · <strong>{lang.t('copyToLeader')}</strong></>}
        </p>
      )}
    </div>
  );
}
