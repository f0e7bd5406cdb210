// The persistent problems (顽症) and copies to the leader (抄报) of the hall state, as a pure reducer over hall
// events (see hall-state.ts for the whole). It trusts the log: the hall core checked every event before it
// was stored (domain/problem-lifecycle.ts).
import type { LeaderCopy, ProblemView } from './domain/problem-model.ts';
import type { HallEvent } from './protocol.ts';

export interface ProblemData {
  problems: Map<string, ProblemView>;
  copies: Map<string, LeaderCopy>;
}

export interface ProblemChanges { problem?: ProblemView; copy?: LeaderCopy }

/** Folds one event; returns the record it made or changed (nothing for other events, or records this map lacks). */
export function applyProblemEvent(data: ProblemData, event: HallEvent): ProblemChanges {
  const setProblem = (problem: ProblemView) => (data.problems.set(problem.id, problem), { problem });
  const setCopy = (copy: LeaderCopy) => (data.copies.set(copy.id, copy), { copy });
  switch (event.type) {
    case 'problem.opened':
    case 'problem.dismissed':
      return setProblem(event.payload);
    case 'problem.linked': {
      const current = data.problems.get(event.payload.problemId);
      if (!current || current.caseIds.includes(event.payload.caseId)) return {};
      return setProblem({ ...current, caseIds: [...current.caseIds, event.payload.caseId], updatedAt: event.at });
    }
    case 'problem.closed': {
      const current = data.problems.get(event.payload.problemId);
      return current ? setProblem({ ...current, state: 'closed', closedAt: event.at, closeNote: event.payload.note, updatedAt: event.at }) : {};
    }
    case 'leader.copied':
      return setCopy(event.payload);
    case 'leader.acknowledged': {
      const current = data.copies.get(event.payload.copyId);
      return current ? setCopy({ ...current, acknowledgedAt: event.at, acknowledgedBySeat: event.seat }) : {};
    }
    default:
      return {};
  }
}
