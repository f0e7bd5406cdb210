// End-to-end tests in Chromium against a real hall core serving the built renderer (run `npx electron-vite
// build` first; `npm test` does). Debian's Chromium, never a downloaded one; WebGL on SwiftShader so the Cesium
// wall renders without a GPU (a few frames per second: the wall test allows for it).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // Each file starts its own hall process; one at a time keeps SwiftShader and the ports calm.
  workers: 1,
  fullyParallel: false,
  // One retry: timed e2e checks (a second, three seconds) can be stretched by a loaded machine; a test that passes
  // only on the retry is named in `npm test`'s summary (tests/run.ts), one that fails twice fails the suite.
  retries: 1,
  reporter: 'list',
  use: {
    browserName: 'chromium',
    viewport: { width: 1600, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
        '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync',
      ],
    },
  },
});
