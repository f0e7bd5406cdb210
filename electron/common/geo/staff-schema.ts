// The field staff registry (S-3.1): every person numbered, with department, grid, kind of work, shift, contact,
// device and the home position the map shows before any live track arrives.
import { z } from 'zod';
import { Department } from '../domain/case-model.ts';
import { ForceKind, ForceShift } from '../domain/force-model.ts';
import { Position } from './grid-schema.ts';

/** Field staff belong to a joint-desk department, never to the centre itself. */
const StaffDepartment = Department.refine((d) => d !== 'command', 'field staff belong to a department, not to the centre (command)');

export const StaffMember = z.object({
  /** 编号: department prefix and number, e.g. PA-017 (派出所), CG-042 (城管中队), SJ-008 (市场监管所), WG-101 (网格). */
  id: z.string().regex(/^[A-Z]{2}-\d{3}$/, 'a staff number looks like PA-017'),
  name: z.string().trim().min(2).max(16),
  department: StaffDepartment,
  /** Job title, e.g. 责任区民警, 城管队员, 网格监督员. */
  role: z.string().trim().min(1).max(16),
  gridId: z.string().regex(/^[\w.-]{1,32}$/),
  kind: ForceKind,
  shift: ForceShift,
  phone: z.string().regex(/^1\d{2}\*{4}\d{4}$/, 'a phone number is masked like 139****0017'),
  deviceId: z.string().min(1).max(32),
  home: Position,
});
export type StaffMember = z.infer<typeof StaffMember>;

export const StaffRegistry = z
  .object({ staff: z.array(StaffMember) })
  .superRefine(({ staff }, ctx) => {
    const seen = new Set<string>();
    staff.forEach(({ id }, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['staff', i, 'id'], message: `duplicate staff number ${id}` });
      seen.add(id);
    });
  });
export type StaffRegistry = z.infer<typeof StaffRegistry>;
