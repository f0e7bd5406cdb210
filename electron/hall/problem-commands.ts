// The console's commands on persistent problems (顽症) and copies to the leader in charge (抄报), S-4.7: the
// records a command touches are loaded from the store, checked by the pure rules
// (common/domain/problem-lifecycle.ts), and the command becomes one event of the log.
import { PROBLEM_RULE } from '../common/domain/problem-detector.ts';
import { refuseAcknowledge, refuseClose, refuseCopy, refuseDismiss, refuseLink, refuseOpen, type ProblemScope } from '../common/domain/problem-lifecycle.ts';
import type { CaseView, HallEvent, Officer, Origin, ProblemCommand, ProblemProposalRef, ProblemView, SeatInfo } from '../common/protocol.ts';
import type { SiteRules } from '../common/site/site-config.ts';
import type { Appended, AppendSpec, EventLog } from './event-log.ts';
import { uuidv7 } from './ids.ts';
import { casesByIds, casesInGridSince } from './store/case-table.ts';
import type { Store } from './store/database.ts';
import { loadCopy, loadProblem, problemsAt, problemsHolding, unacknowledgedCopiesOf } from './store/problem-table.ts';

export type ProblemResult = ({ ok: true } & Appended) | { ok: false; code: 'forbidden' | 'invalid-command'; message: string };

export interface ProblemCommandContext {
  store: Store;
  log: EventLog;
  site: SiteRules;
  now(): number;
}

interface By { origin: Origin; seat: string; officer?: Officer; idemKey: string }

type EventOf<T extends HallEvent['type']> = Extract<HallEvent, { type: T }>;
const refused = (message: string): ProblemResult => ({ ok: false, code: 'invalid-command', message });

/** The cases and problems of a place, and of the cases named, for the checks. */
function scopeOf(store: Store, place: { gridId: string; category: string }, caseIds: readonly string[], now: number): ProblemScope {
  const here = problemsAt(store, place.gridId, place.category);
  const held = problemsHolding(store, caseIds);
  const problems = [...new Map([...here, ...held].map((p) => [p.id, p])).values()];
  const since = now - PROBLEM_RULE.windowMs - PROBLEM_RULE.quietMs;
  const around = casesInGridSince(store, place.gridId, Math.min(since, ...here.map((p) => p.createdAt - PROBLEM_RULE.windowMs)));
  const named = casesByIds(store, [...new Set([...caseIds, ...here.flatMap((p) => (p.state === 'open' ? p.caseIds : []))])]);
  const cases = [...new Map<string, CaseView>([...around, ...named].map((c) => [c.id, c])).values()];
  return { cases, problems };
}

export function executeProblemCommand(ctx: ProblemCommandContext, seat: SeatInfo, command: ProblemCommand, by: By): ProblemResult {
  if (seat.role !== 'console') return { ok: false, code: 'forbidden', message: '顽症与抄报由指挥台办理 / only a console handles persistent problems and copies' };
  const { store } = ctx;
  const now = ctx.now();
  const append = <T extends HallEvent['type']>(type: T, payload: (seq: number) => EventOf<T>['payload']): ProblemResult =>
    ({ ok: true, ...ctx.log.append({ type, ...by, at: now, payload } as AppendSpec<EventOf<T>>) });
  const record = (ref: ProblemProposalRef, fields: Pick<ProblemView, 'title' | 'state' | 'dismissReason'>) => (seq: number): ProblemView => ({
    ...ref, ...fields, id: uuidv7(now), no: seq, createdAt: now, createdBySeat: seat.id, updatedAt: now, closedAt: null, closeNote: null,
  });

  switch (command.kind) {
    case 'problem.open': {
      const why = refuseOpen(command.proposal, scopeOf(store, command.proposal, command.proposal.caseIds, now), now);
      return why ? refused(why) : append('problem.opened', record(command.proposal, { title: command.title, state: 'open', dismissReason: null }));
    }
    case 'problem.dismiss': {
      const why = refuseDismiss(command.proposal, scopeOf(store, command.proposal, command.proposal.caseIds, now));
      const title = `网格${command.proposal.gridId}「${command.proposal.category}」`;
      return why ? refused(why) : append('problem.dismissed', record(command.proposal, { title, state: 'dismissed', dismissReason: command.reason }));
    }
    case 'problem.link': {
      const problem = loadProblem(store, command.problemId);
      const [view] = casesByIds(store, [command.caseId]);
      const why = refuseLink(problem, view, { cases: view ? [view] : [], problems: problemsHolding(store, [command.caseId]) });
      return why ? refused(why) : append('problem.linked', () => ({ problemId: command.problemId, caseId: command.caseId }));
    }
    case 'problem.close': {
      const problem = loadProblem(store, command.problemId);
      const why = refuseClose(problem, problem ? scopeOf(store, problem, problem.caseIds, now) : { cases: [], problems: [] }, now);
      return why ? refused(why) : append('problem.closed', () => ({ problemId: command.problemId, note: command.note }));
    }
    case 'leader.copy': {
      const leader = ctx.site.leader(command.leaderId);
      const target = command.problemId !== undefined
        ? { problemId: command.problemId, problem: loadProblem(store, command.problemId) }
        : { caseId: command.caseId!, view: casesByIds(store, [command.caseId!])[0] };
      const why = refuseCopy(target, command.leaderId, leader !== undefined, unacknowledgedCopiesOf(store, command));
      if (why || !leader) return refused(why ?? `no leader ${command.leaderId}`);
      return append('leader.copied', (seq) => ({
        id: uuidv7(now), no: seq, problemId: command.problemId ?? null, caseId: command.caseId ?? null,
        leaderId: leader.id, leaderName: leader.name, leaderTitle: leader.title, reason: command.reason,
        at: now, bySeat: seat.id, acknowledgedAt: null, acknowledgedBySeat: null,
      }));
    }
    case 'leader.acknowledge': {
      const copy = loadCopy(store, command.copyId);
      const why = refuseAcknowledge(copy);
      return why || !copy ? refused(why ?? `no copy ${command.copyId}`) : append('leader.acknowledged', () => ({ copyId: copy.id, problemId: copy.problemId, caseId: copy.caseId }));
    }
  }
}
