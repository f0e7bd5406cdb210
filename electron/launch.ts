// `npm start`: runs the built app in Electron when the Electron binary is installed; otherwise (as on machines
// without internet, where it cannot be fetched) runs the hall core headless, which serves the same renderer
// over HTTP and prints the console/desk/wall URLs. Run by Node 24 directly: node electron/launch.ts [args…]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

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

function launch(args: string[]): void {
  const electron = findElectronBinary();
  if (!electron) {
    console.log('未安装 Electron 可执行文件，改为无界面运行指挥大厅核心 (Electron binary absent; `npm run electron:fetch` fetches it where internet exists)');
  }
  const child = electron
    ? spawn(electron, [REPO, ...args], { stdio: 'inherit', cwd: REPO })
    : spawn(process.execPath, [join(REPO, 'electron/hall/hall.ts'), ...args], { stdio: 'inherit', cwd: REPO });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (import.meta.main) launch(process.argv.slice(2));
