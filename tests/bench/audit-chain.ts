// Issue 11: the audit chain checked at start over a million events must not freeze the hall. The hall starts on
// a prepared log of a million events and is asked /healthz over and over while its check runs; the baseline is
// the same chain verified in one go (verifyChain), which is how long a synchronous check would hold the hall.
import type { Health } from '../../electron/common/http-api.ts';
import { createEventLog } from '../../electron/hall/event-log.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { startHall, tempDataDir } from '../helpers/hall-process.ts';
import { hallDb, prepareBulkLog } from '../helpers/prepared-log.ts';

export interface ChainFreeze { rows: number; runSeconds: number; answers: number; worstAnswerMs: number; longestSliceMs: number; wholeChainMs: number }

export async function chainCheckFreeze(rows: number): Promise<ChainFreeze> {
  const dataDir = tempDataDir('bench-chain-');
  prepareBulkLog(dataDir, rows);
  const store = openStore(hallDb(dataDir));
  const began = performance.now();
  if (createEventLog(store).verifyChain() !== null) throw new Error('the prepared chain does not verify');
  const wholeChainMs = performance.now() - began;
  store.close();

  const hall = await startHall({ dataDir, args: ['--demo-feed', '0'] });
  try {
    const latencies: number[] = [];
    let health: Health;
    do {
      const asked = performance.now();
      health = (await (await fetch(`${hall.httpBase}/healthz`)).json()) as Health;
      latencies.push(performance.now() - asked);
    } while (health.chain.state === 'running' || health.chain.state === 'unchecked');
    if (health.chain.state !== 'intact') throw new Error(`chain ${health.chain.state}`);
    const status = (await (await fetch(`${hall.httpBase}/api/audit/chain`, { headers: { Authorization: `Bearer ${hall.tokenOf('console-1')}` } })).json()) as {
      run: { rowsRead: number; startedAt: number; finishedAt: number; longestSliceMs: number };
    };
    return {
      rows: status.run.rowsRead, runSeconds: (status.run.finishedAt - status.run.startedAt) / 1000, answers: latencies.length,
      worstAnswerMs: Math.max(...latencies), longestSliceMs: status.run.longestSliceMs, wholeChainMs,
    };
  } finally {
    await hall.stop();
  }
}
