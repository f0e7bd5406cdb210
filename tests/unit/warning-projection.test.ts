// The warnings the hall holds (S-6.4), folded from `warning.received` events built from the Chinese fixtures (the
// 松江区 typhoon warning: orange Alert, red Update of it, Cancel of the red): an Update supersedes, a Cancel
// withdraws, an unknown reference is kept and flagged, a Cancel that overtook its warning lifts it on arrival,
// a Test lifts nothing, and with the clock moved past its expiry a warning leaves the list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capTimeMs } from '../../electron/common/cap/cap-model.ts';
import { parseCap } from '../../electron/common/cap/parse-cap.ts';
import { summarizeWarning } from '../../electron/common/cap/warning-summary.ts';
import type { HallEvent } from '../../electron/common/protocol.ts';
import { applyWarningEvent, HELD_WITHOUT_EXPIRY_MS, orphanCancels, warningsInForce, type WarningData } from '../../electron/common/warning-projection.ts';
import { warningFeed } from '../../electron/hall/reports/situation-feeds.ts';

const CN = join(import.meta.dirname, '../fixtures/cap/cn');
const ORANGE = 'typhoon-orange-songjiang.xml';
const RED = 'typhoon-red-update.xml';
const CANCEL = 'typhoon-cancel.xml';
const ORANGE_ID = '31011741600000_20240915060000_1';
const RED_ID = '31011741600000_20240915120000_0';
const HOUR = 3600_000;
const T = capTimeMs('2024-09-15T13:00:00+08:00');

function summaryOf(file: string, edit: (xml: string) => string = (x) => x) {
  const parsed = parseCap(new TextEncoder().encode(edit(readFileSync(join(CN, file), 'utf8'))));
  if (!parsed.ok) throw new Error(parsed.reason.message);
  return summarizeWarning(parsed.alert);
}

function folder() {
  const data: WarningData = { warnings: [] };
  let seq = 0;
  const receive = (file: string, at: number, edit?: (xml: string) => string) => {
    const event = { seq: ++seq, id: `e${seq}`, origin: 'upstream', at, seat: null, type: 'warning.received', payload: { summary: summaryOf(file, edit), via: 'district', covers: true } } as HallEvent;
    return applyWarningEvent(data, event);
  };
  return { data, receive };
}

describe('the warnings held', () => {
  it('holds an Alert until it expires: with the clock moved past its expiry it leaves the list', () => {
    const { data, receive } = folder();
    const changes = receive(ORANGE, T);
    expect(changes.warningOutcome).toEqual({ identifier: ORANGE_ID, held: true, notHeld: null, resolved: [], unknownReferences: [] });
    expect(warningsInForce(data.warnings, T).map((w) => w.summary.identifier)).toEqual([ORANGE_ID]);
    const expires = capTimeMs('2024-09-16T06:00:00+08:00');
    expect(warningsInForce(data.warnings, expires - 1)).toHaveLength(1);
    expect(warningsInForce(data.warnings, expires)).toEqual([]);
    // The next warning to come drops it from what is held.
    receive(RED, expires + HOUR);
    expect(data.warnings.map((w) => w.summary.identifier)).toEqual([RED_ID]);
  });

  it('lets an Update supersede the warning it references, and a Cancel withdraw it', () => {
    const { data, receive } = folder();
    receive(ORANGE, T);
    expect(receive(RED, T + HOUR).warningOutcome).toMatchObject({ identifier: RED_ID, held: true, resolved: [ORANGE_ID], unknownReferences: [] });
    expect(warningsInForce(data.warnings, T + HOUR).map((w) => [w.summary.identifier, w.summary.level])).toEqual([[RED_ID, 'I']]);
    expect(receive(CANCEL, T + 2 * HOUR).warningOutcome).toMatchObject({ held: false, notHeld: 'notInForce', resolved: [RED_ID], unknownReferences: [] });
    expect(data.warnings).toEqual([]);
    expect(orphanCancels(data.warnings, T + 2 * HOUR)).toEqual([]);
  });

  it('keeps an Update whose reference is unknown, flagged', () => {
    const { data, receive } = folder();
    expect(receive(RED, T).warningOutcome).toMatchObject({ held: true, resolved: [], unknownReferences: [{ identifier: ORANGE_ID }] });
    expect(warningsInForce(data.warnings, T)[0]!.unknownReferences).toEqual([
      { sender: 'Songjiang_Meteorological_Observatory', identifier: ORANGE_ID, sent: '2024-09-15T06:00:00+08:00' },
    ]);
  });

  it('holds a Cancel of an unknown warning a day, and lifts that warning when it comes late', () => {
    const { data, receive } = folder();
    expect(receive(CANCEL, T).warningOutcome).toMatchObject({ held: true, unknownReferences: [{ identifier: RED_ID }] });
    expect(orphanCancels(data.warnings, T)).toHaveLength(1);
    expect(warningsInForce(data.warnings, T)).toEqual([]);
    expect(receive(RED, T + HOUR).warningOutcome).toMatchObject({ identifier: RED_ID, held: false, notHeld: 'overtaken' });
    expect(data.warnings).toEqual([]);
    // Unanswered, it waits no longer than a day after it was sent.
    const lone = folder();
    lone.receive(CANCEL, T);
    const sent = capTimeMs('2024-09-16T09:00:00+08:00');
    expect(orphanCancels(lone.data.warnings, sent + HELD_WITHOUT_EXPIRY_MS - 1)).toHaveLength(1);
    expect(orphanCancels(lone.data.warnings, sent + HELD_WITHOUT_EXPIRY_MS)).toEqual([]);
  });

  it('never lets a Test lift a real warning, nor holds one', () => {
    const { data, receive } = folder();
    receive(RED, T);
    const test = (xml: string) => xml.replace('<status>Actual</status>', '<status>Test</status>');
    expect(receive(CANCEL, T + HOUR, test).warningOutcome).toMatchObject({ held: false, notHeld: 'notInForce', resolved: [] });
    expect(receive(ORANGE, T + HOUR, test).warningOutcome).toMatchObject({ held: false, notHeld: 'notInForce' });
    expect(data.warnings.map((w) => w.summary.identifier)).toEqual([RED_ID]);
  });

  it('holds a warning without <expires> a day from its sending', () => {
    const { data, receive } = folder();
    receive(ORANGE, T, (xml) => xml.replace(/<expires>[^<]*<\/expires>/g, ''));
    const sent = capTimeMs('2024-09-15T06:00:00+08:00');
    expect(warningsInForce(data.warnings, sent + HELD_WITHOUT_EXPIRY_MS - 1)).toHaveLength(1);
    expect(warningsInForce(data.warnings, sent + HELD_WITHOUT_EXPIRY_MS)).toEqual([]);
  });

  it('does not hold a warning that has already expired when it comes', () => {
    const { data, receive } = folder();
    expect(receive(ORANGE, capTimeMs('2024-09-17T00:00:00+08:00')).warningOutcome).toMatchObject({ held: false, notHeld: 'expired' });
    expect(data.warnings).toEqual([]);
  });

  it('gives situation reports the warnings in force, in words', () => {
    const { data, receive } = folder();
    receive(RED, T);
    expect(warningFeed(() => data.warnings, () => T)()).toEqual([{
      identifier: RED_ID, headline: '松江区气象台将台风橙色预警升级为红色[Ⅰ级/特别严重]（覆盖本街道）', hazard: '台风', level: '红色（I级）',
      issuedAt: capTimeMs('2024-09-15T12:00:00+08:00'), expiresAt: capTimeMs('2024-09-16T12:00:00+08:00'),
    }]);
    expect(warningFeed(() => data.warnings, () => capTimeMs('2024-09-16T12:00:00+08:00'))()).toEqual([]);
  });
});
