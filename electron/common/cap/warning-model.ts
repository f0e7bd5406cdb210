// A CAP warning as the hall records it (S-6.4): the `warning.received` event, whichever way it came (the district
// link, HTTP, a file the commander imported at the console), and the warning as every screen holds it.
import { z } from 'zod';
import { CapReference } from './cap-model.ts';
import { WarningSummary } from './warning-summary.ts';

export const WarningVia = z.enum(['district', 'http', 'console']);
export type WarningVia = z.infer<typeof WarningVia>;

/** The payload of `warning.received`. */
export const WarningReceived = z.object({
  summary: WarningSummary,
  via: WarningVia,
  /** The file's name, for one imported at the console. */
  file: z.string().trim().min(1).max(200).optional(),
  /** It covers the street (by administrative code or geometry), as the street's area was when it came. */
  covers: z.boolean(),
});
export type WarningReceived = z.infer<typeof WarningReceived>;

/** A warning held: in force, or a cancel of a warning the hall has not (yet) received. */
export const WarningView = WarningReceived.extend({
  seq: z.number().int().positive(),
  receivedAt: z.number().int(),
  /** References (of an Update or Cancel) to warnings the hall did not hold when it came: flagged on screen. */
  unknownReferences: z.array(CapReference),
});
export type WarningView = z.infer<typeof WarningView>;

/** What became of one received warning: held or not, what it superseded or cancelled, what it could not find. */
export const WarningOutcome = z.object({
  identifier: z.string(),
  held: z.boolean(),
  /** Why it is not held: expired already, lifted or replaced by a message that came before it, or a status or
   *  type that holds nothing (Test, System, Draft; Ack, Error; a Cancel of what the hall holds). */
  notHeld: z.enum(['expired', 'overtaken', 'notInForce']).nullable(),
  /** The identifiers of the held warnings it superseded (an Update) or withdrew (a Cancel). */
  resolved: z.array(z.string()),
  unknownReferences: z.array(CapReference),
});
export type WarningOutcome = z.infer<typeof WarningOutcome>;
