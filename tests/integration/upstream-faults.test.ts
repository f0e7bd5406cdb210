// The hall's upstream link through the fault proxy (tests/helpers/fault-proxy.ts), a real district simulator
// behind it: a half-open link (sockets up, nothing moving) is noticed within 3 s by the heartbeat, and a 4xx
// refusal whose answer is lost with the link still reaches the hall once it is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../electron/common/prng.ts';
import type { UpstreamState } from '../../electron/common/protocol.ts';
import { startDistrict, type DistrictProcess } from '../helpers/district-process.ts';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.ts';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { connect, draft, type TestClient } from '../helpers/ws-client.ts';

let district: DistrictProcess;
let proxy: FaultProxy;
let hall: HallProcess;
let commander: TestClient;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000, everyMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}
const lastUpstream = (): UpstreamState | undefined => commander.messages.flatMap((m) => (m.type === 'upstream' ? [m.state] : [])).at(-1);

beforeAll(async () => {
  district = await startDistrict();
  proxy = await startFaultProxy({ target: { port: district.ready.port }, rng: createRng(3) });
  hall = await startHall({ args: ['--demo-feed', '0', '--district', `ws://127.0.0.1:${proxy.port}`, '--district-token', district.ready.enrolToken!] });
  commander = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
  await until('the link online', () => lastUpstream()?.online);
}, 60_000);
afterAll(async () => {
  await commander?.close();
  await hall?.stop();
  await district?.stop();
  await proxy?.close();
});

describe('the upstream link through a faulty network', () => {
  it('notices a half-open link within 3 s, however the fault falls between heartbeats, and comes back when it heals', async () => {
    const figures: number[] = [];
    for (let i = 0; i < 3; i++) {
      // The worst case: the fault right after a frame from the district went through, a whole silence ahead.
      const before = proxy.forwarded().down;
      await until('a frame from the district', () => proxy.forwarded().down > before, 5_000, 2);
      await sleep(i * 400);
      const brokenAt = Date.now();
      proxy.setMode('halfOpen');
      await until('offline', () => lastUpstream()?.online === false, 6_000, 5);
      figures.push(Date.now() - brokenAt);
      proxy.setMode('pass');
      await until('online again', () => lastUpstream()?.online, 20_000);
    }
    console.log(`half-open link detected in ${figures.map((ms) => `${ms} ms`).join(', ')} (heartbeat every 1 s)`);
    for (const ms of figures) expect(ms).toBeLessThan(3_000);
  }, 90_000);

  it('takes a 4xx refusal whose answer was lost with the link as a refusal, not a delivery', async () => {
    const rejectedBefore = lastUpstream()!.rejected;
    // The district refuses the hall's new cases and holds every answer back for 3 s: the link is cut meanwhile.
    await district.call('/admin/misbehave', { refuse: [{ kind: 'case.new', status: 422, reason: '演练拒收', forS: 120 }], delayMs: 3_000 });
    const refusedBefore = (await district.hall(hall.ready.hallId)).received.refused;
    expect((await commander.createCase(draft('拒收后断线'))).type).toBe('ack');
    await until('the refusal stored at the district', async () => (await district.hall(hall.ready.hallId)).received.refused > refusedBefore);
    proxy.setMode('cut');
    await district.call('/admin/misbehave', {});
    proxy.setMode('pass');
    const state = await until('the refusal at the hall', () => (lastUpstream()?.online && lastUpstream()!.rejected > rejectedBefore ? lastUpstream() : undefined), 30_000);
    expect(state).toMatchObject({ queued: 0, rejected: rejectedBefore + 1 });
    const conflict = await commander.next('event', 5_000, (m) => m.event.type === 'conflict.raised');
    expect(conflict.event.type === 'conflict.raised' && conflict.event.payload).toMatchObject({ rule: 'refusedUp', summary: expect.stringContaining('演练拒收') });
  }, 60_000);
});
