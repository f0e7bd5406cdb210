// The site configuration the hall runs with (common/site/site-config.ts): the file given by --site, else the
// demo street's. Checked at start, together with what must agree with it: the seats' and the staff's
// departments. A bad file stops the start naming the problem.
import { join } from 'node:path';
import { resolveEmergencyRoster, type EmergencyCommand } from '../common/domain/emergency-command.ts';
import type { PointFeature } from '../common/geo/layer-schema.ts';
import type { StaffMember } from '../common/geo/staff-schema.ts';
import type { SeatInfo } from '../common/protocol.ts';
import { SiteConfig, siteRules, type SiteRules } from '../common/site/site-config.ts';
import { readConfigFile } from './config-file.ts';
import { ConfigError } from './config.ts';

/** Relative to the resources folder. */
export const DEMO_SITE_FILE = join('demo-street', 'site.json');

export const loadSite = (file: string): SiteRules => siteRules(readConfigFile(file, 'site', SiteConfig));

/** Throws a ConfigError when seats or staff name a department the site does not have. */
export function checkSiteUses(rules: SiteRules, file: string, uses: { seats: readonly SeatInfo[]; staff: readonly StaffMember[] }): void {
  const unknown = [
    ...uses.seats.filter((s) => !rules.hasDepartment(s.department)).map((s) => `seat ${s.id} (${s.department})`),
    ...uses.staff.filter((m) => !rules.hasDepartment(m.department)).map((m) => `staff ${m.id} (${m.department})`),
  ];
  if (unknown.length) {
    throw new ConfigError(`site ${file}: no department for ${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ` and ${unknown.length - 3} more` : ''}`);
  }
}

/** The site's emergency command with its field posts named from the map's stations; null when the site has none.
 *  Throws a ConfigError when a post names no station. */
export function emergencyCommandOf(rules: SiteRules, file: string, points: readonly PointFeature[]): EmergencyCommand | null {
  if (!rules.site.emergency) return null;
  const resolved = resolveEmergencyRoster(rules.site.emergency, points);
  if ('problem' in resolved) throw new ConfigError(`site ${file}: ${resolved.problem}`);
  return resolved.command;
}
