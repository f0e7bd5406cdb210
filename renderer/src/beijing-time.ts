// Clock faces in Beijing time (UTC+8, 24 h) whatever time zone the PC is set to; the calendar arithmetic is the
// shared domain's.
import { dateKey, dayOf, dayStart } from '../../electron/common/domain/beijing-time.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** `14:05:12` */
export function beijingTime(epochMs: number): string {
  const seconds = Math.floor((epochMs - dayStart(dayOf(epochMs))) / 1000);
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/** `2026-11-23 14:05:12` */
export function beijingDateTime(epochMs: number): string {
  return `${dateKey(dayOf(epochMs))} ${beijingTime(epochMs)}`;
}
