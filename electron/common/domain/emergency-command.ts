// S-6.2 who commands in an emergency: the emergency commander (the leader in charge of flood control) and the
// deputy (the head of the competent department) take over from the duty roster, the flood-control desks join the
// seat plan and the community stations become temporary field command posts (临时现场指挥部). The site names them
// (site.json `emergency`); on every switch into emergency the hall records the handover as a `command.transferred`
// event, and on the way out one back to the day's roster.
import { z } from 'zod';
import type { PointFeature } from '../geo/layer-schema.ts';
import { DepartmentId, Id } from './case-model.ts';
import type { ModeState, ModeSwitch } from './command-mode.ts';
import { DutyPerson } from './roster.ts';

/** The site's emergency command (site.json `emergency`); `posts` are station ids of the map's points. */
export const EmergencyRoster = z.object({
  /** 总指挥: the street leader in charge of flood control. */
  commander: DutyPerson,
  /** 副总指挥: the head of the competent department. */
  deputy: DutyPerson,
  /** 防汛防台坐席: the departments whose desks join the seat plan (水务, 应急, 消防, 绿化市容 …). */
  desks: z.array(DepartmentId).min(1).max(20),
  /** The community stations that become field command posts. */
  posts: z.array(Id).max(60).default([]),
});
export type EmergencyRoster = z.infer<typeof EmergencyRoster>;

/** A field command post: a station and who leads it there (its grid chief). */
export const FieldPost = z.object({ station: Id, name: z.string().max(60), chief: z.string().max(40) });
export type FieldPost = z.infer<typeof FieldPost>;

/** Who commands in the emergency, as the event and every screen carry it. */
export const EmergencyCommand = EmergencyRoster.extend({ posts: z.array(FieldPost).max(60) });
export type EmergencyCommand = z.infer<typeof EmergencyCommand>;

/** The payload of `command.transferred`: command goes to the emergency command, or back to the duty roster. */
export const CommandTransfer = z.discriminatedUnion('to', [
  z.object({ to: z.literal('emergency'), command: EmergencyCommand }),
  z.object({ to: z.literal('roster') }),
]);
export type CommandTransfer = z.infer<typeof CommandTransfer>;

/** The site's roster with its posts named from the map's stations, or why not (a post naming no station). */
export function resolveEmergencyRoster(roster: EmergencyRoster, points: readonly PointFeature[]): { command: EmergencyCommand } | { problem: string } {
  const stations = new Map(points.flatMap((p) => (p.properties.kind === 'station' ? [[p.properties.id, p.properties] as const] : [])));
  const unknown = roster.posts.filter((id) => !stations.has(id));
  if (unknown.length) return { problem: `emergency.posts: no station ${unknown.join(', ')} among the map's points` };
  return { command: { ...roster, posts: roster.posts.map((id) => ({ station: id, name: stations.get(id)!.name, chief: stations.get(id)!.gridChief })) } };
}

/** The handover a switch brings: into emergency the emergency command takes over, out of it the roster takes
 *  back; a change of hazard or level within emergency, or a site without an emergency command, brings none. */
export function commandTransfer(current: ModeState, next: ModeSwitch, command: EmergencyCommand | null): CommandTransfer | null {
  const wasEmergency = current.command !== undefined;
  const toEmergency = next.target.mode === 'emergency';
  if (toEmergency && !wasEmergency && command) return { to: 'emergency', command };
  if (!toEmergency && wasEmergency) return { to: 'roster' };
  return null;
}
