// Turns a validated LAN command from an authenticated seat into an event of the log, or refuses it with a
// reason. Permissions are enforced here, in the hall core, whatever a client's UI offers (S-9).
import { uuidv7 } from './ids.ts';
import type { CaseDraft, ClientMessage, Command, ErrorCode, HallEvent, Origin, SeatInfo } from '../common/protocol.ts';
import type { AppendSpec, Appended, EventLog } from './event-log.ts';

export type CommandResult = ({ ok: true } & Appended) | { ok: false; code: ErrorCode; message: string };

export const STORE_FAILED: CommandResult = { ok: false, code: 'internal', message: 'the hall could not store this command; nothing was changed' };

type CaseCreated = Extract<HallEvent, { type: 'case.created' }>;

/** A new case in state `reported`, from any intake: a seat, the upstream feed, the demo feed. */
export function caseCreatedSpec(draft: CaseDraft, by: { origin: Origin; seat: string | null; idemKey?: string; at: number }): AppendSpec<CaseCreated> {
  return {
    type: 'case.created',
    origin: by.origin,
    seat: by.seat,
    ...(by.idemKey === undefined ? {} : { idemKey: by.idemKey }),
    payload: (seq) => ({ ...draft, id: uuidv7(by.at), no: seq, state: 'reported', createdAt: by.at, updatedAt: by.at, createdBySeat: by.seat }),
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

/** Commands in one transaction (group commit); a command that fails is rolled back alone and reported. */
export function executeCommands(
  log: EventLog,
  commands: ReadonlyArray<{ seat: SeatInfo; message: Extract<ClientMessage, { type: 'command' }> }>,
  now: () => number,
  report: (line: string) => void,
): CommandResult[] {
  return log.batch(() =>
    commands.map(({ seat, message }) => {
      try {
        return executeCommand(log, seat, message.commandId, message.command, now);
      } catch (error) {
        report(`command ${message.commandId} from ${seat.id} failed: ${(error as Error).stack}`);
        return STORE_FAILED;
      }
    }),
  );
}
