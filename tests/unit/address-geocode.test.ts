// Geocoding an address offline (S-4.1b): each kind of match on the demo street's gazetteer, interpolation and its
// limits on a small street whose numbers are known exactly, every reason an address stays unmatched, and bad
// input answered with a reason instead of a throw.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../electron/common/address/gazetteer.ts';
import type { CompoundEntry, DoorEntry, GazetteerData, JunctionEntry, LandmarkEntry } from '../../electron/common/address/gazetteer-schema.ts';
import { EXTRAPOLATE_M, geocode, MAX_ADDRESS_LENGTH, type GeocodeResult } from '../../electron/common/address/geocode.ts';
import { distanceM, type LonLat } from '../../electron/common/geo/projection.ts';
import { generateDemoLayers, loadDemoAddresses } from '../../electron/hall/demo/demo-layers.ts';
import { loadDemoGrids } from '../../electron/hall/demo/demo-street.ts';
import { createRng } from '../../electron/common/prng.ts';

const RESOURCES = resolve(import.meta.dirname, '../../resources');
const data = loadDemoAddresses(RESOURCES);
const micro = loadDemoGrids(RESOURCES).features.filter((g) => g.properties.level === 'micro')
  .map((g) => ({ id: g.properties.id, ring: g.geometry.coordinates[0]! }));
const gz = buildGazetteer(data, micro);
const { heldOut } = generateDemoLayers().addresses;

const doors = data.entries.filter((e): e is DoorEntry => e.kind === 'door');
const compounds = data.entries.filter((e): e is CompoundEntry => e.kind === 'compound');
const landmark = (name: string) => data.entries.find((e): e is LandmarkEntry => e.kind === 'landmark' && e.name === name)!;
const door = doors.find((d) => d.road === '荣乐东路' && d.no > 500 && d.no < 600)!;
const compound = compounds.find((c) => c.buildings.length >= 4 && c.buildings[2]!.units >= 2 && !c.name.endsWith('新村'))!;
const building = compound.buildings[2]!;
const pointOf = (p: LonLat) => ({ lon: p[0], lat: p[1] });
const placed = (r: GeocodeResult) => (r.match === 'unmatched' ? expect.unreachable(`unmatched: ${r.reason}`) : r);

describe('geocode on the demo street', () => {
  it('finds a door plate exactly, however it is typed', () => {
    const exact = { match: 'exact', point: pointOf(door.p), gridId: door.grid, standardAddress: `荣乐东路${door.no}号`, score: 1 };
    const chinese = [...String(door.no)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
    for (const typed of [`荣乐东路${door.no}号`, `上海市松江区中山街道荣乐东路${door.no}号`, `松江区荣樂東路${door.no}號`, `荣乐东路${chinese}号`,
      `荣乐东路 ${door.no}`, `荣乐东路${String(door.no).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))}号`,
      `荣乐东路${door.no}号门口`, `中山街道荣乐居委荣乐东路${door.no}号`, `荣乐东路\u0000${door.no}号`]) {
      expect(geocode(gz, typed), typed).toMatchObject(exact);
    }
    expect(geocode(gz, `荣乐东路${door.no}号302室`)).toMatchObject({ match: 'exact', standardAddress: `荣乐东路${door.no}号302室` });
  });

  it('finds a compound, its buildings and units, by name or by lane', () => {
    const at = { point: pointOf(building.p), gridId: building.grid };
    const full = `${compound.road}${compound.no}弄3号2单元502室（${compound.name}）`;
    expect(geocode(gz, `${compound.name}3号楼2单元502室`)).toMatchObject({ match: 'exact', ...at, standardAddress: full, score: 1 });
    expect(geocode(gz, `${compound.name}三幢二单元五〇二室`)).toMatchObject({ match: 'exact', ...at, standardAddress: full });
    expect(geocode(gz, `${compound.name}3-2-502`)).toMatchObject({ match: 'exact', ...at, standardAddress: full });
    expect(geocode(gz, `${compound.name}3-502`)).toMatchObject({ match: 'exact', ...at, standardAddress: `${compound.road}${compound.no}弄3号502室（${compound.name}）` });
    expect(geocode(gz, `${compound.road}${compound.no}弄3号`)).toMatchObject({ match: 'exact', ...at });
    expect(geocode(gz, `${compound.road}${compound.no}弄2支弄3号`)).toMatchObject({ match: 'exact', ...at });
    expect(geocode(gz, `${compound.name}小区门口`)).toMatchObject({ match: 'exact', point: pointOf(compound.p), standardAddress: `${compound.road}${compound.no}弄（${compound.name}）` });
    expect(geocode(gz, `${compound.road}${compound.no}弄`)).toMatchObject({ match: 'exact', point: pointOf(compound.p) });
    const village = compounds.find((c) => c.name.endsWith('新村'))!;
    expect(geocode(gz, `${village.aliases[0]}1号楼`)).toMatchObject({ match: 'exact', point: pointOf(village.buildings[0]!.p) });
  });

  it('places a building with a unit it does not have, and a building the compound does not have, as fuzzy', () => {
    expect(geocode(gz, `${compound.name}3号楼9单元`)).toMatchObject({
      match: 'fuzzy', point: pointOf(building.p), score: 0.9, reason: `building 3 of ${compound.name} has ${building.units} units, not 9`,
    });
    expect(geocode(gz, `${compound.name}99号楼`)).toMatchObject({
      match: 'fuzzy', point: pointOf(compound.p), score: 0.5, reason: expect.stringContaining(`${compound.name} has no building 99`),
    });
  });

  it('reads a misspelt road or compound name as the one it is closest to', () => {
    const at = { point: pointOf(door.p), gridId: door.grid, standardAddress: `荣乐东路${door.no}号` };
    expect(geocode(gz, `容乐东路${door.no}号`)).toMatchObject({ match: 'fuzzy', ...at, score: 0.75, reason: 'door plate, road name read as 荣乐东路' });
    expect(geocode(gz, `荣乐东${door.no}号`)).toMatchObject({ match: 'fuzzy', ...at });
    expect(geocode(gz, `松江容乐东路${door.no}号`)).toMatchObject({ match: 'fuzzy', ...at });
    const typo = `${compound.name.slice(0, -1)}${compound.name.endsWith('苑') ? '园' : '苑'}`;
    const result = placed(geocode(gz, `${typo}3号楼`));
    expect(result).toMatchObject({ match: 'fuzzy', point: pointOf(building.p) });
    expect(result.score).toBeGreaterThan(0.6);
    expect(result.score).toBeLessThan(1);
    // A misspelt compound between the road and the numbers.
    expect(geocode(gz, `${compound.road}${typo}3号楼`)).toMatchObject({ match: 'fuzzy', point: pointOf(building.p) });
  });

  it('interpolates a door the gazetteer does not have, between its neighbours on the same side', () => {
    const errors = heldOut.map((d) => {
      const result = placed(geocode(gz, `${d.road}${d.no}号`));
      expect(result.match, `${d.road}${d.no}`).toBe('interpolated');
      return distanceM(d.p, [result.point.lon, result.point.lat]);
    }).sort((a, b) => a - b);
    expect(errors[Math.floor(errors.length / 2)]).toBeLessThan(10);
    expect(errors[Math.floor(errors.length * 0.9)]).toBeLessThan(40);
  });

  it('finds landmarks by name or alias, a chain by its road, and junctions of two roads', () => {
    const school = landmark('中山小学');
    expect(geocode(gz, '中山小学门口')).toMatchObject({ match: 'landmark', point: pointOf(school.p), gridId: school.grid, standardAddress: '中山小学', score: 0.9 });
    expect(geocode(gz, '醉白池附近')).toMatchObject({ match: 'landmark', standardAddress: '醉白池公园' });
    const office = landmark('中山街道办事处');
    expect(geocode(gz, '街道办对面')).toMatchObject({ match: 'landmark', point: pointOf(office.p), standardAddress: `${office.address}（中山街道办事处）` });
    expect(geocode(gz, '上海市松江区中山街道办事处')).toMatchObject({ match: 'landmark', point: pointOf(office.p) });
    expect(geocode(gz, '中山小雪')).toMatchObject({ match: 'landmark', point: pointOf(school.p), score: 0.68, reason: 'landmark, name read as 中山小学' });
    const shops = data.entries.filter((e): e is LandmarkEntry => e.kind === 'landmark' && e.name === '联华超市');
    const road = shops[1]!.address!.replace(/\d+号$/, '');
    expect(geocode(gz, `${road}联华超市`)).toMatchObject({ match: 'landmark', point: pointOf(shops[1]!.p) });
    const junction = data.entries.find((e): e is JunctionEntry => e.kind === 'junction' && e.roads.includes('荣乐东路') && e.roads.includes('人民北路'))!;
    for (const typed of ['荣乐东路人民北路路口', '人民北路与荣乐东路交叉口', '荣乐东路/人民北路十字路口']) {
      expect(geocode(gz, typed), typed).toMatchObject({ match: 'landmark', point: pointOf(junction.p), standardAddress: `${junction.roads[0]}与${junction.roads[1]}交叉口`, reason: 'junction' });
    }
  });

  it('takes the road nearest before the number when two are named', () => {
    const other = doors.find((d) => d.road === '人民北路')!;
    expect(geocode(gz, `荣乐东路近人民北路${other.no}号`)).toMatchObject({ match: 'exact', point: pointOf(other.p) });
    expect(geocode(gz, `荣乐东路${door.no}号近人民北路`)).toMatchObject({ match: 'exact', point: pointOf(door.p) });
  });

  it('says why an address stays unmatched', () => {
    const shops = data.entries.filter((e): e is LandmarkEntry => e.kind === 'landmark' && e.name === '联华超市');
    const notThere = doors.map((d) => d.road).find((r) => shops.every((s) => !s.address!.startsWith(r)))!;
    const last = Math.max(...[...doors, ...compounds].filter((d) => d.road === '荣乐东路' && d.no % 2 === 1).map((d) => d.no));
    const cases: Array<[string, string, RegExp]> = [
      ['万达广场', 'unknown-place', /no road, compound or landmark of 中山街道 is named in “万达广场”/],
      ['小区门口', 'unknown-place', /named in “小区”/],
      ['荣乐西路12号', 'outside-street', /荣乐西路 is not a road of 中山街道/],
      ['荣樂西路12號', 'outside-street', /荣乐西路/],
      ['荣乐东路', 'no-number', /荣乐东路 is named without a number/],
      ['荣乐东路边上', 'no-number', /荣乐东路/],
      ['容乐东路', 'no-number', /荣乐东路/],
      [`荣乐东路${last + 40}号`, 'beyond-range', new RegExp(`荣乐东路 has no ${last + 40}号 in 中山街道: its known odd numbers are \\d+–${last}`)],
      ['玉数路372号', 'ambiguous', /“玉数路” is as close to 玉树路 as to 玉华路/],
      ['联华超市门口', 'ambiguous', /联华超市 is at 2 places \(.+\), and no road is named/],
      [`${notThere}联华超市`, 'ambiguous', new RegExp(`none on ${notThere}`)],
      ['荣乐东路中山中路路口', 'no-junction', /荣乐东路 and 中山中路 do not cross in 中山街道/],
    ];
    for (const [typed, code, reason] of cases) {
      const result = geocode(gz, typed);
      expect(result, typed).toMatchObject({ match: 'unmatched', code, point: null, gridId: null, standardAddress: null, score: 0 });
      expect(result.reason, typed).toMatch(reason);
    }
  });
});

describe('geocode on bad input', () => {
  it('answers with a reason, never a throw', () => {
    const cases: Array<[unknown, string]> = [
      [null, 'not-text'], [undefined, 'not-text'], [42, 'not-text'], [{ address: '荣乐东路1号' }, 'not-text'],
      ['', 'empty'], ['   \n\t', 'empty'], ['\u0000\u0001\u0007\u001b\u007f', 'empty'], ['。，；！', 'empty'],
      ['荣'.repeat(10 * 1024), 'too-long'], [`荣乐东路${door.no}号`.padEnd(MAX_ADDRESS_LENGTH + 1, ' '), 'too-long'],
      ['\ud800\udfff\ud83d', 'unknown-place'], ['荣乐东路999999999999999999999号', 'beyond-range'],
    ];
    for (const [input, code] of cases) {
      const result = geocode(gz, input);
      expect(result, JSON.stringify(input)?.slice(0, 40)).toMatchObject({ match: 'unmatched', code });
      expect(result.reason.length).toBeGreaterThan(10);
    }
  });

  it('survives random text, always answering in the result shape', () => {
    const rng = createRng(99);
    const pool = '荣乐东路人民北路号弄幢单元室-0123456789一二三十百门口中山小学\u0000\u200b ，。#＃８号楼苑新村';
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: 1 + rng.int(40) }, () => (rng.next() < 0.1 ? String.fromCharCode(rng.int(0x10000)) : pool[rng.int(pool.length)]!)).join('');
      const result = geocode(gz, text);
      if (result.match === 'unmatched') expect(result.point).toBeNull();
      else expect(micro.some((g) => g.id === result.gridId), text).toBe(true);
    }
  });
});

describe('interpolation limits', () => {
  // One straight road, odd numbers on its north side and even on its south side, across two grids.
  const lat = 31.005;
  const at = (lon: number, side: 1 | -1): [number, number] => [lon, lat + side * 0.0002];
  const plate = (no: number, lon: number) => ({ kind: 'door' as const, road: '试验路', no, p: at(lon, no % 2 === 1 ? 1 : -1), grid: lon < 121.01 ? 'A' : 'B' });
  const small: GazetteerData = {
    city: '上海市', district: '松江区', street: '中山街道', outsideRoads: [],
    entries: [plate(1, 121.001), plate(3, 121.002), plate(5, 121.003), plate(9, 121.005), plate(11, 121.012), plate(13, 121.0195), plate(2, 121.001), plate(4, 121.002)],
  };
  const box = (id: string, w: number, e: number) => ({ id, ring: [[w, 31], [e, 31], [e, 31.01], [w, 31.01], [w, 31]] as Array<[number, number]> });
  const street = buildGazetteer(small, [box('A', 121, 121.01), box('B', 121.01, 121.02)]);

  it('puts a number between two known ones in proportion, on their side', () => {
    const seven = placed(geocode(street, '试验路7号'));
    expect(seven).toMatchObject({ match: 'interpolated', gridId: 'A', score: 0.8, reason: 'not in the gazetteer: interpolated between 试验路5号 and 9号' });
    expect(distanceM([seven.point.lon, seven.point.lat], at(121.004, 1))).toBeLessThan(0.1);
    const ten = placed(geocode(street, '试验路十号'));
    expect(ten).toMatchObject({ match: 'interpolated', gridId: 'A', score: 0.6 });
    expect(ten.point.lat).toBeLessThan(lat);
  });

  it(`extrapolates at most ${EXTRAPOLATE_M} m and a few numbers beyond the last known one, else refuses`, () => {
    // 2 and 4 are 95 m apart: 10 is three steps on, capped at the limit.
    const ten = placed(geocode(street, '试验路10号'));
    expect(ten.reason).toBe(`not in the gazetteer: extrapolated ${EXTRAPOLATE_M} m beyond 试验路4号, the last known even number`);
    expect(distanceM([ten.point.lon, ten.point.lat], at(121.002, -1))).toBeCloseTo(EXTRAPOLATE_M, 0);
    expect(geocode(street, '试验路12号')).toMatchObject({ match: 'unmatched', code: 'beyond-range', reason: '试验路 has no 12号 in 中山街道: its known even numbers are 2–4' });
    // Past 13, at the edge of grid B, the road leaves the street.
    expect(geocode(street, '试验路15号')).toMatchObject({ match: 'unmatched', code: 'outside-street', reason: '试验路15号 falls outside the micro grids of 中山街道' });
  });

  it('refuses a side with a single known number, having no spacing to go by', () => {
    const lone = buildGazetteer({ ...small, entries: [plate(1, 121.001), plate(2, 121.001), plate(4, 121.002)] }, [box('A', 121, 121.01)]);
    expect(geocode(lone, '试验路3号')).toMatchObject({ match: 'unmatched', code: 'beyond-range', reason: '试验路 has no 3号 in 中山街道: its known odd numbers are 1–1' });
    expect(geocode(lone, '试验路1号')).toMatchObject({ match: 'exact', gridId: 'A' });
  });
});
