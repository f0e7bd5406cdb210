// The audit chain of a real hall (electron/hall/audit-chain.ts): checked at start from where the last check
// left off (the second start reads only the rows appended since), on demand from the console, in slices that
// leave the hall answering; a row changed in the SQLite file (through a connection of the test's own) is named
// by its sequence at start and on demand, in /healthz, the console's route and the log.
import { describe, expect, it } from 'vitest';
import type { ChainStatus, Health } from '../../electron/common/http-api.ts';
import { startHall, tempDataDir, type HallProcess } from '../helpers/hall-process.ts';
import { prepareBulkLog, tamperPayload } from '../helpers/prepared-log.ts';
import { connect } from '../helpers/ws-client.ts';

const QUIET = ['--demo-feed', '0'];
const health = async (hall: HallProcess) => (await (await fetch(`${hall.httpBase}/healthz`)).json()) as Health;
const chainRoute = async (hall: HallProcess, seat = 'console-1', init?: RequestInit, path = '/api/audit/chain') =>
  fetch(`${hall.httpBase}${path}`, { ...init, headers: { Authorization: `Bearer ${hall.tokenOf(seat)}` } });
const chain = async (hall: HallProcess) => (await (await chainRoute(hall)).json()) as ChainStatus;

/** Waits until the running check (if any) has finished. */
async function settled(hall: HallProcess): Promise<ChainStatus> {
  for (let i = 0; i < 400; i++) {
    const status = await chain(hall);
    if (status.state !== 'running' && status.state !== 'unchecked') return status;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the chain check did not finish');
}

async function reportCases(hall: HallProcess, n: number): Promise<void> {
  const client = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
  for (let i = 0; i < n; i++) expect((await client.createCase({ title: `垃圾满溢 ${i}` })).type).toBe('ack');
  await client.close();
}

describe('the audit chain of a running hall', () => {
  it('is checked at start incrementally: the second start reads only the rows appended since the first', async () => {
    const dataDir = tempDataDir('chain-start-');
    let hall = await startHall({ dataDir, args: QUIET });
    const first = await settled(hall);
    const head = first.headSeq;
    expect(first).toMatchObject({ state: 'intact', verifiedSeq: head, run: { trigger: 'start', from: 0, rowsRead: head } });
    expect(head, 'the staff registered at the first start').toBeGreaterThan(100);
    await reportCases(hall, 12);
    await hall.stop();

    hall = await startHall({ dataDir, args: QUIET });
    try {
      const second = await settled(hall);
      expect(second).toMatchObject({ state: 'intact', verifiedSeq: head + 12, run: { trigger: 'start', from: head, target: head + 12, rowsRead: 12 } });
      expect(hall.output()).toMatch(new RegExp(`audit chain intact to seq ${head + 12}: seq ${head + 1}–${head + 12}, 12 rows read`));
      expect(await health(hall)).toMatchObject({ ok: true, chain: { state: 'intact', verifiedSeq: head + 12, brokenSeq: null } });
    } finally {
      await hall.stop();
    }
  });

  it('names a row tampered with while the hall was down, at start, and keeps naming it after more events and restarts', async () => {
    const dataDir = tempDataDir('chain-tamper-');
    let hall = await startHall({ dataDir, args: QUIET });
    await settled(hall);
    await reportCases(hall, 3);
    const head = (await health(hall)).headSeq;
    await hall.stop();
    tamperPayload(dataDir, head - 1, 'title', '篡改后的标题');

    hall = await startHall({ dataDir, args: QUIET });
    try {
      const status = await settled(hall);
      expect(status).toMatchObject({ state: 'broken', verifiedSeq: head - 2, broken: { seq: head - 1, reason: 'mismatch' } });
      expect(await health(hall)).toMatchObject({ ok: false, chain: { state: 'broken', verifiedSeq: head - 2, brokenSeq: head - 1 } });
      expect(hall.output()).toMatch(new RegExp(`audit chain BROKEN at seq ${head - 1} \\(mismatch\\)`));
      // The hall goes on working; the mark stays before the broken row.
      await reportCases(hall, 2);
      await hall.stop();
      hall = await startHall({ dataDir, args: QUIET });
      // From the mark: its page reaches the head (the broken row and the three after it).
      expect(await settled(hall)).toMatchObject({ state: 'broken', verifiedSeq: head - 2, broken: { seq: head - 1 }, run: { from: head - 2, rowsRead: 4 } });
    } finally {
      await hall.stop();
    }
  });

  it('runs on demand from the console only: from the mark it reads the new rows, from the start it finds an older tampered row', async () => {
    const dataDir = tempDataDir('chain-demand-');
    const hall = await startHall({ dataDir, args: QUIET });
    try {
      await settled(hall);
      await reportCases(hall, 4);
      const head = (await health(hall)).headSeq;
      expect((await chainRoute(hall, 'desk-police')).status).toBe(403);
      expect((await chainRoute(hall, 'desk-police', { method: 'POST' }, '/api/audit/chain/check')).status).toBe(403);
      expect((await chainRoute(hall, 'console-1', { method: 'POST' }, '/api/audit/chain/check?from=somewhere')).status).toBe(400);
      expect((await chainRoute(hall, 'console-1', { method: 'GET' }, '/api/audit/chain/check')).status).toBe(405);

      const started = await chainRoute(hall, 'console-1', { method: 'POST' }, '/api/audit/chain/check?from=mark');
      expect(started.status).toBe(202);
      expect(await settled(hall)).toMatchObject({ state: 'intact', verifiedSeq: head, run: { trigger: 'console', rowsRead: 4 } });

      // Tampered while the hall runs, below the verified mark: a check from the mark does not read it again …
      tamperPayload(dataDir, 5, 'name', '伪造');
      await chainRoute(hall, 'console-1', { method: 'POST' }, '/api/audit/chain/check?from=mark');
      expect(await settled(hall)).toMatchObject({ state: 'intact', run: { rowsRead: 0 } });
      // … a check from the first row does, names it, and puts the mark before it.
      await chainRoute(hall, 'console-1', { method: 'POST' }, '/api/audit/chain/check');
      expect(await settled(hall)).toMatchObject({ state: 'broken', verifiedSeq: 4, broken: { seq: 5, reason: 'mismatch' }, run: { trigger: 'console', from: 0 } });
      expect(await health(hall)).toMatchObject({ ok: false, chain: { brokenSeq: 5 } });
      expect(hall.output()).toMatch(/audit chain BROKEN at seq 5 \(mismatch\).*console/);
    } finally {
      await hall.stop();
    }
  });

  it('keeps the hall answering while it checks a big log at start', { timeout: 120_000 }, async () => {
    const dataDir = tempDataDir('chain-bulk-');
    prepareBulkLog(dataDir, 150_000);
    const hall = await startHall({ dataDir, args: QUIET });
    try {
      const latencies: number[] = [];
      let status: Health;
      do {
        const asked = performance.now();
        status = await health(hall);
        latencies.push(performance.now() - asked);
      } while (status.chain.state === 'running' || status.chain.state === 'unchecked');
      const run = (await chain(hall)).run!;
      const seconds = (run.finishedAt! - run.startedAt) / 1000;
      console.log(`audit chain over ${run.rowsRead} rows: ${seconds.toFixed(1)} s, ${latencies.length} /healthz answers meanwhile, worst ${Math.max(...latencies).toFixed(0)} ms, longest hold ${run.longestSliceMs.toFixed(0)} ms`);
      expect(status.chain).toMatchObject({ state: 'intact', verifiedSeq: status.headSeq });
      expect(run.rowsRead).toBe(status.headSeq);
      // Answered all along: many times during the run, never held for a large part of it (the machine is shared).
      expect(latencies.length).toBeGreaterThan(10);
      expect(run.longestSliceMs).toBeLessThan(Math.max(250, seconds * 1000 * 0.25));
    } finally {
      await hall.stop();
    }
  });
});
