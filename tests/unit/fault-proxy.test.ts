// The fault proxy itself, against a TCP echo server: each mode does to both ends what it says.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../electron/common/prng.ts';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.ts';

let echo: Server;
let echoPort: number;
/** Sockets the echo server holds, and the chunks it read. */
const held = new Set<Socket>();
let chunksRead = 0;
let proxy: FaultProxy;
const clients: Socket[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  echo = createServer((s) => {
    held.add(s);
    s.on('data', (d) => {
      chunksRead++;
      s.write(d);
    });
    s.on('error', () => {});
    s.on('close', () => held.delete(s));
  });
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
  echoPort = (echo.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise<void>((r) => echo.close(() => r()));
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await proxy?.close();
  chunksRead = 0;
});

interface Client { socket: Socket; received(): Buffer; ended: Promise<string> }
async function open(): Promise<Client> {
  const socket = connect({ port: proxy.port, host: '127.0.0.1' });
  clients.push(socket);
  const parts: Buffer[] = [];
  socket.on('data', (d) => parts.push(d));
  const ended = new Promise<string>((resolve) => {
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    socket.once('end', () => resolve('end'));
  });
  // A connection reset at once may fail its connect instead of opening.
  await Promise.race([new Promise<void>((r) => socket.once('connect', () => r())), ended]);
  return { socket, received: () => Buffer.concat(parts), ended };
}
async function until(what: string, check: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
const payload = Buffer.from(Array.from({ length: 4000 }, (_, i) => i % 251));

describe('the fault proxy', () => {
  it('passes bytes both ways unchanged', async () => {
    proxy = await startFaultProxy({ target: { port: echoPort }, rng: createRng(1) });
    const c = await open();
    c.socket.write(payload);
    await until('the echo', () => c.received().length === payload.length);
    expect(c.received().equals(payload)).toBe(true);
    expect(proxy.forwarded()).toEqual({ up: payload.length, down: payload.length });
  });

  it('slices a chunk into small separate writes, keeping the bytes and their order', async () => {
    proxy = await startFaultProxy({ target: { port: echoPort }, rng: createRng(2) });
    proxy.setSlicing(7);
    const c = await open();
    c.socket.write(payload);
    await until('the echo', () => c.received().length === payload.length, 10_000);
    expect(c.received().equals(payload)).toBe(true);
    expect(chunksRead).toBeGreaterThan(100);
  });

  it('delays each way by the latency', async () => {
    proxy = await startFaultProxy({ target: { port: echoPort }, rng: createRng(3) });
    proxy.setLatency(150);
    const c = await open();
    const sent = Date.now();
    c.socket.write('ping');
    await until('the echo', () => c.received().length === 4);
    expect(Date.now() - sent).toBeGreaterThanOrEqual(290);
  });

  it('cut closes both sides with a FIN and closes new connections at once', async () => {
    proxy = await startFaultProxy({ target: { port: echoPort }, rng: createRng(4) });
    const c = await open();
    await until('the server side', () => held.size === 1);
    proxy.setMode('cut');
    expect(await c.ended).toBe('end');
    await until('the server side closed', () => held.size === 0);
    const again = await open();
    expect(await again.ended).toBe('end');
  });

  it('reset sends an RST both ways and resets new connections', async () => {
    proxy = await startFaultProxy({ target: { port: echoPort }, rng: createRng(5) });
    const c = await open();
    await until('the server side', () => held.size === 1);
    proxy.setMode('reset');
    expect(await c.ended).toBe('ECONNRESET');
    await until('the server side closed', () => held.size === 0);
    const again = await open();
    expect(await again.ended).toBe('ECONNRESET');
  });

  it('half-open forwards nothing yet keeps both sockets open; leaving it drops them', async () => {
    proxy = await startFaultProxy({ target: { port: echoPort }, rng: createRng(6) });
    const c = await open();
    await until('the server side', () => held.size === 1);
    proxy.setMode('halfOpen');
    c.socket.write('lost');
    await sleep(300);
    expect(c.received().length).toBe(0);
    expect(chunksRead).toBe(0);
    expect(held.size).toBe(1);
    expect(c.socket.readyState).toBe('open');
    proxy.setMode('pass');
    expect(await c.ended).toBe('end');
    const fresh = await open();
    fresh.socket.write('back');
    await until('the echo', () => fresh.received().toString() === 'back');
  });

  it('blackhole accepts a connection and never reaches the target', async () => {
    proxy = await startFaultProxy({ target: { port: echoPort }, rng: createRng(7) });
    const before = await open();
    await until('the server side', () => held.size === 1);
    proxy.setMode('blackhole');
    await until('the open connection dropped', () => held.size === 0);
    const c = await open();
    c.socket.write('hello?');
    await sleep(300);
    expect(held.size).toBe(0);
    expect(c.received().length).toBe(0);
    expect(c.socket.readyState).toBe('open');
    expect(proxy.connections()).toBe(1);
    expect(await before.ended).toBe('end');
  });
});
