// The audit chain's link (S-9): every row of the event log carries the SHA-256 of the previous row's hash and
// its own fields, so changing, removing or reordering any stored row breaks the chain from there on.
import { hash as digest } from 'node:crypto';
import type { EventRow } from './store/event-table.ts';

/** The previous hash of the first row. */
export const GENESIS = '0'.repeat(64);

// The fields one per line; the officer joins the chain only where there is one, so the rows stored before the
// column existed still verify. (A template, not an array join: the same text at less than half the cost.)
export const chainHash = (prev: string, r: Omit<EventRow, 'hash'>) =>
  digest('sha256', `${prev}\n${r.seq}\n${r.id}\n${r.type}\n${r.origin}\n${r.at}\n${r.seat ?? ''}\n${r.payload}${r.officer === null ? '' : `\n${r.officer}`}`, 'hex');

export interface ChainLink { seq: number; hash: string }

export type ChainBreak = { seq: number; reason: 'mismatch' | 'missing' };

/** Checks rows in order after `from`: returns the last row that verifies and, if a row does not, the first
 *  break (a row whose hash is not what its fields and the previous hash make, or a sequence that is missing). */
export function verifyRows(from: ChainLink, rows: Iterable<EventRow>): { last: ChainLink; broken: ChainBreak | null } {
  let last = from;
  for (const row of rows) {
    if (row.seq !== last.seq + 1) return { last, broken: { seq: last.seq + 1, reason: 'missing' } };
    if (chainHash(last.hash, row) !== row.hash) return { last, broken: { seq: row.seq, reason: 'mismatch' } };
    last = { seq: row.seq, hash: row.hash };
  }
  return { last, broken: null };
}
