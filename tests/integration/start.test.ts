// `npm start` on a machine without the Electron binary: one line says so, and the hall runs headless on the
// embedded default, serving the console with the demo street. (Runs after the build, as `npm test` does.)
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { HALL_READY_PREFIX, type HallReady } from '../../electron/common/bridge.ts';
import { findElectronBinary } from '../../electron/launch.ts';
import { REPO, tempDataDir } from '../helpers/hall-process.ts';

it('starts the hall headless when Electron is absent and serves the console with the demo street', async (ctx) => {
  if (findElectronBinary()) {
    console.log('skipped: an Electron binary is installed here, so npm start opens Electron windows instead');
    return ctx.skip();
  }
  const launcher = spawn(process.execPath, [join(REPO, 'electron/launch.ts'), '--port', '0', '--data-dir', tempDataDir('start-')], { cwd: REPO });
  let out = '';
  try {
    const ready = await new Promise<HallReady>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no HALL_READY in 20 s:\n${out}`)), 20_000);
      launcher.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const line = out.split('\n').find((l) => l.startsWith(HALL_READY_PREFIX));
        if (line) {
          clearTimeout(timer);
          resolve(JSON.parse(line.slice(HALL_READY_PREFIX.length)) as HallReady);
        }
      });
    });
    expect(out.split('\n')[0]).toMatch(/Electron binary absent/);
    expect(out).toMatch(/\/console\?seat=console-1&token=/);
    const base = `http://127.0.0.1:${ready.port}`;
    const page = await fetch(`${base}/console`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const token = ready.seats.find((s) => s.role === 'console')!.token;
    const grids = (await (await fetch(`${base}/api/grids`, { headers: { authorization: `Bearer ${token}` } })).json()) as { features: unknown[] };
    expect(grids.features).toHaveLength(155);
  } finally {
    launcher.kill('SIGTERM');
    await new Promise((r) => launcher.once('exit', r));
  }
});
