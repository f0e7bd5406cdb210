// The demo street's site configuration (resources/demo-street/site.json) and its gazetteer, as the hall loads them.
import { join } from 'node:path';
import { buildGazetteer, type Gazetteer } from '../../electron/common/address/gazetteer.ts';
import { loadDemoAddresses } from '../../electron/hall/demo/demo-layers.ts';
import { loadDemoGrids } from '../../electron/hall/demo/demo-street.ts';
import { loadSite } from '../../electron/hall/site-file.ts';
import { DEMO_SITE_FILE } from '../../electron/hall/site-file.ts';
import { REPO } from './hall-process.ts';

export const DEMO_SITE = loadSite(join(REPO, 'resources', DEMO_SITE_FILE));
/** Chinese department names, as refusals use them. */
export const DEMO_NAMES = (d: string) => DEMO_SITE.department(d).zh;

/** The demo street's gazetteer over its micro grids, as the hall builds it. */
export function demoGazetteer(): Gazetteer {
  const resources = join(REPO, 'resources');
  const micro = loadDemoGrids(resources).features.filter((g) => g.properties.level === 'micro').map((g) => ({ id: g.properties.id, ring: g.geometry.coordinates[0]! }));
  return buildGazetteer(loadDemoAddresses(resources), micro);
}
