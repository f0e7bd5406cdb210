// Writes the demo's load profile (resources/demo-street/load-profile.json) from the reference data beside the
// checkout. A development step, run by hand:
//   npm run demo:profile [-- --data ../shared/data --out resources/demo-street/load-profile.json]
// The output is committed; a unit test checks it matches a fresh derivation, so it never drifts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { APP_ROOT } from '../config.ts';
import { LOAD_PROFILE_FILE } from './load-profile.ts';
import { NYC_DAILY_FILE, ProfileDataError, SF_CALLS_FILE, deriveLoadProfile, formatLoadProfile } from './load-profile-derivation.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(APP_ROOT, '../shared/data') },
    out: { type: 'string', default: join(APP_ROOT, 'resources', LOAD_PROFILE_FILE) },
  },
});
try {
  const read = (file: string) => readFileSync(join(values.data, file), 'utf8');
  const profile = deriveLoadProfile({ nycDaily: read(NYC_DAILY_FILE), sfCalls: read(SF_CALLS_FILE) });
  writeFileSync(values.out, formatLoadProfile(profile));
  console.log(`${values.out}: ${profile.dailyVolume.days} days, ${profile.onScene.calls} calls`);
} catch (error) {
  if (!(error instanceof ProfileDataError) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  console.error(`demo:profile: ${(error as Error).message}`);
  process.exit(2);
}
