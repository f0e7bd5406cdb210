// Who commands now and next, and who stands by (备勤), from the roster the console holds: the same rules the
// hall uses (common/domain/duty.ts, roster.ts), so the console never needs to ask.
import { commanderOf, dutyModeAt, nextShift, shiftAt, type OnDuty } from '../../../electron/common/domain/duty.ts';
import { rosterDayOf, type RosterDay } from '../../../electron/common/domain/roster.ts';
import { useHallState } from '../hall-context.tsx';

export interface DutyNow {
  current: OnDuty | null;
  next: OnDuty | null;
  mode: 'day' | 'offHours';
  /** Off hours: who of each department stands by (the current shift's date); empty in office hours. */
  standby: RosterDay['standby'];
}

export function useDuty(now: number): DutyNow {
  const { roster } = useHallState();
  const shift = shiftAt(now);
  const mode = dutyModeAt(now);
  return {
    current: commanderOf(shift, roster),
    next: commanderOf(nextShift(shift), roster),
    mode,
    standby: mode === 'offHours' ? rosterDayOf(shift.date, roster).standby : [],
  };
}
