// The CAP warnings the hall holds (S-6.4), as a pure reducer over `warning.received` events (see hall-state.ts
// for the whole). An Alert is held until it expires (one without <expires> a day from its sending: CAP leaves
// that policy to the recipient); an Update supersedes the warnings it references and a Cancel
// withdraws them. A reference to a warning the hall does not hold is kept and flagged: a Cancel that names only
// unknown warnings is held for a while, so the warning it lifts, arriving late (links reorder), is lifted at once.
// Only Actual and Exercise messages change what is held: a Test or Draft never lifts a real warning.
import { capTimeMs, type CapReference } from './cap/cap-model.ts';
import type { WarningOutcome, WarningView } from './cap/warning-model.ts';
import type { HallEvent } from './protocol.ts';

export interface WarningData {
  /** Held warnings, oldest first; some may have expired since the last warning came (see warningsInForce). */
  warnings: WarningView[];
}

export interface WarningChanges { warnings?: WarningView[]; warningOutcome?: WarningOutcome }

/** How long a message without <expires> is held after it was sent: a warning, or a Cancel waiting for its own. */
export const HELD_WITHOUT_EXPIRY_MS = 24 * 3600_000;

const refers = (r: CapReference, w: WarningView) => r.sender === w.summary.sender && r.identifier === w.summary.identifier;
const isCancel = (w: WarningView) => w.summary.msgType === 'Cancel';

/** Until when a held warning counts. */
export const heldUntil = (w: WarningView): number =>
  w.summary.expires !== null ? capTimeMs(w.summary.expires) : capTimeMs(w.summary.sent) + HELD_WITHOUT_EXPIRY_MS;

const heldAt = (w: WarningView, now: number) => heldUntil(w) > now;

/** The warnings in force at `now`, newest first (what the console lists and reports count). */
export const warningsInForce = (warnings: readonly WarningView[], now: number): WarningView[] =>
  warnings.filter((w) => !isCancel(w) && heldAt(w, now)).reverse();

/** Cancels of warnings the hall has not received, still waiting at `now`, newest first (flagged on screen). */
export const orphanCancels = (warnings: readonly WarningView[], now: number): WarningView[] =>
  warnings.filter((w) => isCancel(w) && heldAt(w, now)).reverse();

/** Folds one event; returns what it changed (nothing for other events). */
export function applyWarningEvent(data: WarningData, event: HallEvent): WarningChanges {
  if (event.type !== 'warning.received') return {};
  const { summary } = event.payload;
  const view: WarningView = { ...event.payload, seq: event.seq, receivedAt: event.at, unknownReferences: [] };
  const outcome = (notHeld: WarningOutcome['notHeld'], resolved: string[], unknownReferences: CapReference[]): WarningOutcome =>
    ({ identifier: summary.identifier, held: notHeld === null, notHeld, resolved, unknownReferences });
  if (summary.status !== 'Actual' && summary.status !== 'Exercise') return { warningOutcome: outcome('notInForce', [], []) };
  if (summary.msgType !== 'Alert' && summary.msgType !== 'Update' && summary.msgType !== 'Cancel') return { warningOutcome: outcome('notInForce', [], []) };

  let held = data.warnings.filter((w) => heldAt(w, event.at));
  // A message that came first and names this one (an Update or Cancel overtaking its warning) has the last word.
  const overtaking = held.filter((w) => w.unknownReferences.some((r) => refers(r, view)));
  held = held.flatMap((w) => {
    if (!overtaking.includes(w)) return [w];
    const rest = { ...w, unknownReferences: w.unknownReferences.filter((r) => !refers(r, view)) };
    return isCancel(rest) && rest.unknownReferences.length === 0 ? [] : [rest];
  });
  const resolved = held.filter((w) => summary.references.some((r) => refers(r, w)));
  const unknown = summary.references.filter((r) => !resolved.some((w) => refers(r, w)));
  held = held.filter((w) => !resolved.includes(w));
  const kept = { ...view, unknownReferences: unknown };
  const notHeld = overtaking.length > 0 ? 'overtaken' : !heldAt(kept, event.at) ? 'expired' : summary.msgType === 'Cancel' && unknown.length === 0 ? 'notInForce' : null;
  if (notHeld === null) held.push(kept);
  data.warnings = held;
  return { warnings: held, warningOutcome: outcome(notHeld, resolved.map((w) => w.summary.identifier), unknown) };
}
