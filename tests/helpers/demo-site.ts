// The demo street's site configuration (resources/demo-street/site.json), as the hall loads it.
import { join } from 'node:path';
import { loadSite } from '../../electron/hall/site-file.ts';
import { DEMO_SITE_FILE } from '../../electron/hall/site-file.ts';
import { REPO } from './hall-process.ts';

export const DEMO_SITE = loadSite(join(REPO, 'resources', DEMO_SITE_FILE));
/** Chinese department names, as refusals use them. */
export const DEMO_NAMES = (d: string) => DEMO_SITE.department(d).zh;
