// 交接班 at every shift change (electron/hall/duty/handovers.ts) over a real SQLite store and event log with a
// clock the test moves: one brief per shift change, made up at start for the changes slept through (once
// each, a week of them at most), made again for whom the roster names until someone takes over, and the
// outgoing shift's acts read from the log through its partial index.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { beijing, DAY, HOUR } from '../../electron/common/domain/beijing-time.ts';
import { previousShift, shiftAt, shiftKey } from '../../electron/common/domain/duty.ts';
import type { CaseDraft, HallEvent } from '../../electron/common/protocol.ts';
import { caseCreatedSpec } from '../../electron/hall/commands.ts';
import { CATCH_UP_SHIFTS, dueShifts, generateDueHandovers } from '../../electron/hall/duty/handovers.ts';
import { DEMO_ROTATION_FILE, readRotation, seedRotationOnce } from '../../electron/hall/duty/rotation-seed.ts';
import { createEventLog, type Appended } from '../../electron/hall/event-log.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { rebuildProjections } from '../../electron/hall/projections.ts';
import { recentHandovers } from '../../electron/hall/store/handover-table.ts';
import { loadRotation, rosterDaysBetween } from '../../electron/hall/store/roster-table.ts';
import { DEMO_SITE } from '../helpers/demo-site.ts';
import { REPO, tempDataDir } from '../helpers/hall-process.ts';

const T0 = beijing('2026-11-23', '10:00'); // a Monday, in the day shift
const rotation = readRotation(join(REPO, 'resources', DEMO_ROTATION_FILE), { hasDepartment: DEMO_SITE.hasDepartment, consoleSeats: ['console-1'] });

function hall(path = join(tempDataDir('handovers-'), 'hall.db')) {
  const store = openStore(path);
  let now = T0;
  const events = createEventLog(store, () => now);
  seedRotationOnce(store, events, rotation);
  const sent: Appended[] = [];
  const lines: string[] = [];
  const deps = { store, events, site: DEMO_SITE, now: () => now, broadcast: (a: Appended) => sent.push(a), log: (l: string) => lines.push(l) };
  return {
    store, events, sent, lines, path,
    at: (t: number) => (now = t),
    look: () => generateDueHandovers(deps),
    keys: () => recentHandovers(store, 100).map((r) => r.brief.key).reverse(),
  };
}

describe('dueShifts', () => {
  const current = shiftAt(T0);
  it('is the current shift on a first start, nothing when it was handed over, every shift since otherwise', () => {
    expect(dueShifts(T0, null)).toEqual({ due: [current], skipped: 0 });
    expect(dueShifts(T0, current.from)).toEqual({ due: [], skipped: 0 });
    const back3 = previousShift(previousShift(previousShift(current)));
    expect(dueShifts(T0, back3.from).due.map(shiftKey)).toEqual(['2026-11-22-day', '2026-11-22-night', '2026-11-23-day']);
  });
  it('makes up a week of shift changes at most', () => {
    const { due, skipped } = dueShifts(T0 + 10 * DAY, current.from);
    expect(due).toHaveLength(CATCH_UP_SHIFTS);
    expect(skipped).toBe(20 - CATCH_UP_SHIFTS);
    expect(due.at(-1)).toEqual(shiftAt(T0 + 10 * DAY));
  });
});

describe('generateDueHandovers', () => {
  it('hands each shift over once: at first start, at every change, and for the changes slept through', () => {
    const h = hall();
    expect(h.look()).toBe(1);
    expect(h.keys()).toEqual(['2026-11-23-day']);
    expect(h.look()).toBe(0);
    h.at(beijing('2026-11-23', '17:29'));
    expect(h.look()).toBe(0);
    h.at(beijing('2026-11-23', '17:30'));
    expect(h.look()).toBe(1);
    // Down from Monday evening to Wednesday noon: Tuesday day, Tuesday night, Wednesday day, once each.
    h.store.close();
    const again = hall(h.path);
    again.at(beijing('2026-11-25', '12:00'));
    expect(again.look()).toBe(3);
    expect(again.keys()).toEqual(['2026-11-23-day', '2026-11-23-night', '2026-11-24-day', '2026-11-24-night', '2026-11-25-day']);
    expect(again.look()).toBe(0);
    expect(again.sent.map((a) => a.event.type)).toEqual(['duty.handover', 'duty.handover', 'duty.handover']);
    const made = recentHandovers(again.store, 1)[0]!.brief;
    expect(made.generatedAt, 'made when the hall looked, not back-dated').toBe(beijing('2026-11-25', '12:00'));
    expect(made.incoming.commander?.title).toMatch(/^街道/);
    expect(made.outgoing.commander?.title).toMatch(/^派出所/);
    expect(again.events.verifyChain()).toBeNull();
  });

  it('after forty days down, makes up the last week and says how many it did not', () => {
    const h = hall();
    h.look();
    h.at(T0 + 40 * DAY);
    expect(h.look()).toBe(CATCH_UP_SHIFTS);
    expect(h.keys().at(-1)).toBe(shiftKey(shiftAt(T0 + 40 * DAY)));
    expect(h.lines.at(-1)).toMatch(/66 older shift changes while the hall was down not made up/);
  });

  it('recalls the outgoing shift\'s rejections and urgent cases from the log', () => {
    const h = hall();
    h.look();
    const draft: CaseDraft = { title: '占道经营', description: '', source: 'patrol', urgency: 'general', category: '街面秩序', address: '' };
    const created = h.events.append(caseCreatedSpec(draft, { origin: 'hall', seat: 'console-1', at: T0 + HOUR }));
    const id = (created.event as Extract<HallEvent, { type: 'case.created' }>).payload.id;
    h.events.append({ type: 'case.transitioned', origin: 'hall', seat: 'console-1', at: T0 + 2 * HOUR, payload: () => ({ caseId: id, act: { action: 'reject', reason: '不属于城运事项' }, from: 'reported', to: 'rejected' }) });
    h.events.append(caseCreatedSpec({ ...draft, title: '燃气泄漏', urgency: 'urgent' }, { origin: 'hall', seat: 'console-1', at: T0 + 3 * HOUR }));
    h.at(beijing('2026-11-23', '17:30'));
    h.look();
    const brief = recentHandovers(h.store, 1)[0]!.brief;
    expect(brief.notable.events.map((e) => [e.kind, e.title, e.reason])).toEqual([['reject', '占道经营', '不属于城运事项'], ['urgent', '燃气泄漏', undefined]]);
    expect(brief.urgent.cases.map((c) => c.title)).toEqual(['燃气泄漏']);
    // The acts are found through the partial index, not by reading the log.
    const plan = h.store.all<{ detail: string }>(
      `EXPLAIN QUERY PLAN SELECT at FROM events
       WHERE type = 'case.transitioned' AND json_extract(payload, '$.act.action') IN ('reject', 'escalate', 'suspend', 'reopen') AND at >= ? AND at < ?`, 0, 1,
    );
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX events_notable_acts/);
  });

  it('makes the brief again for whom the roster now names, until someone takes over', () => {
    const h = hall();
    h.look();
    const shift = shiftAt(T0);
    const set = (name: string) => h.events.append({
      type: 'roster.set', origin: 'hall', seat: 'console-1',
      payload: () => ({ changes: [{ date: shift.date, day: { name, title: '街道办事处副主任', seat: 'console-1', phone: '021-57789001' } }] }),
    });
    set('韩立');
    expect(h.look()).toBe(1);
    expect(recentHandovers(h.store, 5).map((r) => r.brief.incoming.commander?.name)).toEqual(['韩立']);
    expect(h.look()).toBe(0);
    h.events.append({ type: 'duty.handoverAcknowledged', origin: 'hall', seat: 'console-1', payload: () => ({ key: shiftKey(shift) }) });
    expect(recentHandovers(h.store, 1)[0]!.acknowledged).toMatchObject({ seat: 'console-1', at: T0 });
    set('孟雪');
    expect(h.look(), 'taken over already: the change is on the roster, not a new brief').toBe(0);

    // The roster and the briefs are projections: rebuilt from the log, they are what was projected live.
    const live = { days: rosterDaysBetween(h.store, '2026-01-01', '2027-12-31'), rotation: loadRotation(h.store), briefs: recentHandovers(h.store, 100) };
    expect(live.days.map((d) => d.day?.name)).toEqual(['孟雪']);
    rebuildProjections(h.store);
    expect({ days: rosterDaysBetween(h.store, '2026-01-01', '2027-12-31'), rotation: loadRotation(h.store), briefs: recentHandovers(h.store, 100) }).toEqual(live);
  });
});
