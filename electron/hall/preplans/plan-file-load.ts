// The site's pre-plans (common/preplan/plan-file.ts): preplans.json beside its site file, read and checked at start
// like the site itself; a bad file, or one that names a department, category or station the site and its map do
// not have, stops the start naming the field. The demo street ships one; another site may have none yet (no plan
// is then activated, and the screens say so).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GridFeature } from '../../common/geo/grid-schema.ts';
import type { PointFeature } from '../../common/geo/layer-schema.ts';
import { planLibrary, type PlanLibrary } from '../../common/preplan/plan-activation.ts';
import { PlanFile, planFileProblems } from '../../common/preplan/plan-file.ts';
import { stationSets } from '../../common/preplan/station-sets.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import { readConfigFile } from '../config-file.ts';
import { ConfigError } from '../config.ts';

export const PLAN_FILE = 'preplans.json';

export interface PlanMap { points: readonly PointFeature[]; grids: readonly GridFeature[] }

/** The library beside `siteFile`; null when the file is absent and not `required`. */
export function loadPlanLibrary(siteFile: string, required: boolean, site: SiteRules, map: PlanMap): { file: string; library: PlanLibrary | null } {
  const file = join(dirname(siteFile), PLAN_FILE);
  if (!required && !existsSync(file)) return { file, library: null };
  const plans = readConfigFile(file, 'pre-plans', PlanFile);
  const sets = stationSets(map.points, map.grids);
  const problems = planFileProblems(plans, { hasDepartment: site.hasDepartment, hasCategory: (name) => site.category(name) !== undefined, stations: new Set(sets.all) });
  if (problems.length) throw new ConfigError(`pre-plans ${file}: "${problems[0]!.path}": ${problems[0]!.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`);
  return { file, library: planLibrary(plans, sets) };
}
