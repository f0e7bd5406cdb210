// Playwright config for the Electron shell test: no browsers, one worker (the app holds a port and displays).
// Run: npx playwright test -c tests/electron/electron.config.ts
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.electron.spec.ts',
  timeout: 90_000,
  workers: 1,
  reporter: 'list',
});
