// `npm start` on a machine without the Electron binary: one line says so, and the hall runs headless on the
// embedded default, serving the console with the demo street. (Runs after the build, as `npm test` does.)
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { findElectronBinary } from '../../electron/launch.ts';
import { REPO, readHallReady, tempDataDir } from '../helpers/hall-process.ts';
import { connect } from '../helpers/ws-client.ts';

it('starts the hall headless when Electron is absent and serves the console with the demo street', async (ctx) => {
  if (findElectronBinary()) {
    console.log('skipped: an Electron binary is installed here, so npm start opens Electron windows instead');
    return ctx.skip();
  }
  const launcher = spawn(process.execPath, [join(REPO, 'electron/launch.ts'), '--port', '0', '--data-dir', tempDataDir('start-')], { cwd: REPO });
  try {
    const { ready, output } = await readHallReady(launcher);
    const out = output();
    expect(out.split('\n')[0]).toMatch(/Electron binary absent/);
    expect(out).toMatch(/\/console\?seat=console-1&token=/);
    const base = `http://127.0.0.1:${ready.port}`;
    const page = await fetch(`${base}/console`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const token = ready.seats.find((s) => s.role === 'console')!.token;
    const grids = (await (await fetch(`${base}/api/grids`, { headers: { authorization: `Bearer ${token}` } })).json()) as { features: unknown[] };
    expect(grids.features).toHaveLength(155);
    // Its feed is the district simulator, started beside it: the console hears the link is up.
    const consoleSeat = ready.seats.find((s) => s.role === 'console')!;
    const commander = await connect(`ws://127.0.0.1:${ready.port}/ws`, { seatId: consoleSeat.id, token: consoleSeat.token });
    await commander.take((m) => m.type === 'upstream' && m.state.online, 'the district link online', 20_000);
    await commander.close();
  } finally {
    launcher.kill('SIGTERM');
    await new Promise((r) => launcher.once('exit', r));
  }
  // The embedded default's first start seeds its month of demo history before it serves.
}, 60_000);
