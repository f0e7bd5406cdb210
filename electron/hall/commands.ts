// Turns a validated LAN command from an authenticated seat into an event of the log, or refuses it with a
// reason. Permissions are enforced here, in the hall core, whatever a client's UI offers (S-9).
import { randomUUID } from 'node:crypto';
import type { CaseDraft, Command, ErrorCode, HallEvent, Origin, SeatInfo } from '../common/protocol.ts';
import type { AppendSpec, Appended, EventLog } from './event-log.ts';

export type CommandResult = ({ ok: true } & Appended) | { ok: false; code: ErrorCode; message: string };

type CaseCreated = Extract<HallEvent, { type: 'case.created' }>;

/** A new case in state `reported`, from any intake: a seat, the upstream feed, the demo feed. */
export function caseCreatedSpec(draft: CaseDraft, by: { origin: Origin; seat: string | null; idemKey?: string; at: number }): AppendSpec<CaseCreated> {
  return {
    type: 'case.created',
    origin: by.origin,
    seat: by.seat,
    ...(by.idemKey === undefined ? {} : { idemKey: by.idemKey }),
    payload: (seq) => ({ ...draft, id: randomUUID(), no: seq, state: 'reported', createdAt: by.at, updatedAt: by.at, createdBySeat: by.seat }),
  };
}

export function executeCommand(log: EventLog, seat: SeatInfo, commandId: string, command: Command, now: () => number): CommandResult {
  switch (command.kind) {
    case 'case.create': {
      if (seat.role === 'wall') return { ok: false, code: 'forbidden', message: 'a wall seat cannot register cases' };
      const origin: Origin = seat.role === 'desk' ? 'desk' : 'hall';
      return { ok: true, ...log.append(caseCreatedSpec(command.draft, { origin, seat: seat.id, idemKey: `${seat.id}/${commandId}`, at: now() })) };
    }
  }
}
