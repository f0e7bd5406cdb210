// The seats of the hall (with their token hashes) and the seat plan: who answered the roll call where.
import type { Department, Officer, Role, SeatInfo, SeatPresence } from '../../common/protocol.ts';
import type { Store } from './database.ts';

export type SeatRow = SeatInfo & { token_hash: string };

export const seatRows = (db: Store) => db.all<SeatRow>('SELECT id, role, department, label, token_hash FROM seats ORDER BY rowid');

/** A seat as it is now (its department may have been assigned since the hall started). */
export const seatRow = (db: Store, id: string) => db.get<SeatRow>('SELECT id, role, department, label, token_hash FROM seats WHERE id = ?', id);

/** A desk seat given to another department (seat.assigned). */
export function setSeatDepartment(db: Store, seatId: string, department: Department): void {
  db.run('UPDATE seats SET department = ? WHERE id = ?', department, seatId);
}

/** Adds the seats that are missing and gives every listed seat its new token hash, in one transaction. */
export function storeSeatTokens(db: Store, seats: ReadonlyArray<SeatInfo & { tokenHash: string }>): void {
  db.writeTx(() => {
    for (const s of seats) {
      db.run(
        `INSERT INTO seats (id, role, department, label, token_hash) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash`,
        s.id, s.role, s.department, s.label, s.tokenHash,
      );
    }
  });
}

export function setPresence(db: Store, seatId: string, officer: Officer | null, since: number | null): void {
  if (officer) db.run('INSERT OR REPLACE INTO seat_presence (seat_id, officer, since) VALUES (?, ?, ?)', seatId, JSON.stringify(officer), since);
  else db.run('DELETE FROM seat_presence WHERE seat_id = ?', seatId);
}

/** Who answered the roll call at this seat, if anyone. */
export function officerAt(db: Store, seatId: string): Officer | null {
  const row = db.get<{ officer: string }>('SELECT officer FROM seat_presence WHERE seat_id = ?', seatId);
  return row ? (JSON.parse(row.officer) as Officer) : null;
}

/** The seat plan: every seat, with whoever answered the roll call there. */
export function loadSeats(db: Store): SeatPresence[] {
  return db
    .all<{ id: string; role: Role; department: Department; label: string; officer: string | null; since: number | null }>(
      'SELECT s.id, s.role, s.department, s.label, p.officer, p.since FROM seats s LEFT JOIN seat_presence p ON p.seat_id = s.id ORDER BY s.rowid',
    )
    .map((r) => ({ id: r.id, role: r.role, department: r.department, label: r.label, officer: r.officer ? (JSON.parse(r.officer) as Officer) : null, since: r.since }));
}
