// Seats of the hall and their credentials. A token is shown once to whoever sets up the seat (it is kept in
// the data folder's credentials.json, readable by the hall's OS user only); the database keeps its hash.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ErrorCode, Role, SeatInfo } from '../common/protocol.ts';
import type { Store } from './store/database.ts';
import { seatRow, seatRows, storeSeatTokens, type SeatRow } from './store/seat-table.ts';

/** The seats of the embedded default (S-1.4): the commander's console, the joint desks (police, urban
 *  management, market supervision, two flexible), the wall. */
export const DEFAULT_SEATS: readonly SeatInfo[] = [
  { id: 'console-1', role: 'console', department: 'command', label: '值班指挥长' },
  { id: 'desk-police', role: 'desk', department: 'police', label: '派出所坐席' },
  { id: 'desk-urban', role: 'desk', department: 'urban', label: '城管中队坐席' },
  { id: 'desk-market', role: 'desk', department: 'market', label: '市场监管所坐席' },
  // Flexible seats (机动坐席) for other departments called in: 水务, 绿化市容, 应急 …
  { id: 'desk-flex-1', role: 'desk', department: 'other', label: '机动坐席一' },
  { id: 'desk-flex-2', role: 'desk', department: 'other', label: '机动坐席二' },
  { id: 'wall-1', role: 'wall', department: 'command', label: '大屏' },
];

export interface SeatWithToken extends SeatInfo { token: string }

export interface SeatRegistry {
  /** Seats with their tokens, for the operator who hands them out. */
  list(): SeatWithToken[];
  /** The seat a bearer token belongs to (HTTP API). */
  byToken(token: string): SeatInfo | undefined;
  authenticate(seatId: string, token: string, role: Role): { ok: true; seat: SeatInfo } | { ok: false; code: ErrorCode; message: string };
}

const Credentials = z.record(z.string(), z.string().min(8));
const hashToken = (token: string) => createHash('sha256').update(token).digest();
const newToken = () => randomBytes(18).toString('base64url');

export function openSeats(store: Store, dataDir: string): SeatRegistry {
  const file = join(dataDir, 'credentials.json');
  let tokens = existsSync(file) ? Credentials.parse(JSON.parse(readFileSync(file, 'utf8'))) : {};
  let rows = seatRows(store);

  // First start, or the credentials file was removed to rotate every token: issue new ones.
  const missing = rows.length === 0 || rows.some((r) => !tokens[r.id]);
  if (missing) {
    const seats = rows.length ? rows : DEFAULT_SEATS;
    tokens = Object.fromEntries(seats.map((s) => [s.id, newToken()]));
    storeSeatTokens(store, seats.map((s) => ({ id: s.id, role: s.role, department: s.department, label: s.label, tokenHash: hashToken(tokens[s.id]!).toString('hex') })));
    writeFileSync(file, JSON.stringify(tokens, null, 2), { mode: 0o600 });
    rows = seatRows(store);
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byHash = new Map(rows.map((r) => [r.token_hash, r]));
  // The seat as stored now: the commander may have given a desk to another department since the start.
  const info = (r: SeatRow): SeatInfo => {
    const now = seatRow(store, r.id) ?? r;
    return { id: now.id, role: now.role, department: now.department, label: now.label };
  };

  return {
    list: () => rows.map((r) => ({ ...info(r), token: tokens[r.id]! })),
    byToken(token) {
      const row = byHash.get(hashToken(token).toString('hex'));
      return row && info(row);
    },
    authenticate(seatId, token, role) {
      const row = byId.get(seatId);
      const given = hashToken(token);
      if (!row || !timingSafeEqual(given, Buffer.from(row.token_hash, 'hex'))) {
        return { ok: false, code: 'bad-credential', message: `seat ${seatId}: unknown seat or wrong token` };
      }
      if (row.role !== role) return { ok: false, code: 'forbidden', message: `seat ${seatId} is a ${row.role} seat, not ${role}` };
      return { ok: true, seat: info(row) };
    },
  };
}
