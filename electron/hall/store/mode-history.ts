// The switches of the command mode (S-6.2), read back from the log (index events_mode_switches), the latest first.
import type { ModeHistoryEntry } from '../../common/http-api.ts';
import type { Store } from './database.ts';

interface SwitchRow { seq: number; at: number; seat: string | null; officer: string | null; payload: string }

export function modeHistory(db: Store, limit: number): ModeHistoryEntry[] {
  const rows = db.all<SwitchRow>("SELECT seq, at, seat, officer, payload FROM events WHERE type = 'mode.switched' ORDER BY seq DESC LIMIT ?", limit);
  return rows.map((r) => {
    const { layout: _layout, ...modeSwitch } = JSON.parse(r.payload) as ModeHistoryEntry & { layout: unknown };
    return { ...modeSwitch, seq: r.seq, at: r.at, seat: r.seat, ...(r.officer === null ? {} : { officer: JSON.parse(r.officer) as ModeHistoryEntry['officer'] }) };
  });
}
