// The hall's side of the KPI worker (kpi-worker.ts): asks it for figures and hands back a promise. A worker
// that dies is started afresh on the next request (the ones it held fail with the reason); a request it does
// not answer in time fails rather than hanging an HTTP call.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { KpiFigures, KpiRequest } from './kpi-queries.ts';

const ANSWER_WITHIN_MS = 30_000;
// Beside this module in development (TypeScript run by Node), beside the bundled hall core in out/main.
const WORKER_FILE = join(dirname(fileURLToPath(import.meta.url)), import.meta.url.endsWith('.ts') ? 'kpi-worker.ts' : 'kpi-worker.js');

export interface KpiReader {
  figures(request: KpiRequest): Promise<KpiFigures>;
  close(): Promise<void>;
}

export function createKpiReader(dbPath: string, log: (line: string) => void): KpiReader {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve(a: KpiFigures): void; reject(e: Error): void; timer: NodeJS.Timeout }>();
  const failAll = (why: string) => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.reject(new Error(why));
      pending.delete(id);
    }
  };
  const start = () => {
    const w = new Worker(WORKER_FILE, { workerData: { path: dbPath } });
    w.on('message', (m: { id: number; ok: boolean; answer?: KpiFigures; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.ok) p.resolve(m.answer!);
      else p.reject(new Error(m.error));
    });
    w.on('error', (error) => {
      log(`kpi worker: ${error.stack ?? error.message}`);
      failAll(`the KPI worker failed: ${error.message}`);
    });
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      failAll(`the KPI worker stopped (exit code ${code})`);
    });
    w.unref();
    return w;
  };
  return {
    figures(request) {
      worker ??= start();
      const w = worker;
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`the KPI worker did not answer within ${ANSWER_WITHIN_MS / 1000} s`));
        }, ANSWER_WITHIN_MS);
        pending.set(id, { resolve, reject, timer });
        w.postMessage({ id, request });
      });
    },
    async close() {
      const w = worker;
      worker = null;
      failAll('the hall is stopping');
      await w?.terminate();
    },
  };
}
