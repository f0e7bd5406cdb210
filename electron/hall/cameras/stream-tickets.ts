// Tickets for camera streams. A video element cannot send the seat's Authorization header, so a seat asks
// for its cameras' stream addresses (with its token) and gets each with a ticket in the query: valid for one
// camera, for some hours, signed with a key that lives only as long as this hall process. Nothing is stored.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface StreamTickets {
  issue(cameraId: string): string;
  /** Whether the ticket was issued here for this camera and has not run out. */
  admits(ticket: string, cameraId: string): boolean;
}

export function createStreamTickets(now: () => number, validMs: number): StreamTickets {
  const key = randomBytes(32);
  const sign = (cameraId: string, until: number) => createHmac('sha256', key).update(`${cameraId}\n${until}`).digest();
  return {
    issue(cameraId) {
      const until = now() + validMs;
      return `${until}.${sign(cameraId, until).toString('base64url')}`;
    },
    admits(ticket, cameraId) {
      const match = /^(\d{1,15})\.([\w-]{43})$/.exec(ticket);
      if (!match) return false;
      const until = Number(match[1]);
      const given = Buffer.from(match[2]!, 'base64url');
      return until > now() && timingSafeEqual(given, sign(cameraId, until));
    },
  };
}
