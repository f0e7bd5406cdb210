// Camera tiles' streams through a real hall (electron/hall/cameras/): a real camera-like HTTP server on
// 127.0.0.1 stands for the video network; the hall is started with a camera file pointing at it.
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, tempDataDir, type HallProcess } from '../helpers/hall-process.ts';

const RECORDING = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 31 + (i >> 8)) & 0xff));
let camera: Server;
let cameraPort: number;
let hall: HallProcess;
/** Resolves when the camera sees the hall give up its live stream. */
let liveClosed: Promise<void>;

function serveCamera(req: IncomingMessage, res: ServerResponse): void {
  if (req.url === '/rec.webm') {
    const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    if (!range) return void res.writeHead(200, { 'content-type': 'video/webm', 'content-length': RECORDING.length, 'accept-ranges': 'bytes' }).end(RECORDING);
    const [from, to] = [Number(range[1]), Number(range[2])];
    res.writeHead(206, { 'content-type': 'video/webm', 'content-range': `bytes ${from}-${to}/${RECORDING.length}`, 'content-length': to - from + 1 });
    return void res.end(RECORDING.subarray(from, to + 1));
  }
  if (req.url === '/live') {
    res.writeHead(200, { 'content-type': 'video/webm' });
    const timer = setInterval(() => res.write(Buffer.alloc(1000, 7)), 50);
    liveClosed = once(res, 'close').then(() => clearInterval(timer));
    return;
  }
  res.writeHead(404).end();
}

beforeAll(async () => {
  camera = createServer(serveCamera).listen(0, '127.0.0.1');
  await once(camera, 'listening');
  cameraPort = (camera.address() as { port: number }).port;
  const unused = createServer().listen(0, '127.0.0.1');
  await once(unused, 'listening');
  const closedPort = (unused.address() as { port: number }).port;
  unused.close();
  const file = join(tempDataDir('cameras-'), 'cameras.json');
  writeFileSync(file, JSON.stringify({
    'SX-001': `http://operator:secret@127.0.0.1:${cameraPort}/rec.webm`,
    'SX-002': `http://127.0.0.1:${cameraPort}/missing.webm`,
    'SX-003': `http://127.0.0.1:${closedPort}/down`,
    'SX-004': `http://127.0.0.1:${cameraPort}/live`,
  }));
  hall = await startHall({ args: ['--demo-feed', '0', '--cameras', file] });
});

afterAll(async () => {
  await hall?.stop();
  camera?.close();
});

const get = (path: string, init: RequestInit = {}) => fetch(`${hall.httpBase}${path}`, init);
async function streams(seat = 'wall-1'): Promise<Record<string, string>> {
  const res = await get('/api/cameras', { headers: { authorization: `Bearer ${hall.tokenOf(seat)}` } });
  expect(res.status).toBe(200);
  const { cameras } = (await res.json()) as { cameras: Array<{ id: string; stream: string }> };
  return Object.fromEntries(cameras.map((c) => [c.id, c.stream]));
}

describe('camera streams through the hall', () => {
  it('lists the configured cameras to any seat, and no seat learns where a stream really is', async () => {
    expect((await get('/api/cameras')).status).toBe(401);
    expect(Object.keys(await streams()).sort()).toEqual(['SX-001', 'SX-002', 'SX-003', 'SX-004']);
    expect(Object.keys(await streams('desk-police')).length).toBe(4);
    const listed = JSON.stringify(await streams());
    const layers = await (await get('/api/layers', { headers: { authorization: `Bearer ${hall.tokenOf('wall-1')}` } })).text();
    for (const text of [listed, layers]) {
      expect(text).not.toContain(`:${cameraPort}/`);
      expect(text).not.toContain('secret');
    }
    expect(layers).toContain('"streamUrl":null');
  });

  it('relays a recording byte for byte, and a range of it', async () => {
    const path = (await streams())['SX-001']!;
    const whole = await get(path);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/webm');
    expect(Buffer.from(await whole.arrayBuffer()).equals(RECORDING)).toBe(true);
    const part = await get(path, { headers: { range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${RECORDING.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(RECORDING.subarray(1000, 2000))).toBe(true);
  });

  it('plays a stream only with a ticket for that camera', async () => {
    const s = await streams();
    const ticket = new URL(s['SX-001']!, hall.httpBase).searchParams.get('ticket')!;
    expect((await get('/api/cameras/SX-001/stream')).status).toBe(403);
    const [until, mac] = ticket.split('.') as [string, string];
    expect((await get(`/api/cameras/SX-001/stream?ticket=${until}.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`)).status).toBe(403);
    const borrowed = await get(`/api/cameras/SX-002/stream?ticket=${ticket}`);
    expect(borrowed.status).toBe(403);
    expect(await borrowed.text()).toMatch(/valid ticket for camera SX-002/);
    const unconfigured = await get(`/api/cameras/SX-010/stream?ticket=${ticket}`);
    expect(unconfigured.status).toBe(404);
    expect(await unconfigured.text()).toMatch(/camera SX-010 has no stream configured/);
    expect((await get(s['SX-001']!, { method: 'POST' })).status).toBe(405);
  });

  it('says why a stream cannot be had, and keeps serving', async () => {
    const s = await streams();
    const missing = await get(s['SX-002']!);
    expect(missing.status).toBe(502);
    expect(await missing.text()).toMatch(/camera SX-002: its stream at 127\.0\.0\.1:\d+ answered 404/);
    const down = await get(s['SX-003']!);
    expect(down.status).toBe(502);
    expect(await down.text()).toMatch(/camera SX-003: its stream at 127\.0\.0\.1:\d+ cannot be reached: ECONNREFUSED/);
    expect(hall.output()).toMatch(/camera SX-003: its stream at .* cannot be reached/);
    expect((await get('/healthz')).status).toBe(200);
  });

  it('lets go of a live stream as soon as the tile does', async () => {
    const abort = new AbortController();
    const res = await get((await streams())['SX-004']!, { signal: abort.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    expect((await reader.read()).value!.length).toBeGreaterThan(0);
    const gaveUpAt = Date.now();
    abort.abort();
    await liveClosed;
    expect(Date.now() - gaveUpAt).toBeLessThan(1_000);
  });
});
