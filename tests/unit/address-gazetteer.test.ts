// The demo street's address gazetteer (S-4.1b, 四标四实): the committed file is a fresh generation and valid, door
// numbers run along each road with odd and even on their own sides, every entry lies in the micro grid it names,
// compounds have buildings and units, names are told apart; the loader names bad entries; the index re-derives
// grids from the grids it is given.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../electron/common/address/gazetteer.ts';
import { GazetteerData, type CompoundEntry, type DoorEntry } from '../../electron/common/address/gazetteer-schema.ts';
import { nameDistance } from '../../electron/common/address/name-distance.ts';
import { normaliseName } from '../../electron/common/address/normalise.ts';
import { localProjection, type LonLat, type XY } from '../../electron/common/geo/projection.ts';
import { pointInRing } from '../../electron/common/geo/ring.ts';
import { DEMO_ADDRESSES_FILE, formatDemoLayers, generateDemoLayers, loadDemoAddresses } from '../../electron/hall/demo/demo-layers.ts';
import { loadDemoGrids } from '../../electron/hall/demo/demo-street.ts';
import { ADDRESS_META } from '../../electron/hall/demo/addresses.ts';

const RESOURCES = resolve(import.meta.dirname, '../../resources');
const generated = generateDemoLayers();
const { gazetteer, heldOut } = generated.addresses;
const committed = loadDemoAddresses(RESOURCES);
const micro = loadDemoGrids(RESOURCES).features.filter((g) => g.properties.level === 'micro')
  .map((g) => ({ id: g.properties.id, ring: g.geometry.coordinates[0]! }));
const ringOf = new Map(micro.map((g) => [g.id, g.ring]));
const roads = generated.layers.roads.features;
const doors = gazetteer.entries.filter((e): e is DoorEntry => e.kind === 'door');
const compounds = gazetteer.entries.filter((e): e is CompoundEntry => e.kind === 'compound');
const of = (kind: string) => gazetteer.entries.filter((e) => e.kind === kind);

/** Where a point lies relative to a road line in local metres: how far along it, and which side (+1 left). */
function alongRoad(line: readonly LonLat[], p: LonLat): { s: number; side: number } {
  const proj = localProjection(p[1], p[0]);
  const xy = line.map((q) => proj.toXY(q));
  let best = { d: Infinity, s: 0, side: 0 };
  let start = 0;
  for (let i = 1; i < xy.length; i++) {
    const [a, b] = [xy[i - 1]!, xy[i]!] as [XY, XY];
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const length = Math.hypot(dx, dy);
    const t = Math.max(0, Math.min(1, (-a[0] * dx - a[1] * dy) / (length * length)));
    const d = Math.hypot(a[0] + t * dx, a[1] + t * dy);
    if (d < best.d) best = { d, s: start + t * length, side: Math.sign(dx * -a[1] - dy * -a[0]) };
    start += length;
  }
  return best;
}

describe('demo address gazetteer', () => {
  it('is committed as a fresh generation, valid, and a few thousand entries at most', () => {
    expect(formatDemoLayers(generated).has('addresses.json')).toBe(true);
    expect(committed).toEqual(gazetteer);
    expect(gazetteer.entries.length).toBeLessThan(3000);
    expect(compounds.reduce((s, c) => s + c.buildings.length, 0)).toBeLessThan(1500);
    expect(committed).toMatchObject(ADDRESS_META);
  });

  it('has door plates on every road, compounds with buildings and units, landmarks and junctions', () => {
    expect(new Set(doors.map((d) => d.road))).toEqual(new Set(roads.map((r) => r.properties.name)));
    expect(doors.length).toBeGreaterThan(1000);
    expect(compounds.length).toBeGreaterThanOrEqual(50);
    for (const c of compounds) {
      expect(c.buildings.length, c.name).toBeGreaterThanOrEqual(2);
      expect(c.buildings.map((b) => b.no)).toEqual(c.buildings.map((_, i) => i + 1));
      expect(c.buildings.every((b) => b.units >= 1 && b.units <= 4)).toBe(true);
    }
    expect(compounds.some((c) => c.name.endsWith('新村') && c.aliases.includes(c.name.replace(/新村$/, '小区')))).toBe(true);
    expect(compounds.filter((c) => /[一二三]村$/.test(c.name))).toHaveLength(3);
    const landmarkNames = of('landmark').map((l) => (l as { name: string }).name);
    expect(landmarkNames).toEqual(expect.arrayContaining(['中山小学', '醉白池公园', '中山街道办事处', '中山派出所', '谷阳居委会']));
    expect(landmarkNames.filter((n) => n === '联华超市')).toHaveLength(2);
    expect(of('junction').length).toBeGreaterThan(10);
  });

  it('puts every entry and building in the micro grid it names', () => {
    const places = gazetteer.entries.flatMap((e) => [{ what: JSON.stringify(e).slice(0, 60), p: e.p, grid: e.grid },
      ...(e.kind === 'compound' ? e.buildings.map((b) => ({ what: `${e.name} ${b.no}`, p: b.p, grid: b.grid })) : [])]);
    for (const { what, p, grid } of places) expect(pointInRing(p, ringOf.get(grid)!, 0.5), what).not.toBe('outside');
    const index = buildGazetteer(committed, micro);
    expect(index.stats).toMatchObject({ regridded: 0, nameConflicts: [], doors: doors.length, compounds: compounds.length });
  });

  it('numbers each road from its east or south end, odd on the left and even on the right, rising along it', () => {
    for (const road of roads) {
      const line = road.geometry.coordinates;
      const numbered = [...doors, ...compounds, ...heldOut].filter((e) => e.road === road.properties.name).sort((a, b) => a.no - b.no);
      const low = numbered[0]!.p;
      const high = numbered[numbered.length - 1]!.p;
      const [dLon, dLat] = [line[line.length - 1]![0] - line[0]![0], line[line.length - 1]![1] - line[0]![1]];
      // East-west roads rise westwards, north-south ones northwards.
      if (Math.abs(dLon) * Math.cos(0.54) >= Math.abs(dLat)) expect(high[0], road.properties.name).toBeLessThan(low[0]);
      else expect(high[1], road.properties.name).toBeGreaterThan(low[1]);
      const forwards = Math.sign(alongRoad(line, high).s - alongRoad(line, low).s);
      for (const parity of [0, 1]) {
        const side = numbered.filter((e) => e.no % 2 === parity).map((e) => ({ no: e.no, ...alongRoad(line, e.p) }));
        for (let i = 1; i < side.length; i++) {
          expect((side[i]!.s - side[i - 1]!.s) * forwards, `${road.properties.name} ${side[i - 1]!.no}→${side[i]!.no}`).toBeGreaterThan(0);
        }
        const wanted = (parity === 1 ? 1 : -1) * forwards;
        expect(side.filter((e) => e.side !== wanted).map((e) => e.no), `${road.properties.name} wrong side`).toEqual([]);
      }
    }
  });

  it('holds about one door in ten out, none of them in the gazetteer', () => {
    const known = new Set([...doors, ...compounds].map((e) => `${e.road}${e.no}`));
    expect(heldOut.length / (heldOut.length + doors.length)).toBeGreaterThan(0.05);
    expect(heldOut.length / (heldOut.length + doors.length)).toBeLessThan(0.15);
    expect(heldOut.filter((d) => known.has(`${d.road}${d.no}`))).toEqual([]);
  });

  it('keeps compound names apart by more than one typo (the numbered estate aside)', () => {
    const names = compounds.filter((c) => !/[一二三]村$/.test(c.name)).flatMap((c) => [c.name, ...c.aliases]).map((n) => normaliseName(n, ADDRESS_META));
    const close = names.flatMap((a, i) => names.slice(i + 1).filter((b) => nameDistance(a, b, 1) <= 1).map((b) => `${a}~${b}`));
    expect(close).toEqual([]);
  });
});

describe('gazetteer loading and indexing', () => {
  const writeWith = (data: unknown) => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-addresses-'));
    cpSync(join(RESOURCES, 'demo-street'), join(dir, 'demo-street'), { recursive: true });
    writeFileSync(join(dir, DEMO_ADDRESSES_FILE), typeof data === 'string' ? data : JSON.stringify(data));
    return dir;
  };

  it('names the file and each bad entry', () => {
    const bad = structuredClone(gazetteer);
    (bad.entries[4] as { no: number }).no = -3;
    const twice = bad.entries.findIndex((e) => e.kind === 'door' && e.no !== (bad.entries[0] as DoorEntry).no);
    bad.entries[twice] = { ...(bad.entries[0] as DoorEntry) };
    expect(() => loadDemoAddresses(writeWith(bad))).toThrow(/demo addresses .*addresses\.json: invalid address gazetteer:\n {2}entries #4 no: /);
    expect(() => loadDemoAddresses(writeWith(bad))).toThrow(new RegExp(`entries #${twice} no: 荣乐东路 \\d+ is given twice`));
    expect(() => loadDemoAddresses(writeWith('{"entries": ['))).toThrow(/demo addresses .*addresses\.json/);
  });

  it('rejects a compound building given twice and a compound name given twice', () => {
    const bad = structuredClone(gazetteer);
    const [first, second] = bad.entries.filter((e): e is CompoundEntry => e.kind === 'compound');
    first!.buildings[1]!.no = first!.buildings[0]!.no;
    second!.name = first!.name;
    const parsed = GazetteerData.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message)).toEqual(expect.arrayContaining([
      `${first!.name} has building 1 twice`, `compound name ${first!.name} is given twice`,
    ]));
  });

  it('takes grid ids from the grids it is given, and reports names given to two things', () => {
    const renamed = micro.map((g) => ({ ...g, id: `X-${g.id}` }));
    const index = buildGazetteer(committed, renamed);
    const places = committed.entries.length + compounds.reduce((s, c) => s + c.buildings.length, 0);
    expect(index.stats.regridded).toBe(places);
    expect(index.gridAt(doors[0]!.p)).toBe(`X-${doors[0]!.grid}`);
    expect(index.gridAt([121.5, 31.2])).toBeNull();
    const clash = structuredClone(committed);
    clash.outsideRoads.push(compounds[0]!.name);
    expect(buildGazetteer(clash, micro).stats.nameConflicts).toEqual([`${compounds[0]!.name}: compound ${compounds[0]!.name} and outside ${compounds[0]!.name}`]);
  });
});
