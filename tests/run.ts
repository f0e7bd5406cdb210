// `npm test`: the whole suite with its own set-up, run the same way by developers and by CI (.ci/run).
// 1. find a Chromium for the end-to-end tests, or install Debian's; 2. build; 3. lint and typecheck;
// 4. unit + integration (Vitest); 5. end-to-end in Chromium (Playwright); 6. Electron tests (skip where no
// Electron binary exists). Ends with one line `tests: N passed, N failed, N skipped` (and how many of the passed
// ones failed once and passed on Playwright's retry, named above it: a loaded machine stretches the timed e2e).
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const artifacts = join(repo, 'tests/.artifacts');
mkdirSync(artifacts, { recursive: true });
const bin = (name: string) => join(repo, 'node_modules/.bin', name);

const totals = { passed: 0, failed: 0, skipped: 0 };
const flaky: string[] = [];
const failures: string[] = [];

function step(title: string, command: string, args: string[], options: SpawnSyncOptions = {}): boolean {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: repo, stdio: 'inherit', ...options });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failures.push(title);
  return ok;
}

function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

function ensureChromium(): string | undefined {
  const found = findChromium();
  const hasCjkFont = spawnSync('sh', ['-c', 'fc-list :lang=zh | grep -q .']).status === 0;
  if (found && hasCjkFont) return found;
  const debian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
  if (debian && process.getuid?.() === 0) {
    console.log('Installing Debian Chromium and CJK fonts for the end-to-end tests (apt-get)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    step('apt-get update', 'apt-get', ['update', '-qq'], { env });
    step('apt-get install chromium fonts-noto-cjk', 'apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { env });
    return findChromium();
  }
  console.log(found
    ? 'No CJK font found: Chinese text will render as boxes. Install Noto Sans CJK (Debian: fonts-noto-cjk).'
    : 'No Chromium found. Install one (Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH.');
  return found;
}

function countVitest(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

interface PlaywrightSuite {
  title: string;
  specs?: Array<{ title: string; tests: Array<{ status: string }> }>;
  suites?: PlaywrightSuite[];
}

function countPlaywright(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; skipped: number; flaky: number }; suites: PlaywrightSuite[] };
  const { stats } = report;
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
  const walk = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? []) if (spec.tests.some((t) => t.status === 'flaky')) flaky.push(`${suite.title} › ${spec.title}`);
    (suite.suites ?? []).forEach(walk);
  };
  report.suites.forEach(walk);
}

const chromium = ensureChromium();
// The suite's temporary files (hall data dirs with their SQLite files, browser profiles) go under one
// directory, removed when the suite ends.
const scratch = mkdtempSync(join(tmpdir(), 'hall-tests-'));
const env = { ...process.env, TMPDIR: scratch, ...(chromium ? { CHROMIUM_PATH: chromium } : {}) };
const built = step('build (electron-vite)', bin('electron-vite'), ['build']);
step('lint (eslint)', bin('eslint'), ['.']);
step('typecheck (tsc)', bin('tsc'), ['-p', 'tsconfig.json']);

const vitestReport = join(artifacts, 'vitest.json');
step('unit + integration (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`], { env });
countVitest(vitestReport);

if (!built) {
  failures.push('end-to-end (not run: the build failed)');
} else if (!chromium) {
  failures.push('end-to-end (not run: no Chromium)');
} else {
  const e2eReport = join(artifacts, 'playwright-e2e.json');
  step('end-to-end in Chromium (playwright)', bin('playwright'), ['test', '--reporter=list,json'], { env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport } });
  countPlaywright(e2eReport);
  const electronReport = join(artifacts, 'playwright-electron.json');
  step('Electron shell (playwright _electron)', bin('playwright'), ['test', '-c', 'tests/electron/electron.config.ts', '--reporter=list,json'], {
    env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: electronReport },
  });
  countPlaywright(electronReport);
}

rmSync(scratch, { recursive: true, force: true });
if (failures.length) console.log(`\nFailed steps: ${failures.join('; ')}`);
if (flaky.length) console.log(`\nPassed only on the retry:\n${flaky.map((t) => `  ${t}`).join('\n')}`);
console.log(`\ntests: ${totals.passed} passed${flaky.length ? ` (${flaky.length} on the retry)` : ''}, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
