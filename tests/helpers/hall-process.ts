// Starts the real hall core as its own Node process (the way `npm run hall` does, without the build) and
// reads its HALL_READY line. Used by integration, end-to-end and benchmark code.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HALL_READY_PREFIX, type HallReady } from '../../electron/common/bridge.ts';

export const REPO = resolve(import.meta.dirname, '../..');
export const HALL_ENTRY = join(REPO, 'electron/hall/hall.ts');
/** The hall core bundled by `electron-vite build`, as the app runs it. */
export const BUNDLED_HALL_ENTRY = join(REPO, 'out/main/hall.js');

export interface HallProcess {
  proc: ChildProcess;
  ready: HallReady;
  httpBase: string;
  wsUrl: string;
  dataDir: string;
  tokenOf(seatId: string): string;
  /** Graceful stop (SIGTERM), resolves when the process has exited. */
  stop(): Promise<void>;
  /** SIGKILL, resolves when the process has exited. */
  kill(): Promise<void>;
  output(): string;
}

export function tempDataDir(prefix = 'hall-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Tests count the cases they make: a hall starts without the demo's seeded month unless `--demo-history` is given. */
const NO_HISTORY = ['--demo-history', '0'];

/** `entry`: the script to run, HALL_ENTRY unless given (BUNDLED_HALL_ENTRY: the hall as shipped, after a build). */
export async function startHall(opts: { dataDir?: string; port?: number; args?: string[]; env?: NodeJS.ProcessEnv; entry?: string } = {}): Promise<HallProcess> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const own = opts.args ?? [];
  const args = [opts.entry ?? HALL_ENTRY, '--data-dir', dataDir, '--port', String(opts.port ?? 0), ...(own.includes('--demo-history') ? [] : NO_HISTORY), ...own];
  const proc = spawn(process.execPath, args, { cwd: REPO, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((res) => proc.once('exit', () => res()));
  const { ready, output } = await readHallReady(proc);
  const httpBase = `http://127.0.0.1:${ready.port}`;
  return {
    proc,
    ready,
    httpBase,
    wsUrl: `ws://127.0.0.1:${ready.port}/ws`,
    dataDir,
    tokenOf(seatId) {
      const seat = ready.seats.find((s) => s.id === seatId);
      if (!seat) throw new Error(`no seat ${seatId}`);
      return seat.token;
    },
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
    output,
  };
}

/** Waits for the HALL_READY line of a process that runs the hall core (directly or through a launcher). A demo
 *  hall's first start seeds a month of history first: seconds, more on a busy machine. */
export function readHallReady(proc: ChildProcess, timeoutMs = 45_000): Promise<{ ready: HallReady; output(): string }> {
  let out = '';
  const output = () => out;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hall did not become ready in ${timeoutMs / 1000} s:\n${out}`)), timeoutMs);
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith(HALL_READY_PREFIX));
      if (line) {
        clearTimeout(timer);
        resolve({ ready: JSON.parse(line.slice(HALL_READY_PREFIX.length)) as HallReady, output });
      }
    });
    proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hall exited with ${code} before ready:\n${out}`));
    });
  });
}
