// Starts the district simulator as its own Node process (as `npm run district` does), reads its DISTRICT_READY
// line and calls its admin interface. For integration tests and for the hall's tests against a district.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DISTRICT_READY_PREFIX, type DistrictReady } from '../../electron/common/bridge.ts';
import { UPSTREAM_PATH } from '../../electron/common/upstream-protocol.ts';
import { REPO, tempDataDir } from './hall-process.ts';

export const DISTRICT_ENTRY = join(REPO, 'electron/district/district.ts');

export interface AdminAnswer<T = unknown> { status: number; body: T }

/** GET /admin/status, per hall. */
export interface HallStatus {
  id: string;
  connected: boolean;
  lastSeen: number | null;
  lastDown: number;
  ackedDown: number;
  /** Down messages after the hall's ackedDown. */
  queued: number;
  ackedUp: number;
  received: { applied: number; refused: number; held: number; duplicate: number };
  tickets: { issued: number; numbered: number; open: number; closed: number; cancelled: number };
}
export interface DistrictStatus {
  districtId: string;
  at: number;
  ticketRate: number;
  cutUntil: number | null;
  storm: { on: boolean; since?: number; level?: string; gaugeEveryS?: number };
  halls: HallStatus[];
}

export interface DistrictProcess {
  proc: ChildProcess;
  ready: DistrictReady;
  /** ws://127.0.0.1:<port>/upstream */
  upstreamUrl: string;
  httpBase: string;
  dataDir: string;
  /** Calls the admin interface with the admin token; never throws on an HTTP error status. */
  admin<T = Record<string, unknown>>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<AdminAnswer<T>>;
  /** Like admin, but throws unless the answer is 200. */
  call<T = Record<string, unknown>>(path: string, body?: unknown): Promise<T>;
  status(): Promise<DistrictStatus>;
  /** The status of one hall (throws when the district does not know it). */
  hall(hallId: string): Promise<HallStatus>;
  /** Graceful stop (SIGTERM), resolves when the process has exited, with its exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL, resolves when the process has exited. */
  kill(): Promise<void>;
  output(): string;
}

export interface DistrictOptions {
  dataDir?: string;
  port?: number;
  /** Tickets per hall per ordinary day: 0 (only on request) unless given. */
  ticketRate?: number;
  seed?: number;
  args?: string[];
  env?: NodeJS.ProcessEnv;
}

export async function startDistrict(opts: DistrictOptions = {}): Promise<DistrictProcess> {
  const dataDir = opts.dataDir ?? tempDataDir('district-');
  const args = [
    DISTRICT_ENTRY, '--data-dir', dataDir, '--port', String(opts.port ?? 0), '--ticket-rate', String(opts.ticketRate ?? 0),
    '--seed', String(opts.seed ?? 1), ...(opts.args ?? []),
  ];
  const proc = spawn(process.execPath, args, { cwd: REPO, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((res) => proc.once('exit', (code) => res(code)));
  const { ready, output } = await readDistrictReady(proc);
  const httpBase = `http://127.0.0.1:${ready.port}`;
  const admin = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<AdminAnswer<T>> => {
    const res = await fetch(`${httpBase}${path}`, {
      method,
      headers: { authorization: `Bearer ${ready.adminToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  return {
    proc, ready, httpBase, dataDir,
    upstreamUrl: `ws://127.0.0.1:${ready.port}${UPSTREAM_PATH}`,
    admin,
    async call<T>(path: string, body?: unknown) {
      const answer = await admin<T>(body === undefined ? 'GET' : 'POST', path, body);
      if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
    async status() {
      return (await admin<DistrictStatus>('GET', '/admin/status')).body;
    },
    async hall(hallId: string) {
      const hall = (await admin<DistrictStatus>('GET', '/admin/status')).body.halls.find((h) => h.id === hallId);
      if (!hall) throw new Error(`the district does not know ${hallId}`);
      return hall;
    },
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
    output,
  };
}

/** Waits for the DISTRICT_READY line of a process running the simulator. */
export function readDistrictReady(proc: ChildProcess, timeoutMs = 20_000): Promise<{ ready: DistrictReady; output(): string }> {
  let out = '';
  const output = () => out;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`district did not become ready in ${timeoutMs / 1000} s:\n${out}`)), timeoutMs);
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith(DISTRICT_READY_PREFIX));
      if (line) {
        clearTimeout(timer);
        resolve({ ready: JSON.parse(line.slice(DISTRICT_READY_PREFIX.length)) as DistrictReady, output });
      }
    });
    proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`district exited with ${code} before ready:\n${out}`));
    });
  });
}
