// Small HTTP helpers shared by the hall's routes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SeatInfo } from '../common/protocol.ts';
import type { SeatRegistry } from './seats.ts';

export const sendJson = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));

export const sendText = (res: ServerResponse, status: number, body: string) =>
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(body);

/** The seat whose token is in `Authorization: Bearer <token>`, if any. */
export function bearerSeat(req: IncomingMessage, seats: SeatRegistry): SeatInfo | undefined {
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  return scheme === 'Bearer' && token ? seats.byToken(token) : undefined;
}

/** Runs an async handler; an unexpected failure becomes a 500 that names it instead of a hung request. */
export function settle(res: ServerResponse, work: Promise<unknown>, log: (line: string) => void): void {
  work.catch((error: unknown) => {
    log(`http: ${(error as Error).stack ?? String(error)}`);
    if (!res.headersSent) sendJson(res, 500, { error: `internal error: ${(error as Error).message}` });
    else res.destroy();
  });
}
