// Launches the built app in Electron with role hall and checks the shell: the console window and one wall
// window per extra display, the bridge the preload exposes, and that no Node API leaks into the page.
// Skips, saying why, where the Electron binary is absent (it cannot be fetched without internet).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { HallBridge } from '../../electron/common/bridge.ts';
import { findElectronBinary } from '../../electron/launch.ts';

const REPO = resolve(import.meta.dirname, '../..');
const electronBinary = findElectronBinary(REPO);
const skipReason = !electronBinary
  ? 'Electron binary absent; `npm run electron:fetch` installs it where internet exists'
  : !existsSync(join(REPO, 'out/main/index.js'))
    ? 'app not built; run `electron-vite build` first'
    : '';
if (skipReason) console.log(`Electron shell test skipped: ${skipReason}`);

test.describe('Electron shell, role hall', () => {
  test.skip(skipReason !== '', skipReason);
  let app: ElectronApplication;

  test.beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hall-electron-'));
    app = await _electron.launch({
      executablePath: electronBinary!,
      args: [REPO, '--role', 'hall', '--data-dir', dataDir, '--port', '0'],
      cwd: REPO,
      env: { ...process.env, HALL_DEMO_FEED: '0' },
    });
  });
  test.afterAll(async () => app?.close());

  const windowAt = async (prefix: string): Promise<Page> => {
    await expect.poll(() => app.windows().some((p) => p.url().startsWith(prefix)), { timeout: 60_000 }).toBe(true);
    return app.windows().find((p) => p.url().startsWith(prefix))!;
  };

  test('opens the console on the primary display and a kiosk wall on every other display', async () => {
    const consolePage = await windowAt('app://hall/console');
    expect(consolePage.url()).toBe('app://hall/console');
    const displays = await app.evaluate(({ screen }) => screen.getAllDisplays().length);
    await expect.poll(() => app.windows().filter((p) => /^app:\/\/hall\/wall\?monitor=\d+$/.test(p.url())).length).toBe(displays - 1);
    const titles = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => [w.getTitle(), w.isKiosk()]));
    expect(titles).toContainEqual(['城运指挥大厅 — 指挥台', false]);
    for (let monitor = 1; monitor < displays; monitor++) expect(titles).toContainEqual([`城运指挥大厅 — 大屏 ${monitor}`, true]);
  });

  test('exposes exactly window.hallBridge, frozen, and no Node', async () => {
    const page = await windowAt('app://hall/console');
    const exposed = await page.evaluate(() => {
      const bridge = (window as unknown as { hallBridge?: HallBridge }).hallBridge;
      return {
        keys: bridge ? Object.keys(bridge).sort() : null,
        role: bridge?.role,
        wsUrl: bridge?.wsUrl,
        frozen: bridge ? Object.isFrozen(bridge) : false,
        node: ['require', 'process', 'module', 'Buffer', 'global'].filter((name) => name in window),
      };
    });
    expect(exposed.keys).toEqual(['displayId', 'httpBase', 'role', 'seatId', 'token', 'wsUrl']);
    expect(exposed.role).toBe('console');
    expect(exposed.wsUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/ws$/);
    expect(exposed.frozen).toBe(true);
    expect(exposed.node).toEqual([]);
  });

  test('refuses pop-ups and navigation away from app://', async () => {
    const page = await windowAt('app://hall/console');
    expect(await page.evaluate(() => window.open('https://example.com') === null)).toBe(true);
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://hall/console');
  });
});
