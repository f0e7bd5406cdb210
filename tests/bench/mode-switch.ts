// S-6.2 "every console, desk and wall switches within 500 ms": a real hall process with 50 LAN clients (desks and
// wall monitors); the commander switches between typhoon level III and daily command N times, one switch at a time,
// and each client's receive latency of the mode.switched event is taken from the moment the command was sent (all
// clients live in this process: one clock). Baseline, in the same run on the same clients: a plain event of the
// same fan-out (the commander re-arranging the wall, wall.layout). Prints p50/p99 of both and their ratio.
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { WALL_PRESETS } from '../../electron/common/domain/wall-model.ts';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { p as percentile } from './kpi-sql.ts';

const DESK_SEATS = ['desk-police', 'desk-urban', 'desk-market', 'desk-flex-1', 'desk-flex-2'];
export const MODE_SWITCH_TARGET_MS = 500;

export interface ModeSwitchFigures { clients: number; switches: number; switchMs: number[]; baselineMs: number[] }

interface Client { ws: WebSocket; waiting: { marker: string; resolve(at: number): void } | null }

async function open(hall: HallProcess, role: 'console' | 'desk' | 'wall', seatId: string): Promise<Client> {
  const ws = new WebSocket(hall.wsUrl);
  const client: Client = { ws, waiting: null };
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () => {
      ws.send(JSON.stringify({ type: 'hello', seq: 0, protocol: 1, role, seatId, token: hall.tokenOf(seatId) }));
      ws.on('message', (data) => {
        const frame = data.toString();
        if (frame.startsWith('{"type":"snapshot"')) resolve();
        // Only the frame's head is looked at: what a client would do first is parse it, the same for both figures.
        if (client.waiting && frame.startsWith('{"type":"event"') && frame.includes(client.waiting.marker)) {
          const { resolve: got } = client.waiting;
          client.waiting = null;
          got(performance.now());
        }
      });
    });
  });
  return client;
}

/** Sends one command (the commander's frame `seq`) and resolves with each listener's latency (ms) until it received an event bearing `marker`. */
async function fanOut(commander: WebSocket, seq: number, listeners: Client[], marker: string, command: object): Promise<number[]> {
  const received = listeners.map((c) => new Promise<number>((resolve) => (c.waiting = { marker, resolve })));
  const sentAt = performance.now();
  commander.send(JSON.stringify({ type: 'command', seq, commandId: `bench-mode-${String(seq).padStart(6, '0')}`, command }));
  return (await Promise.all(received)).map((at) => at - sentAt);
}

export async function modeSwitchLatency({ clients = 50, switches = 20 } = {}): Promise<ModeSwitchFigures> {
  const hall = await startHall({ args: ['--demo-feed', '0'] });
  try {
    const half = Math.floor(clients / 2);
    const listeners = await Promise.all(Array.from({ length: clients }, (_, i) => (i < half ? open(hall, 'desk', DESK_SEATS[i % DESK_SEATS.length]!) : open(hall, 'wall', 'wall-1'))));
    const commander = (await open(hall, 'console', 'console-1')).ws;
    const switchMs: number[] = [];
    const baselineMs: number[] = [];
    for (let i = 0; i < switches; i++) {
      // Alternately: the plain event, then the switch, so both see the same state of the machine.
      const layout = i % 2 === 0 ? WALL_PRESETS.joint : WALL_PRESETS.special;
      baselineMs.push(...(await fanOut(commander, 2 * i + 1, listeners, '"type":"wall.layout"', { kind: 'wall.setLayout', layout })));
      const to = i % 2 === 0
        ? { target: { mode: 'emergency', hazard: 'typhoon', level: 'III' }, reason: `台风黄色预警（第${i + 1}次）`, drill: false }
        : { target: { mode: 'daily' }, reason: `解除应急响应（第${i + 1}次）`, drill: false };
      switchMs.push(...(await fanOut(commander, 2 * i + 2, listeners, '"type":"mode.switched"', { kind: 'mode.switch', to, confirmed: true })));
    }
    for (const c of [...listeners.map((l) => l.ws), commander]) c.terminate();
    return { clients, switches, switchMs, baselineMs };
  } finally {
    await hall.stop();
  }
}

export function reportModeSwitch(f: ModeSwitchFigures): { p99: number; baselineP99: number; met: boolean } {
  const p50 = percentile(f.switchMs, 0.5);
  const p99 = percentile(f.switchMs, 0.99);
  const baselineP99 = percentile(f.baselineMs, 0.99);
  const met = p99 <= MODE_SWITCH_TARGET_MS;
  console.log(
    `mode switch to ${f.clients} desks and walls (${f.switches} switches, typhoon III ⇄ daily): p50 ${p50.toFixed(1)} / p99 ${p99.toFixed(1)} ms; ` +
    `plain event of the same fan-out (wall.layout): p50 ${percentile(f.baselineMs, 0.5).toFixed(1)} / p99 ${baselineP99.toFixed(1)} ms → ratio p99 ${(p99 / baselineP99).toFixed(2)} ` +
    `(target p99 ≤ ${MODE_SWITCH_TARGET_MS} ms) ${met ? 'met' : 'NOT MET'}`,
  );
  return { p99, baselineP99, met };
}

// `node tests/bench/mode-switch.ts [switches]`: this figure alone.
if (process.argv[1] === fileURLToPath(import.meta.url)) reportModeSwitch(await modeSwitchLatency({ switches: Number(process.argv[2] ?? 20) }));
