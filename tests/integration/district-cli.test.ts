// The district simulator as an operator meets it: bad flags and files refused by name with exit code 2,
// a ready line, a halls file, its tokens kept across restarts, a clean stop on SIGTERM.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DISTRICT_ENTRY, startDistrict } from '../helpers/district-process.ts';
import { REPO, tempDataDir } from '../helpers/hall-process.ts';
import { helloUpstream } from '../helpers/upstream-client.ts';

const file = (name: string, content: string) => {
  const path = join(tempDataDir('district-cli-'), name);
  writeFileSync(path, content);
  return path;
};
const demoSite = JSON.parse(readFileSync(join(REPO, 'resources/demo-street/site.json'), 'utf8')) as Record<string, unknown>;
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [DISTRICT_ENTRY, ...args], { cwd: REPO, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 15_000 });

describe('district command line', () => {
  it.each([
    [['--port', 'abc'], {}, /--port "abc"/],
    [['--frobnicate'], {}, /Unknown option '--frobnicate'/],
    [[], { DISTRICT_TICKET_RATE: 'many' }, /DISTRICT_TICKET_RATE "many"/],
    [['--halls', '/nonexistent/halls.json'], {}, /halls \/nonexistent\/halls\.json: ENOENT/],
    [['--halls', file('halls.json', '[{"id": "hall-a", "token": "short"}]')], {}, /halls .*halls\.json: "0\.token": /],
    [['--halls', file('halls.json', '[{"id": "hall-a", "token": "long-enough-1"}, {"id": "hall-a", "token": "long-enough-2"}]')], {}, /"1\.id": hall hall-a appears twice/],
    [['--halls', file('halls.json', '{oops')], {}, /halls .*halls\.json: .*JSON/],
    [['--site', file('site.json', JSON.stringify({ ...demoSite, defaultUrgency: 'whenever' }))], {}, /site .*site\.json: "defaultUrgency": no urgency grade whenever/],
    [['--profile', file('profile.json', '{"hourOfDay": {"share": [1]}}')], {}, /load profile .*profile\.json: "hourOfDay\.share": /],
    [['--addresses', file('addresses.json', '{"entries": []}')], {}, /addresses .*addresses\.json: "city": /],
  ])('refuses %j %j with exit code 2 and a message naming it, creating nothing', (args, env, message) => {
    const dataDir = join(tempDataDir('district-cli-'), 'never-created');
    const result = run([...args, '--data-dir', dataDir], env);
    expect(result.stderr).toMatch(message);
    expect(result.status).toBe(2);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('prints usage for --help', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/--ticket-rate\s+DISTRICT_TICKET_RATE/);
  });

  it('serves the halls of a halls file only, keeps its tokens across restarts, and stops cleanly on SIGTERM', async () => {
    const halls = file('halls.json', JSON.stringify([{ id: 'hall-a', token: 'token-of-hall-a' }]));
    const dataDir = tempDataDir('district-cli-');
    const district = await startDistrict({ dataDir, args: ['--halls', halls] });
    expect(district.ready).toMatchObject({ halls: ['hall-a'], enrolToken: null, dataDir });
    expect(statSync(join(dataDir, 'credentials.json')).mode & 0o777).toBe(0o600);
    const { client, welcome } = await helloUpstream(district.upstreamUrl, { hallId: 'hall-a', token: 'token-of-hall-a' });
    expect(welcome.ackedUp).toBe(0);
    await client.close();
    const stranger = await helloUpstream(district.upstreamUrl, { hallId: 'hall-b', token: 'token-of-hall-a' }).catch((e: Error) => e);
    expect(String(stranger)).toMatch(/no welcome/);
    expect(await district.stop()).toBe(0);

    const again = await startDistrict({ dataDir, args: ['--halls', halls] });
    expect(again.ready.adminToken).toBe(district.ready.adminToken);
    expect(again.ready.districtId).toBe(district.ready.districtId);
    expect(await again.stop()).toBe(0);
  });
});
