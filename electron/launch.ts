// `npm start`: runs the built app in Electron when the Electron binary is installed; otherwise (as on machines
// without internet, where it cannot be fetched) runs the hall core headless, which serves the same renderer
// over HTTP and prints the console/desk/wall URLs. The embedded default (no --site, no --district) also runs the
// district simulator beside it as its live feed (S-1.4, S-7.6). Run by Node 24 directly: node electron/launch.ts [args…]
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DISTRICT_READY_PREFIX, type DistrictReady } from './common/bridge.ts';

const REPO = resolve(import.meta.dirname, '..');

/**
 * The installed Electron binary, or null. Reads electron's own path.txt instead of `require('electron')`,
 * because that require tries to download a missing binary.
 */
export function findElectronBinary(repo: string = REPO): string | null {
  const pkg = join(repo, 'node_modules/electron');
  let relative: string;
  try {
    relative = readFileSync(join(pkg, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist'), relative);
  return existsSync(binary) ? binary : null;
}

/** The embedded default's feed: tickets at a pace a newcomer sees (about one a minute by day). */
const DEMO_TICKET_RATE = 1500;

/** No site of its own and no district named: the embedded default, which brings its own district simulator. */
export function isEmbeddedDefault(args: readonly string[], env: NodeJS.ProcessEnv): boolean {
  const named = (flag: string, variable: string) => args.some((a) => a === flag || a.startsWith(`${flag}=`)) || !!env[variable];
  const demoOff = env.HALL_DEMO === 'off' || args.some((a, i) => a === '--demo=off' || (a === '--demo' && args[i + 1] === 'off'));
  return !named('--site', 'HALL_SITE') && !named('--district', 'HALL_DISTRICT') && !demoOff;
}

/** Starts the simulator (its data beside the hall's when a data folder is named) and resolves with the hall flags
 *  that connect to it. */
function startSimulator(args: readonly string[]): Promise<{ flags: string[]; child: ChildProcess }> {
  const at = args.indexOf('--data-dir');
  const dataDir = at >= 0 && args[at + 1] ? ['--data-dir', join(args[at + 1]!, 'district')] : [];
  const child = spawn(process.execPath, [join(REPO, 'electron/district/district.ts'), '--port', '0', '--ticket-rate', String(DEMO_TICKET_RATE), ...dataDir], {
    cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith(DISTRICT_READY_PREFIX));
      if (!line) return;
      const ready = JSON.parse(line.slice(DISTRICT_READY_PREFIX.length)) as DistrictReady;
      console.log(`区平台模拟器已启动 / district simulator on port ${ready.port}`);
      resolve({ flags: ['--district', `ws://127.0.0.1:${ready.port}`, '--district-token', ready.enrolToken ?? ''], child });
    });
    child.once('exit', (code) => reject(new Error(`the district simulator exited with ${code} before it was ready:\n${out}`)));
  });
}

async function launch(given: string[]): Promise<void> {
  const electron = findElectronBinary();
  if (!electron) {
    console.log('未安装 Electron 可执行文件，改为无界面运行指挥大厅核心 (Electron binary absent; `npm run electron:fetch` fetches it where internet exists)');
  }
  const simulator = isEmbeddedDefault(given, process.env) ? await startSimulator(given) : null;
  const args = [...given, ...(simulator?.flags ?? [])];
  const child = electron
    ? spawn(electron, [REPO, ...args], { stdio: 'inherit', cwd: REPO })
    : spawn(process.execPath, [join(REPO, 'electron/hall/hall.ts'), ...args], { stdio: 'inherit', cwd: REPO });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      child.kill(signal);
      simulator?.child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => {
    simulator?.child.kill('SIGTERM');
    process.exit(code ?? (signal ? 1 : 0));
  });
}

if (import.meta.main) {
  launch(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`launch: ${(error as Error).message}`);
    process.exit(1);
  });
}
