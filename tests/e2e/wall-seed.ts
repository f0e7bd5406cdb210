// Cases for a wall to show: spread over the demo street's micro grids, some urgent, some dispatched, some
// past their ticket deadline (红灯超时), created and moved through their lifecycle over the real protocol.
import type { GridFeatureCollection } from '../../electron/common/geo/grid-schema.ts';
import type { CaseAction, CaseSource } from '../../electron/common/protocol.ts';
import type { HallProcess } from '../helpers/hall-process.ts';
import { connect, draft } from '../helpers/ws-client.ts';

const TITLES = ['占道经营', '垃圾满溢', '井盖缺失', '违规停车', '噪声扰民', '道路积水', '树木倒伏', '违法搭建', '路灯不亮', '油烟扰民'];
const SOURCES: readonly CaseSource[] = ['patrol', 'hotline12345', 'video', 'nonpolice110', 'qr'];
const HOUR = 3_600_000;

/** Creates `count` located cases; every 4th urgent, every 3rd dispatched, every 5th already overdue. */
export async function seedWallCases(hall: HallProcess, count: number): Promise<void> {
  const grids = (await (await fetch(`${hall.httpBase}/api/grids`, { headers: { Authorization: `Bearer ${hall.tokenOf('console-1')}` } })).json()) as GridFeatureCollection;
  const micros = grids.features.filter((f) => f.properties.level === 'micro');
  const commander = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
  try {
    for (let i = 0; i < count; i++) {
      const micro = micros[(i * 37) % micros.length]!;
      const ring = micro.geometry.coordinates[0]!;
      const [lon, lat] = ring.slice(0, -1).reduce(([x, y], [a, b]) => [x + a / (ring.length - 1), y + b / (ring.length - 1)], [0, 0]);
      const urgent = i % 4 === 0;
      const ack = await commander.createCase(
        draft(`${TITLES[i % TITLES.length]}（${micro.properties.name}）`, {
          urgency: urgent ? 'urgent' : 'general', source: SOURCES[i % SOURCES.length]!, location: { lon, lat }, gridId: micro.properties.id,
          address: `中山街道${micro.properties.name}`, ...(i % 5 === 1 ? { dueAt: Date.now() - HOUR } : {}),
        }),
      );
      if (ack.type !== 'ack') throw new Error(`case ${i}: ${JSON.stringify(ack)}`);
      const caseId = await caseIdOf(commander, ack.eventSeq);
      const acts: CaseAction[] = i % 3 === 0 ? [] : [{ action: 'register' }];
      if (i % 3 === 2) acts.push({ action: 'dispatch', lead: i % 2 ? 'urban' : 'police', assisting: [], forces: [], dutyRule: 'clear' });
      for (const [n, act] of acts.entries()) {
        const commandId = `seed-${ack.eventSeq}-${n}`;
        commander.send({ type: 'command', commandId, command: { kind: 'case.act', caseId, act } });
        const reply = await commander.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, `reply to ${act.action}`);
        if (reply.type !== 'ack') throw new Error(`${act.action}: ${JSON.stringify(reply)}`);
      }
    }
  } finally {
    await commander.close();
  }
}

async function caseIdOf(client: Awaited<ReturnType<typeof connect>>, eventSeq: number): Promise<string> {
  const created = await client.take((m) => m.type === 'event' && m.event.seq === eventSeq, `event ${eventSeq}`);
  if (created.type !== 'event' || created.event.type !== 'case.created') throw new Error(`event ${eventSeq} is not a case`);
  return created.event.payload.id;
}
