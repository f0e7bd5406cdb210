// S-3.1 the force registry (力量): every person numbered (编号), with department, grid, kind, shift, contact,
// device, status and last known position. Shared by the hall core, the wire and the dispatch rules.
import { z } from 'zod';
import { Department, Id, LonLat } from './case-model.ts';

/** 先行巡查 first-line patrol, 后期执法 enforcement, 志愿者 volunteer. */
export const ForceKind = z.enum(['patrol', 'enforcement', 'volunteer']);
export type ForceKind = z.infer<typeof ForceKind>;

/** `day` works office hours, `night` the off hours, `allDay` both (7×24 teams). */
export const ForceShift = z.enum(['day', 'night', 'allDay']);
export type ForceShift = z.infer<typeof ForceShift>;

export const ForceStatus = z.enum(['available', 'enRoute', 'onScene', 'offDuty']);
export type ForceStatus = z.infer<typeof ForceStatus>;

export const ForceView = z.object({
  /** 编号, e.g. `PA-017`. */
  id: z.string().regex(/^[A-Z]{1,4}-\d{1,5}$/, 'a force number is letters, a dash and digits, e.g. PA-017'),
  name: z.string().trim().min(1).max(40),
  department: Department,
  gridId: Id,
  kind: ForceKind,
  shift: ForceShift,
  phone: z.string().trim().max(30),
  /** Terminal the dispatch goes to (政务微信 / 对讲机 id). */
  device: z.string().trim().max(60),
  status: ForceStatus,
  position: LonLat.nullable(),
  positionAt: z.number().int().nullable(),
});
export type ForceView = z.infer<typeof ForceView>;
