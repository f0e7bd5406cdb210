// A storm's other messages: the CAP warnings (valid CAP 1.2 of the Chinese profile, the hall's parser reads
// hazard and level, Update and Cancel reference what they change) and gauge readings that rise over the
// published warning tide levels as the surge builds.
import { describe, expect, it } from 'vitest';
import { parseCap } from '../../electron/common/cap/parse-cap.ts';
import { summarizeWarning } from '../../electron/common/cap/warning-summary.ts';
import { HOUR, MINUTE } from '../../electron/common/domain/beijing-time.ts';
import { DownBody } from '../../electron/common/upstream-protocol.ts';
import { GAUGES, beijingDateTime, capIdentifier, gaugeReadings, rainstormAllClear, rainstormWarning } from '../../electron/district/storm.ts';

const summary = (xml: string) => {
  const parsed = parseCap(new TextEncoder().encode(xml));
  if (!parsed.ok) throw new Error(parsed.reason.message);
  return summarizeWarning(parsed.alert);
};

describe('storm warnings', () => {
  const t0 = Date.parse('2026-07-12T06:30:05.400Z');
  const alert = rainstormWarning(t0, 'yellow', null);
  const raised = rainstormWarning(t0 + HOUR, 'orange', alert.ref);
  const lifted = rainstormAllClear(t0 + 5 * HOUR, 'orange', raised.ref);

  it('are identified by the Chinese profile: sender code and Beijing time', () => {
    expect(beijingDateTime(t0)).toBe('2026-07-12T14:30:05+08:00');
    expect(capIdentifier(t0)).toBe('31011741600000_20260712143005');
    expect(alert.ref).toEqual({ identifier: '31011741600000_20260712143005', sent: '2026-07-12T14:30:05+08:00' });
  });

  it('parse as CAP 1.2 and read as a rainstorm warning of their level for 松江区', () => {
    expect(summary(alert.xml)).toMatchObject({
      msgType: 'Alert', hazard: 'rainstorm', hazardFrom: 'eventCode', level: 'III', levelFrom: 'eventCode', chineseProfile: true,
      language: 'zh-CN', areas: [{ adminCodes: ['310117000000'] }], cnIdentifier: { regionCode: '310117', agencyCode: '416' },
    });
    expect(summary(raised.xml)).toMatchObject({ msgType: 'Update', level: 'II', references: [{ identifier: alert.ref.identifier }] });
    expect(summary(lifted.xml)).toMatchObject({ msgType: 'Cancel', hazard: 'rainstorm', references: [{ identifier: raised.ref.identifier, sent: raised.ref.sent }] });
    for (const { xml } of [alert, raised, lifted]) expect(DownBody.safeParse({ kind: 'cap.alert', xml }).success).toBe(true);
  });
});

describe('gauge readings', () => {
  const since = Date.parse('2026-07-12T00:00:00Z');
  const series = Array.from({ length: 13 * 12 }, (_, i) => gaugeReadings(since + i * 5 * MINUTE, since));

  it('are valid on the wire: two tide gauges and the street\'s rain gauge', () => {
    for (const readings of series) expect(DownBody.safeParse({ kind: 'gauge.readings', readings }).success).toBe(true);
    expect(series[0]!.map((r) => `${r.gaugeId}:${r.kind}`)).toEqual(['huangpu-park:tide', 'wusongkou:tide', 'zhongshan-rain:rain']);
  });

  it('rise and fall with the tide, and pass the warning level only once the surge has built', () => {
    for (const [i, gauge] of GAUGES.entries()) {
      const values = series.map((r) => r[i]!.value);
      const firstHour = values.slice(0, 12);
      const afterSurge = values.slice(36);
      expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(2);
      expect(Math.max(...firstHour)).toBeLessThan(gauge.warningM);
      expect(Math.max(...afterSurge)).toBeGreaterThan(gauge.warningM);
    }
    for (const r of series) expect(r[2]!.value).toBeGreaterThan(10);
  });
});
