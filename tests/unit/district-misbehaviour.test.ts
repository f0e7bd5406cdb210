// The way out of a link when the simulator is told to misbehave: duplicates, swapped pairs, delays that keep
// the order, half-open silence, a drop every N down messages, refusal rules that expire.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRng } from '../../electron/common/prng.ts';
import { BEHAVING, MisbehaviourSettings, activate, createOutbound, refusalFor, type Misbehaviour } from '../../electron/district/misbehaviour.ts';

let settings: Misbehaviour;
let written: string[];
let drops: number;
const outbound = () => createOutbound({ write: (t) => written.push(t), drop: () => drops++, settings: () => settings, rng: createRng(1) });
const set = (s: object) => (settings = activate(MisbehaviourSettings.parse(s), Date.now()));

beforeEach(() => {
  vi.useFakeTimers();
  settings = BEHAVING;
  written = [];
  drops = 0;
});
afterEach(() => vi.useRealTimers());

describe('misbehaviour', () => {
  it('sends as it is told when behaving', () => {
    const out = outbound();
    ['d1', 'd2'].forEach((t) => out.send('down', t));
    out.send('other', 'h');
    expect(written).toEqual(['d1', 'd2', 'h']);
  });

  it('duplicates down messages and acks, never other frames', () => {
    set({ duplicatePct: 100 });
    const out = outbound();
    out.send('down', 'd1');
    out.send('ack', 'a1');
    out.send('other', 'h');
    expect(written).toEqual(['d1', 'd1', 'a1', 'a1', 'h']);
    set({ duplicatePct: 30 });
    written = [];
    for (let i = 0; i < 1000; i++) out.send('down', 'd');
    expect(written.length).toBeGreaterThan(1250);
    expect(written.length).toBeLessThan(1350);
  });

  it('swaps down messages in pairs, and lets a lone one go after a moment', () => {
    set({ reorder: true });
    const out = outbound();
    ['d1', 'd2', 'd3', 'd4', 'd5'].forEach((t) => out.send('down', t));
    expect(written).toEqual(['d2', 'd1', 'd4', 'd3']);
    expect(out.waiting()).toBe(1);
    vi.advanceTimersByTime(250);
    expect(written.at(-1)).toBe('d5');
  });

  it('delays everything by the time given, in order', () => {
    set({ delayMs: 500 });
    const out = outbound();
    out.send('down', 'd1');
    vi.advanceTimersByTime(200);
    out.send('ack', 'a1');
    expect(written).toEqual([]);
    expect(out.waiting()).toBe(2);
    vi.advanceTimersByTime(300);
    expect(written).toEqual(['d1']);
    vi.advanceTimersByTime(200);
    expect(written).toEqual(['d1', 'a1']);
    out.send('other', 'h');
    out.close();
    vi.advanceTimersByTime(1000);
    expect(written).toEqual(['d1', 'a1']);
  });

  it('says nothing when half-open, and drops the link every N down messages', () => {
    set({ halfOpen: true });
    const out = outbound();
    out.send('down', 'd1');
    out.send('other', 'heartbeat');
    expect(written).toEqual([]);
    set({ dropAfterDown: 2 });
    for (let i = 0; i < 5; i++) out.send('down', `d${i}`);
    expect(drops).toBe(2);
  });

  it('refuses by kind or key, while the rule lasts', () => {
    const now = Date.now();
    const m = activate(MisbehaviourSettings.parse({ refuse: [{ kind: 'case.step', status: 503, forS: 10 }, { key: 'h:7', status: 409 }] }), now);
    expect(refusalFor(m, 'case.step', 'h:1', now)?.status).toBe(503);
    expect(refusalFor(m, 'case.new', 'h:7', now)?.status).toBe(409);
    expect(refusalFor(m, 'case.new', 'h:8', now)).toBeNull();
    expect(refusalFor(m, 'case.step', 'h:1', now + 10_000)).toBeNull();
    expect(refusalFor(m, 'case.new', 'h:7', now + 59_000)?.reason).toBe('区平台拒收(演练)');
  });

  it('settings are checked field by field', () => {
    expect(MisbehaviourSettings.safeParse({ duplicatePct: 101 }).success).toBe(false);
    expect(MisbehaviourSettings.safeParse({ refuse: [{ kind: 'case.delete', status: 500 }] }).success).toBe(false);
    expect(MisbehaviourSettings.safeParse({ refuse: [{ status: 200 }] }).success).toBe(false);
    expect(MisbehaviourSettings.safeParse({ surprise: true }).success).toBe(false);
  });
});
