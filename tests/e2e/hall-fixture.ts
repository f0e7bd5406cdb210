// One real hall core per test file (fresh data directory), and the URLs a browser opens to sit at a seat.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from '@playwright/test';
import type { CaseAction, Department } from '../../electron/common/protocol.ts';
import { REPO, startHall, type HallProcess } from '../helpers/hall-process.ts';
import { connect } from '../helpers/ws-client.ts';

const BUILT_RENDERER = join(REPO, 'out/renderer/index.html');
/** No demo feed: the only cases are the ones a test makes, so counts and orders are exact. */
export const QUIET_HALL_ARGS = ['--demo-feed', '0'];

export function assertRendererBuilt(): void {
  if (!existsSync(BUILT_RENDERER)) throw new Error(`${BUILT_RENDERER} is missing: run \`npx electron-vite build\` first`);
}

/** Starts a hall before the file's tests and stops it after them; `hall()` is the running one. */
export function hallForThisFile(): () => HallProcess {
  let hall: HallProcess | undefined;
  test.beforeAll(async () => {
    assertRendererBuilt();
    hall = await startHall({ args: QUIET_HALL_ARGS });
  });
  test.afterAll(async () => {
    await hall?.stop();
  });
  return () => {
    if (!hall) throw new Error('the hall has not started');
    return hall;
  };
}

/** `/console?seat=…&token=…` etc. on this hall; the wall adds its monitor. */
export function seatUrl(hall: HallProcess, page: 'console' | 'desk' | 'wall', seatId: string, monitor?: number): string {
  const query = new URLSearchParams({ ...(monitor === undefined ? {} : { monitor: String(monitor) }), seat: seatId, token: hall.tokenOf(seatId) });
  return `${hall.httpBase}/${page}?${query}`;
}

/**
 * The commander registers a case and dispatches it to a department, over the protocol (the console has no
 * dispatch screen yet). A joint desk sees only the cases its department leads or assists in, so this is
 * what puts a new case on a desk.
 */
/** Registers and dispatches a case over the protocol; resolves with the time the hall acknowledged the dispatch. */
export async function dispatchTo(hall: HallProcess, caseId: string, lead: Department): Promise<number> {
  const commander = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
  const acts: CaseAction[] = [{ action: 'register' }, { action: 'dispatch', lead, assisting: [], forces: [], dutyRule: 'clear' }];
  try {
    for (const [i, act] of acts.entries()) {
      const commandId = `e2e-${caseId}-${i}`.replace(/[^\w-]/g, '-');
      commander.send({ type: 'command', commandId, command: { kind: 'case.act', caseId, act } });
      const reply = await commander.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, `reply to ${act.action}`);
      if (reply.type !== 'ack') throw new Error(`${act.action} ${caseId}: ${JSON.stringify(reply)}`);
    }
    return Date.now();
  } finally {
    await commander.close();
  }
}
