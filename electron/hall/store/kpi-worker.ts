// The KPI worker: a thread of its own with a read-only connection to the hall's database (WAL lets it read
// while the hall writes), so figures over a million cases never hold up a desk's command on the hall's event
// loop. Answers each request message with its figures or the error that stopped them.
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from './database.ts';
import { answerKpis, type KpiRequest } from './kpi-queries.ts';

const db = openStore(workerData.path as string, { readonly: true });
parentPort!.on('message', ({ id, request }: { id: number; request: KpiRequest }) => {
  try {
    parentPort!.postMessage({ id, ok: true, answer: answerKpis(db, request) });
  } catch (error) {
    parentPort!.postMessage({ id, ok: false, error: (error as Error).message });
  }
});
