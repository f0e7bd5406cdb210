// Acknowledged means stored: kill the hall with SIGKILL right after acknowledged writes, restart it on the
// same data folder, and every acknowledged case is there (and the log's chain is intact).
import { describe, expect, it } from 'vitest';
import { startHall, tempDataDir } from '../helpers/hall-process.ts';
import { connect, draft } from '../helpers/ws-client.ts';

describe('durability', () => {
  it('keeps every acknowledged event across SIGKILL and restart', async () => {
    const dataDir = tempDataDir('durable-');
    const first = await startHall({ dataDir, args: ['--demo-feed', '0'] });
    const tokens = { console: first.tokenOf('console-1'), desk: first.tokenOf('desk-market') };
    const commander = await connect(first.wsUrl, { seatId: 'console-1', token: tokens.console });
    const desk = await connect(first.wsUrl, { role: 'desk', seatId: 'desk-market', token: tokens.desk });
    // Sequential and concurrent writers, as in the hall.
    const acked: number[] = [];
    for (let i = 0; i < 20; i++) {
      const ack = await commander.createCase(draft(`指挥台${i}`));
      if (ack.type === 'ack') acked.push(ack.eventSeq);
    }
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => desk.createCase(draft(`坐席${i}`))));
    for (const ack of burst) if (ack.type === 'ack') acked.push(ack.eventSeq);
    expect(acked).toHaveLength(50);
    await first.kill();

    const second = await startHall({ dataDir, args: ['--demo-feed', '0'] });
    try {
      // Seat tokens survive the restart: the same credential still works.
      expect(second.tokenOf('console-1')).toBe(tokens.console);
      const after = await connect(second.wsUrl, { seatId: 'console-1', token: tokens.console });
      const snapshot = await after.next('snapshot');
      expect(snapshot.cases.map((c) => c.no).sort((a, b) => a - b)).toEqual([...acked].sort((a, b) => a - b));
      expect(snapshot.cases.filter((c) => c.title.startsWith('坐席'))).toHaveLength(30);
      // The sequence continues after the last stored event, never reusing one.
      const next = await after.createCase(draft('重启之后'));
      expect(next.type === 'ack' && next.eventSeq).toBe(Math.max(...acked) + 1);
      await after.close();
    } finally {
      await second.stop();
    }
  }, 60_000);
});
