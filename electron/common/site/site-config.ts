// The site: what differs from one street's centre to the next, kept as data and validated at start (the
// demo street's is resources/demo-street/site.json). Its departments (the joint desks and the centre itself),
// its urgency grades (seed 000 grades cases into four levels handled at the four grid levels; seed 001 uses
// two classes) and its case categories with who leads them (S-4.4). The hall refuses anything that names a
// department or grade the site does not have; every screen labels them from here.
import { z } from 'zod';
import { DepartmentId, Id, Tier, UrgencyId } from '../domain/case-model.ts';
import { EmergencyRoster } from '../domain/emergency-command.ts';
import type { Label } from '../domain/labels.ts';
import { GaugeSite, PumpSite } from '../emergency/gauge-model.ts';
import type { ResponsibilityRules } from '../domain/responsibility.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const minutes = z.number().int().positive().max(7 * 24 * 60);

export const SiteDepartment = z.object({
  id: DepartmentId,
  zh: text(20),
  en: text(40),
  /** Has a joint desk in the hall (the centre itself, `command`, sits at the console). */
  desk: z.boolean().default(true),
});
export type SiteDepartment = z.infer<typeof SiteDepartment>;

export const UrgencyGrade = z.object({
  id: UrgencyId,
  zh: text(12),
  en: text(24),
  /** The grid level that handles it (大中小微: street, zone, small, micro). */
  tier: Tier.exclude(['district']),
  /** 紧急类 (seed 001): announced, and counted in the urgent KPIs (on scene and result within limits). */
  urgent: z.boolean(),
  /** Limits from registration, in minutes: on scene and a preliminary result. Urgent grades have both. */
  onSceneMin: minutes.nullable().default(null),
  resultMin: minutes.nullable().default(null),
  /** Working days to close when the ticket gives no deadline (else the SLA policy's default). */
  dueWorkingDays: z.number().int().positive().max(60).optional(),
});
export type UrgencyGrade = z.infer<typeof UrgencyGrade>;

export const CaseCategory = z.object({
  name: text(50),
  /** S-4.4: clear → 谁主管谁办理; crossDepartment → 谁牵头谁办理; unclear → the commander designates. */
  duty: z.enum(['clear', 'crossDepartment', 'unclear']),
  lead: DepartmentId.nullable().default(null),
  assisting: z.array(DepartmentId).max(4).default([]),
  /** The grade an intake of this category starts with. */
  urgency: UrgencyId.optional(),
  /** An emergency category (倒伏树木, 积水 …, S-6.5): offered at intake in emergency command, with its own clock
   *  (minutes from registration to on scene and to a result), shorter than its grade's. */
  emergency: z.boolean().optional(),
  onSceneMin: minutes.optional(),
  resultMin: minutes.optional(),
});
export type CaseCategory = z.infer<typeof CaseCategory>;

/** A leader of the street in charge of some departments (分管领导): persistent problems and repeated complaints
 *  about their departments' work are copied to them (抄报, S-4.7). */
export const SiteLeader = z.object({
  id: Id,
  name: text(40),
  title: text(60),
  departments: z.array(DepartmentId).min(1).max(40),
});
export type SiteLeader = z.infer<typeof SiteLeader>;

export const SiteConfig = z
  .object({
    /** The centre's name, e.g. 中山街道城运中心. */
    name: text(40),
    /** The street's centre (WGS84): what typhoon distances and gale arrival times are measured to (S-6.5). */
    centre: z.object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }).strict().optional(),
    departments: z.array(SiteDepartment).min(2).max(40),
    /** Most urgent first: the order queues and pickers use. */
    urgencies: z.array(UrgencyGrade).min(1).max(6),
    /** The grade a case gets when nobody says otherwise. */
    defaultUrgency: UrgencyId,
    categories: z.array(CaseCategory).max(200),
    leaders: z.array(SiteLeader).max(20).default([]),
    /** Who takes command in an emergency (S-6.2); absent: the duty roster commands throughout. */
    emergency: EmergencyRoster.optional(),
    /** Tide, river and rain gauges with their warning levels, and the street's pumps (S-6.5). */
    gauges: z.array(GaugeSite).max(50).default([]),
    pumps: z.array(PumpSite).max(200).default([]),
  })
  .strict()
  .superRefine((site, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const unique = (key: 'departments' | 'urgencies' | 'categories' | 'leaders' | 'gauges' | 'pumps', ids: string[]) =>
      ids.forEach((id, i) => ids.indexOf(id) !== i && issue([key, i], `${id} appears twice`));
    unique('departments', site.departments.map((d) => d.id));
    unique('urgencies', site.urgencies.map((u) => u.id));
    unique('categories', site.categories.map((c) => c.name));
    unique('leaders', site.leaders.map((l) => l.id));
    unique('gauges', site.gauges.map((g) => g.id));
    unique('pumps', site.pumps.map((p) => p.id));
    site.gauges.forEach((g, i) => (g.lon === undefined) !== (g.lat === undefined) && issue(['gauges', i], `${g.id}: give both lon and lat, or neither`));
    const departments = new Set(site.departments.map((d) => d.id));
    const grades = new Set(site.urgencies.map((u) => u.id));
    if (!departments.has('command')) issue(['departments'], 'the centre itself (id "command") is missing');
    if (!grades.has(site.defaultUrgency)) issue(['defaultUrgency'], `no urgency grade ${site.defaultUrgency}`);
    site.urgencies.forEach((u, i) => {
      if (u.urgent && (u.onSceneMin === null || u.resultMin === null)) issue(['urgencies', i], `urgent grade ${u.id} needs onSceneMin and resultMin`);
      if (u.onSceneMin !== null && u.resultMin !== null && u.onSceneMin > u.resultMin) issue(['urgencies', i], `${u.id}: on scene after the result`);
    });
    site.categories.forEach((c, i) => {
      const known = (d: string | null, where: string) => d !== null && !departments.has(d) && issue(['categories', i, where], `${c.name}: no department ${d}`);
      known(c.lead, 'lead');
      c.assisting.forEach((d) => known(d, 'assisting'));
      if (c.duty !== 'unclear' && c.lead === null) issue(['categories', i, 'lead'], `${c.name}: a ${c.duty} duty needs a lead`);
      if (c.lead !== null && c.assisting.includes(c.lead)) issue(['categories', i, 'assisting'], `${c.name}: the lead cannot also assist`);
      if (c.urgency !== undefined && !grades.has(c.urgency)) issue(['categories', i, 'urgency'], `${c.name}: no urgency grade ${c.urgency}`);
      if (!c.emergency && (c.onSceneMin !== undefined || c.resultMin !== undefined)) issue(['categories', i], `${c.name}: only an emergency category has its own clock`);
      if (c.emergency && (c.onSceneMin === undefined || c.resultMin === undefined)) issue(['categories', i], `${c.name}: an emergency category needs onSceneMin and resultMin`);
      if (c.onSceneMin !== undefined && c.resultMin !== undefined && c.onSceneMin > c.resultMin) issue(['categories', i], `${c.name}: on scene after the result`);
    });
    site.leaders.forEach((l, i) => l.departments.forEach((d, j) => departments.has(d) || issue(['leaders', i, 'departments', j], `${l.name}: no department ${d}`)));
    site.emergency?.desks.forEach((d, i) => departments.has(d) || issue(['emergency', 'desks', i], `no department ${d}`));
  });
export type SiteConfig = z.infer<typeof SiteConfig>;

const fallback = (id: string): Label => ({ zh: id, en: id });

/** Lookups over a validated site: what screens and rules ask of it. */
export function siteRules(site: SiteConfig) {
  const departments = new Map(site.departments.map((d) => [d.id, d]));
  const grades = new Map(site.urgencies.map((u) => [u.id, u]));
  return {
    site,
    department: (id: string): Label => departments.get(id) ?? fallback(id),
    hasDepartment: (id: string) => departments.has(id),
    grade: (id: string): UrgencyGrade | undefined => grades.get(id),
    urgencyLabel: (id: string): Label => grades.get(id) ?? fallback(id),
    /** 紧急类: unknown grades (a case from before a site change) count as not urgent. */
    isUrgent: (urgency: string) => grades.get(urgency)?.urgent ?? false,
    /** Position in the site's order, most urgent first; unknown grades last. */
    urgencyRank: (urgency: string) => {
      const at = site.urgencies.findIndex((u) => u.id === urgency);
      return at === -1 ? site.urgencies.length : at;
    },
    category: (name: string) => site.categories.find((c) => c.name === name),
    /** The emergency categories (S-6.5), which intake offers first in emergency command. */
    emergencyCategories: () => site.categories.filter((c) => c.emergency),
    gauge: (id: string) => site.gauges.find((g) => g.id === id),
    responsibility: Object.fromEntries(site.categories.map((c) => [c.name, { duty: c.duty, lead: c.lead, assisting: c.assisting }])) as ResponsibilityRules,
    /** The grade an intake of this category starts with. */
    urgencyFor: (category: string) => site.categories.find((c) => c.name === category)?.urgency ?? site.defaultUrgency,
    deskDepartments: () => site.departments.filter((d) => d.desk),
    leader: (id: string) => site.leaders.find((l) => l.id === id),
    /** The leader in charge of the category's lead department, if the site names one. */
    leaderFor: (category: string): SiteLeader | undefined => {
      const lead = site.categories.find((c) => c.name === category)?.lead;
      return lead ? site.leaders.find((l) => l.departments.includes(lead)) : undefined;
    },
    /** Every department a case can be dispatched to (all but the centre itself). */
    leadDepartments: site.departments.filter((d) => d.id !== 'command').map((d) => d.id),
  };
}
export type SiteRules = ReturnType<typeof siteRules>;
