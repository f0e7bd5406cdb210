// The mode switch form's choice as data: what it switches to, and why it cannot be sent yet.
import type { Hazard, ModeName, ModeSwitch, ModeTarget, ResponseLevel } from '../../../electron/common/domain/command-mode.ts';
import type { MessageKey } from '../i18n/dictionary.ts';

export interface ModeChoice { mode: ModeName; hazard: Hazard; level: ResponseLevel; event: string; reason: string; drill: boolean }

export const FIRST_CHOICE: ModeChoice = { mode: 'emergency', hazard: 'typhoon', level: 'IV', event: '', reason: '', drill: false };

export function targetOf(c: ModeChoice): ModeTarget {
  switch (c.mode) {
    case 'emergency':
      return { mode: 'emergency', hazard: c.hazard, level: c.level };
    case 'special':
      return { mode: 'special', event: c.event.trim() };
    default:
      return { mode: c.mode };
  }
}

/** The switch to send, or the word for what is missing. */
export function switchOf(c: ModeChoice): { ok: true; to: ModeSwitch } | { ok: false; missing: MessageKey } {
  if (c.mode === 'special' && c.event.trim() === '') return { ok: false, missing: 'modeEventNeeded' };
  if (c.reason.trim() === '') return { ok: false, missing: 'modeReasonNeeded' };
  return { ok: true, to: { target: targetOf(c), reason: c.reason.trim(), drill: c.drill } };
}
