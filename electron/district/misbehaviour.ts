// How the simulator can be told to misbehave (drills and tests, through the admin interface): duplicate and
// reorder its down messages, delay everything it sends, refuse up messages of a kind or key for a while (4xx or
// 5xx), drop a link every N down messages, or go half-open (the socket stays up, nothing is sent or heard).
// Settings are kept in memory only: a restarted simulator behaves.
import { z } from 'zod';
import type { Rng } from '../common/prng.ts';
import { UpBody } from '../common/upstream-protocol.ts';

const UpKind = z.enum(UpBody.options.map((o) => o.shape.kind.value) as [UpBody['kind'], ...UpBody['kind'][]]);

export const RefuseRule = z.strictObject({
  /** Only up messages of this kind (absent: every kind). */
  kind: UpKind.optional(),
  /** Only the up message with this key (absent: every key). */
  key: z.string().min(3).max(120).optional(),
  status: z.number().int().min(400).max(599),
  reason: z.string().trim().min(1).max(200).default('区平台拒收(演练)'),
  /** For how long, from when the settings are given. */
  forS: z.number().int().min(1).max(86_400).default(60),
});

export const MisbehaviourSettings = z.strictObject({
  /** Share of down messages and acks sent twice, in percent. */
  duplicatePct: z.number().min(0).max(100).default(0),
  /** Down messages go out in swapped pairs. */
  reorder: z.boolean().default(false),
  /** Everything sent waits this long first (order kept). */
  delayMs: z.number().int().min(0).max(60_000).default(0),
  /** Every link is dropped (no close handshake) after this many down messages; 0: never. */
  dropAfterDown: z.number().int().min(0).max(1_000_000).default(0),
  /** Send nothing, hear nothing, keep the socket open: the hall must notice the silence. */
  halfOpen: z.boolean().default(false),
  refuse: z.array(RefuseRule).max(20).default([]),
});
export type MisbehaviourSettings = z.infer<typeof MisbehaviourSettings>;

export interface ActiveRule { kind?: string; key?: string; status: number; reason: string; until: number }
export interface Misbehaviour extends Omit<MisbehaviourSettings, 'refuse'> { refuse: ActiveRule[] }

export const BEHAVING: Misbehaviour = { duplicatePct: 0, reorder: false, delayMs: 0, dropAfterDown: 0, halfOpen: false, refuse: [] };

export function activate(settings: MisbehaviourSettings, now: number): Misbehaviour {
  return { ...settings, refuse: settings.refuse.map(({ forS, ...rule }) => ({ ...rule, until: now + forS * 1000 })) };
}

/** The rule that refuses an up message now, if any. */
export function refusalFor(m: Misbehaviour, kind: string, key: string, now: number): ActiveRule | null {
  return m.refuse.find((r) => r.until > now && (r.kind === undefined || r.kind === kind) && (r.key === undefined || r.key === key)) ?? null;
}

export type FrameType = 'down' | 'ack' | 'other';

/**
 * A link's way out: frames in, frames on the socket, with the misbehaviour applied. `write` puts one frame on
 * the socket; `drop` cuts the link. Frames waiting (delayed, held back to swap) are counted, for backpressure.
 */
export function createOutbound(opts: { write(text: string): void; drop(): void; settings(): Misbehaviour; rng: Rng }) {
  const delayed: Array<{ due: number; text: string }> = [];
  let timer: NodeJS.Timeout | null = null;
  let held: { text: string; timer: NodeJS.Timeout } | null = null;
  let downSent = 0;
  let closed = false;

  const flushDue = () => {
    timer = null;
    const now = Date.now();
    while (delayed.length && delayed[0]!.due <= now && !closed) opts.write(delayed.shift()!.text);
    if (delayed.length && !closed) timer = setTimeout(flushDue, delayed[0]!.due - now);
  };
  const emit = (text: string) => {
    const { delayMs } = opts.settings();
    if (delayMs === 0 && delayed.length === 0) return opts.write(text);
    const due = Math.max(Date.now() + delayMs, delayed.at(-1)?.due ?? 0);
    delayed.push({ due, text });
    timer ??= setTimeout(flushDue, due - Date.now());
  };
  const releaseHeld = () => {
    if (!held) return;
    clearTimeout(held.timer);
    const { text } = held;
    held = null;
    emit(text);
  };

  return {
    send(type: FrameType, text: string): void {
      const m = opts.settings();
      if (closed || m.halfOpen) return;
      const copies = (type === 'down' || type === 'ack') && opts.rng.next() * 100 < m.duplicatePct ? 2 : 1;
      for (let i = 0; i < copies; i++) {
        if (type === 'down' && m.reorder && i === 0) {
          if (held) {
            emit(text);
            releaseHeld();
          } else {
            held = { text, timer: setTimeout(releaseHeld, 200) };
          }
        } else {
          emit(text);
        }
      }
      if (type === 'down' && m.dropAfterDown > 0 && ++downSent % m.dropAfterDown === 0) opts.drop();
    },
    /** Frames not yet on the socket. */
    waiting: () => delayed.length + (held ? 1 : 0),
    close(): void {
      closed = true;
      if (timer) clearTimeout(timer);
      if (held) clearTimeout(held.timer);
      delayed.length = 0;
      held = null;
    },
  };
}
export type Outbound = ReturnType<typeof createOutbound>;
