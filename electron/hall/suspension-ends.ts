// 挂起/延期 until a date (S-4.2): when the date comes, the hall itself resumes the case (no one has to remember
// it), logged as a resume of its own (origin hall, no seat) dated when the suspension ended, so the SLA clocks
// stood still exactly as long as the suspension said. It looks at the suspended cases every half minute
// (suspensions last hours or days) and at start, which also catches up on those that ended while it was down.
import { suspensionEnd } from '../common/domain/case-lifecycle.ts';
import type { HallEvent } from '../common/protocol.ts';
import type { Appended, AppendSpec, EventLog } from './event-log.ts';
import { casesInStates } from './store/case-table.ts';
import type { Store } from './store/database.ts';

const LOOK_EVERY_MS = 30_000;

export interface SuspensionEndsDeps {
  store: Store;
  events: EventLog;
  now(): number;
  broadcast(appended: Appended): void;
  log(line: string): void;
}

/** Resumes every case whose suspension has ended; returns how many. */
export function resumeEndedSuspensions({ store, events, now, broadcast, log }: SuspensionEndsDeps): number {
  const suspended = casesInStates(store, ['suspended']);
  const at = now();
  const due = suspended.flatMap((view) => {
    const end = suspensionEnd(view, at);
    return end ? [{ view, end }] : [];
  });
  if (due.length === 0) return 0;
  const appended = events.appendMany(due.map(({ view, end }): AppendSpec<HallEvent> => ({
    type: 'case.transitioned', origin: 'hall', seat: null, at: end.at,
    // One resume per suspension, whoever looks first (a restart, the next look).
    idemKey: `suspension-end/${view.id}/${end.at}`,
    payload: () => ({ caseId: view.id, act: { action: 'resume' }, from: end.from, to: end.to }),
  })));
  for (const a of appended) if (!a.duplicate) broadcast(a);
  log(`resumed ${due.length} case(s) whose suspension ended: ${due.map(({ view }) => `#${view.no}`).join(', ')}`);
  return due.length;
}

export function startSuspensionEnds(deps: SuspensionEndsDeps): () => void {
  const look = () => {
    try {
      resumeEndedSuspensions(deps);
    } catch (error) {
      deps.log(`suspension ends: ${(error as Error).stack ?? String(error)}`);
    }
  };
  look();
  const timer = setInterval(look, LOOK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
