// The console's view of persistent problems (顽症): the detector's proposals over the cases it holds, the open,
// closed and dismissed records, and the copies to the leader not yet acknowledged. Recomputed when the cases
// or records change, and once a minute (the 30-day window moves).
import { useMemo } from 'react';
import { problemProposals, type ProblemProposal } from '../../../electron/common/domain/problem-detector.ts';
import type { LeaderCopy, ProblemView } from '../../../electron/common/protocol.ts';
import { useHallState } from '../hall-context.tsx';

export interface ProblemBoard {
  proposals: ProblemProposal[];
  open: ProblemView[];
  closed: ProblemView[];
  dismissed: ProblemView[];
  /** Copies to the leader not yet acknowledged, newest first. */
  waiting: LeaderCopy[];
}

/** What the tab selects: a proposal by its key, or a record by its id. */
export type ProblemSelection = { kind: 'proposal'; key: string } | { kind: 'problem'; id: string };

const newestFirst = (a: ProblemView, b: ProblemView) => b.updatedAt - a.updatedAt || b.no - a.no;

export function useProblemBoard(now: number): ProblemBoard {
  const { cases, problems, copies } = useHallState();
  // The end of the current minute: a case reported a moment ago counts at once.
  const minute = Math.ceil(now / 60_000) * 60_000;
  return useMemo(() => ({
    proposals: problemProposals(cases, problems, minute),
    open: problems.filter((p) => p.state === 'open').sort(newestFirst),
    closed: problems.filter((p) => p.state === 'closed').sort(newestFirst),
    dismissed: problems.filter((p) => p.state === 'dismissed').sort(newestFirst),
    waiting: copies.filter((c) => c.acknowledgedAt === null).sort((a, b) => b.no - a.no),
  }), [cases, problems, copies, minute]);
}
