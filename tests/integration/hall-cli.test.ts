// The hall process as an operator meets it: flags, environment, its data folder and its HTTP side.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HALL_ENTRY, REPO, startHall, tempDataDir, type HallProcess } from '../helpers/hall-process.ts';

const strangerCamera = join(tempDataDir('cli-cameras-'), 'cameras.json');
writeFileSync(strangerCamera, '{"SX-999": "http://10.8.0.21/live/1.mp4"}');

const badSite = join(tempDataDir('cli-site-'), 'site.json');
writeFileSync(badSite, JSON.stringify({ ...JSON.parse(readFileSync(join(REPO, 'resources/demo-street/site.json'), 'utf8')), defaultUrgency: 'whenever' }));
/** A site without the departments the demo street's seats and staff belong to. */
const narrowSite = join(tempDataDir('cli-site-'), 'site.json');
writeFileSync(narrowSite, JSON.stringify({
  name: '某镇城运中心', departments: [{ id: 'command', zh: '城运中心', en: 'Centre', desk: false }, { id: 'police', zh: '派出所', en: 'Police' }],
  urgencies: [{ id: 'urgent', zh: '紧急', en: 'Urgent', tier: 'street', urgent: true, onSceneMin: 15, resultMin: 60 }], defaultUrgency: 'urgent', categories: [],
}));

const runHall = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [HALL_ENTRY, ...args], { cwd: REPO, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });

// A hall that starts slowly on a loaded machine must not read as a failure: the spawn and the test wait long.
describe('hall command line', { timeout: 90_000 }, () => {
  it.each([
    [['--port', 'abc'], {}, /--port "abc"/],
    [['--frobnicate'], {}, /Unknown option '--frobnicate'/],
    [[], { HALL_DEMO_FEED: '-5' }, /HALL_DEMO_FEED "-5"/],
    [['--max-tail', '0'], {}, /--max-tail "0"/],
    [['--cameras', '/nonexistent/cameras.json'], {}, /camera streams \/nonexistent\/cameras\.json: ENOENT/],
    [[], { HALL_CAMERAS: strangerCamera }, /camera streams .*cameras\.json: no camera SX-999 on the street/],
    [['--site', '/nonexistent/site.json'], {}, /site \/nonexistent\/site\.json: ENOENT/],
    [['--site', badSite], {}, /site .*site\.json: "defaultUrgency": no urgency grade whenever/],
    [['--demo', 'maybe'], {}, /--demo "maybe"/],
  ])('refuses %j %j with exit code 2 and a message naming it, creating nothing', (args, env, message) => {
    const dataDir = join(tempDataDir('cli-'), 'never-created');
    const result = runHall([...args, '--data-dir', dataDir], env);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses a site whose departments leave out the seats\' and staff\'s, naming them', () => {
    const result = runHall(['--site', narrowSite, '--data-dir', tempDataDir('cli-'), '--port', '0']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/site .*site\.json: no department for seat desk-urban \(urban\), seat desk-market \(market\), seat desk-flex-1 \(other\) and \d+ more/);
  });

  it('prints usage for --help', () => {
    const result = runHall(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/--data-dir\s+HALL_DATA_DIR/);
  });

  it('refuses a second hall on the same data folder, leaving the first untouched', async () => {
    const first = await startHall({ args: ['--demo-feed', '0'] });
    try {
      const second = runHall(['--data-dir', first.dataDir, '--port', '0', '--demo-feed', '0']);
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(/in use by another hall core \(pid \d+\)/);
      expect((await fetch(`${first.httpBase}/healthz`)).status).toBe(200);
    } finally {
      await first.stop();
    }
  });

  it('reports a port already taken', async () => {
    const first = await startHall({ args: ['--demo-feed', '0'] });
    try {
      const second = runHall(['--port', String(first.ready.port), '--data-dir', tempDataDir('cli-')]);
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(/EADDRINUSE/);
    } finally {
      await first.stop();
    }
  });
});

describe('hall HTTP', () => {
  let hall: HallProcess;
  beforeAll(async () => {
    hall = await startHall({ args: ['--demo-feed', '0'] });
  });
  afterAll(() => hall.stop());

  it('serves the demo street grids to seats only', async () => {
    expect((await fetch(`${hall.httpBase}/api/grids`)).status).toBe(401);
    expect((await fetch(`${hall.httpBase}/api/grids`, { headers: { authorization: 'Bearer nope-nope-nope' } })).status).toBe(401);
    const response = await fetch(`${hall.httpBase}/api/grids`, { headers: { authorization: `Bearer ${hall.tokenOf('wall-1')}` } });
    expect(response.status).toBe(200);
    const grids = (await response.json()) as { type: string; features: Array<{ properties: { level: string } }> };
    expect(grids.type).toBe('FeatureCollection');
    expect(grids.features.filter((f) => f.properties.level === 'micro')).toHaveLength(125);
  });

  it('lets only the Electron app origin call the API across origins', async () => {
    const preflight = await fetch(`${hall.httpBase}/api/grids`, { method: 'OPTIONS', headers: { origin: 'app://hall', 'access-control-request-headers': 'authorization' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('app://hall');
    const foreign = await fetch(`${hall.httpBase}/api/grids`, { headers: { origin: 'http://evil.example', authorization: `Bearer ${hall.tokenOf('wall-1')}` } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('does not serve files outside the renderer and refuses writes', async () => {
    expect((await fetch(`${hall.httpBase}/..%2f..%2fpackage.json`)).status).toBeGreaterThanOrEqual(403);
    expect((await fetch(`${hall.httpBase}/assets/..%2f..%2f..%2fpackage.json`)).status).toBeGreaterThanOrEqual(403);
    expect((await fetch(`${hall.httpBase}/api/grids`, { method: 'POST' })).status).toBe(405);
  });
});
