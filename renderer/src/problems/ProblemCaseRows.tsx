// Cases of a persistent problem (or its recurrences) as rows: number and title open the case in the work tab;
// when, from where, which grid, what state; and an action beside each where the list offers one.
import type { ReactNode } from 'react';
import type { CaseView } from '../../../electron/common/protocol.ts';
import { beijingDateTime } from '../beijing-time.ts';
import { useLanguage } from '../i18n/language.tsx';

interface ProblemCaseRowsProps {
  cases: readonly CaseView[];
  testId: string;
  onOpenCase(id: string): void;
  action?: (c: CaseView) => ReactNode;
}

export function ProblemCaseRows({ cases, testId, onOpenCase, action }: ProblemCaseRowsProps) {
  const lang = useLanguage();
  return (
    <ol className="problem-cases" data-testid={testId}>
      {cases.map((c) => (
        <li key={c.id} data-testid={`${testId}-row`} data-case-id={c.id}>
          <button type="button" className="link" onClick={() => onOpenCase(c.id)}>#{c.no} {c.title}</button>
          <span className="muted">{beijingDateTime(c.createdAt).slice(0, 16)} · {lang.source(c.source)} · {c.gridId ?? '—'} · {lang.state(c.state)}</span>
          {action?.(c)}
        </li>
      ))}
    </ol>
  );
}
