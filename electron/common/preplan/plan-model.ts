// The pre-plan in force (S-6.3) and the emergency it belongs to, as every screen holds them, and the events and
// the command that make them. When the commander switches to emergency command for a hazard at a level, the hall
// activates that hazard's plan at that level (`plan.activated`, with the actions resolved from the site's plan
// file, so the log keeps what was in force whatever the file becomes); a level change activates it again (added
// actions and items join, what was ticked stays ticked); desks and the console tick checklist items
// (`plan.ticked`, per station); leaving emergency closes it (`plan.closed`). The episode (一次应急响应) runs from the
// switch into emergency to the switch out of it (the stand-down), whatever levels and plans it went through.
import { z } from 'zod';
import { HAZARD_LABELS, Hazard, WarningLevel as ResponseLevel } from '../cap/cn-profile.ts';
import { DepartmentId, Id } from '../domain/case-model.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const time = z.number().int();
const seqNo = z.number().int().positive();
const StationId = z.string().regex(/^[\w-]{1,20}$/);
const ItemKey = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);

export const PlanItem = z.object({ id: ItemKey, text: text(60) });
export type PlanItem = z.infer<typeof PlanItem>;

/** An action as activated at a level: its checklist and stations resolved ([] stations: the centre's own). */
export const PlanActionDef = z.object({
  id: ItemKey,
  from: ResponseLevel,
  title: text(40),
  department: DepartmentId,
  deadlineMin: z.number().int().positive(),
  stations: z.array(StationId).max(200),
  items: z.array(PlanItem).min(1).max(12),
});
export type PlanActionDef = z.infer<typeof PlanActionDef>;

export const PlanActivated = z.object({
  planId: Id,
  hazard: Hazard,
  level: ResponseLevel,
  drill: z.boolean(),
  title: text(40),
  /** The log sequence of the switch that began the episode. */
  episodeSeq: seqNo,
  reportEveryMin: z.number().int().positive(),
  categories: z.array(text(50)).max(20),
  actions: z.array(PlanActionDef).max(60),
  /** The names of the stations the actions name (工作站 / 城运站点), as the map had them. */
  stationNames: z.record(StationId, z.string().max(40)),
});
export type PlanActivated = z.infer<typeof PlanActivated>;

/** Ticks (done) or unticks an item of an action at stations (none for the centre's own actions). */
export const PlanTicked = z.object({
  planId: Id,
  actionId: ItemKey,
  itemId: ItemKey,
  stations: z.array(StationId).max(200),
  done: z.boolean(),
});
export type PlanTicked = z.infer<typeof PlanTicked>;

export const PlanCloseReason = z.enum(['standDown', 'replaced']);
export type PlanCloseReason = z.infer<typeof PlanCloseReason>;
export const PlanClosed = z.object({ planId: Id, reason: PlanCloseReason });
export type PlanClosed = z.infer<typeof PlanClosed>;

/** The LAN command: a desk ticks items of its own department's actions, the console any. */
export const PlanCommand = z.object({ kind: z.literal('plan.tick'), ...PlanTicked.shape });
export type PlanCommand = z.infer<typeof PlanCommand>;

export const PlanAction = PlanActionDef.extend({
  /** When the action joined the plan (the activation, or the raise that added it). */
  activatedAt: time,
  deadlineAt: time,
  /** No longer part of the plan (the level was lowered); what was ticked is kept. */
  released: z.boolean(),
});
export type PlanAction = z.infer<typeof PlanAction>;

/** Who ticked an item where and when: the seat and whoever had answered the roll call there. */
export const PlanTick = z.object({
  actionId: ItemKey,
  itemId: ItemKey,
  station: StationId.nullable(),
  at: time,
  seat: Id.nullable(),
  officer: z.object({ name: z.string(), badge: z.string() }).optional(),
});
export type PlanTick = z.infer<typeof PlanTick>;

export const PlanView = z.object({
  id: Id,
  /** Log sequence of the first activation. */
  no: seqNo,
  hazard: Hazard,
  level: ResponseLevel,
  drill: z.boolean(),
  title: text(40),
  episodeSeq: seqNo,
  startedAt: time,
  /** Every level it was activated at, in order. */
  levels: z.array(z.object({ level: ResponseLevel, at: time })).min(1),
  closedAt: time.nullable(),
  closeReason: PlanCloseReason.nullable(),
  reportEveryMin: z.number().int().positive(),
  categories: z.array(z.string()),
  stationNames: z.record(z.string(), z.string()),
  actions: z.array(PlanAction),
  ticks: z.array(PlanTick),
});
export type PlanView = z.infer<typeof PlanView>;

/** One emergency response from the switch into emergency command to the stand-down. */
export const EmergencyEpisode = z.object({
  seq: seqNo,
  startedAt: time,
  drill: z.boolean(),
  hazard: Hazard,
  level: ResponseLevel,
  /** The highest level it reached. */
  peakLevel: ResponseLevel,
  endedSeq: seqNo.nullable(),
  endedAt: time.nullable(),
});
export type EmergencyEpisode = z.infer<typeof EmergencyEpisode>;

/** Ⅳ级 … Ⅰ级 as official documents write them. */
export const LEVEL_NUMERALS: Readonly<Record<ResponseLevel, string>> = { IV: 'Ⅳ', III: 'Ⅲ', II: 'Ⅱ', I: 'Ⅰ' };

/** 台风Ⅱ级应急响应 */
export const responseName = (hazard: Hazard, level: ResponseLevel): string => `${HAZARD_LABELS[hazard].zh}${LEVEL_NUMERALS[level]}级应急响应`;
