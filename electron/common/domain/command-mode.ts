// S-6 command modes (平战结合、等级响应): daily command, joint command (联席指挥, joint desks on a cross-department
// case), emergency command for a hazard at a response level IV/III/II/I (blue/yellow/orange/red), and support of a
// special event (重大活动保障). Only the commander switches, with a reason, confirmed; every switch is an event of
// the log and every screen follows. A drill (演练) is a mode switch marked as such: its data is kept out of the
// KPIs and of the upstream link.
import { z } from 'zod';
import { Hazard, WarningLevel } from '../cap/cn-profile.ts';
import { Id } from './case-model.ts';
import { EmergencyCommand } from './emergency-command.ts';

export { Hazard, WarningLevel as ResponseLevel };
export type { Hazard as HazardName } from '../cap/cn-profile.ts';

const reason = z.string().trim().min(1, 'a reason is required').max(500);

/** Where the hall is going: the mode and what it is about. */
export const ModeTarget = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('daily') }),
  z.object({ mode: z.literal('joint'), caseId: Id.optional() }),
  z.object({ mode: z.literal('emergency'), hazard: Hazard, level: WarningLevel }),
  z.object({ mode: z.literal('special'), event: z.string().trim().min(1).max(80) }),
]);
export type ModeTarget = z.infer<typeof ModeTarget>;
export type ModeName = ModeTarget['mode'];

/** The payload of a `mode.switched` event: the target, why, and whether it is a drill. */
export const ModeSwitch = z.object({
  target: ModeTarget,
  reason,
  /** 演练: marked on every screen, kept out of KPIs and the upstream link. */
  drill: z.boolean().default(false),
  /** The warning (CAP identifier) that proposed this switch, if one did. */
  warning: z.string().max(200).optional(),
});
export type ModeSwitch = z.infer<typeof ModeSwitch>;

/** The mode the hall is in, as every screen shows it; `command`: the emergency command in charge (S-6.2), absent
 *  while the duty roster commands. */
export const ModeState = ModeSwitch.extend({ since: z.number().int(), seq: z.number().int().nonnegative(), command: EmergencyCommand.optional() });
export type ModeState = z.infer<typeof ModeState>;

export const DAILY_MODE: ModeState = { target: { mode: 'daily' }, reason: '日常', drill: false, since: 0, seq: 0 };

/** National warning colours for the response levels (UI guide): IV blue, III yellow, II orange, I red. */
export const LEVEL_COLOURS = { IV: 'blue', III: 'yellow', II: 'orange', I: 'red' } as const;

/** Why a switch from `current` to `next` is refused, in Chinese; null when it may be made. */
export function switchRefusal(current: ModeState, next: ModeSwitch): string | null {
  const same = JSON.stringify(current.target) === JSON.stringify(next.target) && current.drill === next.drill;
  if (same) return '已处于该指挥模式';
  if (current.drill && !next.drill && next.target.mode !== 'daily') return '演练中不能切换到实战模式，请先结束演练';
  return null;
}
