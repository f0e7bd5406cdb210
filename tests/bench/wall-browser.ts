// Chromium as the wall kiosks run it in tests: Debian's build, WebGL on SwiftShader (no GPU needed), the
// same switches as playwright.config.ts. Shared by the screenshots and the wall benchmarks.
import { chromium, type Browser } from '@playwright/test';

export const WALL_CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync',
  // Six kiosk pages in one browser: none of them is ever "in the background".
  '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows',
];

export function launchWallBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: WALL_CHROMIUM_ARGS });
}
