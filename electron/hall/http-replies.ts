// The hall's HTTP replies: JSON (from a value, or from text already serialised once for every caller),
// plain text for streams' refusals, and who a request's bearer token belongs to.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SeatInfo } from '../common/protocol.ts';
import type { SeatRegistry } from './seats.ts';

export const sendJsonText = (res: ServerResponse, status: number, json: string) =>
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(json);

export const sendJson = (res: ServerResponse, status: number, body: unknown) => sendJsonText(res, status, JSON.stringify(body));

export const sendText = (res: ServerResponse, status: number, body: string) =>
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(body);

/** A file download: its bytes, type and the name the browser saves it under (UTF-8 names per RFC 6266). */
export function sendFile(res: ServerResponse, body: Buffer, type: string, asciiName: string, name: string): void {
  res.writeHead(200, {
    'content-type': type, 'cache-control': 'no-store', 'content-length': body.length,
    'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  }).end(body);
}

/** The seat whose token is in `Authorization: Bearer <token>`, if any. */
export function bearerSeat(req: IncomingMessage, seats: SeatRegistry): SeatInfo | undefined {
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  return scheme === 'Bearer' && token ? seats.byToken(token) : undefined;
}
