// Hub fan-out: one console sends N case commands as fast as it can; 20 walls/desks each receive all N
// events. The same shape through a bare ws relay is the baseline.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import WebSocket from 'ws';
import { REPO, startHall } from '../helpers/hall-process.ts';

const CLIENTS = 20;

const draft = (i: number) => ({
  title: `占道经营 ${i}`, description: '网格巡查发现沿街商户占道堆物', source: 'patrol', urgency: 'general', category: '街面秩序', address: '中山街道',
});

/** Opens the listeners, then times from the driver's first frame until every listener counted n frames. */
async function timeFanOut(url: string, n: number, hello: (i: number) => string | undefined, isEvent: (frame: string) => boolean, frame: (i: number) => string) {
  const open = (i: number) =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.once('open', () => {
        const h = hello(i);
        if (h) ws.send(h);
        resolve(ws);
      });
      ws.once('error', reject);
    });
  const listeners = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => open(i)));
  const driver = await open(CLIENTS);
  await new Promise((r) => setTimeout(r, 300)); // hellos answered, snapshots delivered
  const done = Promise.all(
    listeners.map(
      (ws) =>
        new Promise<void>((resolve) => {
          let count = 0;
          ws.on('message', (data) => {
            if (isEvent(data.toString()) && ++count === n) resolve();
          });
        }),
    ),
  );
  const started = performance.now();
  for (let i = 0; i < n; i++) driver.send(frame(i));
  await done;
  const seconds = (performance.now() - started) / 1000;
  for (const ws of [...listeners, driver]) ws.terminate();
  return seconds;
}

export async function hallFanOutSeconds(n: number): Promise<number> {
  const hall = await startHall({ args: ['--demo-feed', '0'] });
  try {
    const seat = (i: number) => (i === CLIENTS ? 'console-1' : 'wall-1');
    const role = (i: number) => (i === CLIENTS ? 'console' : 'wall');
    return await timeFanOut(
      hall.wsUrl, n,
      (i) => JSON.stringify({ type: 'hello', seq: 0, protocol: 1, role: role(i), seatId: seat(i), token: hall.tokenOf(seat(i)) }),
      (f) => f.startsWith('{"type":"event"'),
      (i) => JSON.stringify({ type: 'command', seq: i + 1, commandId: `bench-${String(i).padStart(8, '0')}`, command: { kind: 'case.create', draft: draft(i) } }),
    );
  } finally {
    await hall.stop();
  }
}

export async function rawFanOutSeconds(n: number): Promise<number> {
  const relay = spawn(process.execPath, [join(REPO, 'tests/bench/raw-relay.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve) => relay.stdout.on('data', (c: Buffer) => {
      const m = /RELAY_PORT (\d+)/.exec(c.toString());
      if (m) resolve(Number(m[1]));
    }));
    return await timeFanOut(
      `ws://127.0.0.1:${port}`, n, () => undefined, () => true,
      (i) => JSON.stringify({ type: 'event', seq: i + 1, event: { type: 'case.created', payload: draft(i) } }),
    );
  } finally {
    relay.kill();
  }
}
