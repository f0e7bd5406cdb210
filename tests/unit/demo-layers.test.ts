// The demo street's other layers (S-2.2, S-2.5, S-3.1): the numbers asked for, everything inside the street and
// in the grid it names, the police areas tiling the street, determinism of the committed files, and the loader
// naming bad features.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointInRing, ringArea } from '../../electron/common/geo/ring.ts';
import { DEMO_LAYER_FILES, formatDemoLayers, generateDemoLayers, loadDemoLayers } from '../../electron/hall/demo/demo-layers.ts';
import { loadDemoGrids } from '../../electron/hall/demo/demo-street.ts';
import type { LonLat } from '../../electron/common/geo/projection.ts';

const RESOURCES = resolve(import.meta.dirname, '../../resources');
const generated = generateDemoLayers();
const { police, governance, roads, rivers, points, staff } = loadDemoLayers(RESOURCES);
const grids = loadDemoGrids(RESOURCES).features;
const ringOf = (id: string) => grids.find((g) => g.properties.id === id)!.geometry.coordinates[0]!;
const street = ringOf('ST-ZS');
const inGrid = (p: LonLat, id: string) => pointInRing(p, ringOf(id), 0.5) !== 'outside';

describe('demo layers', () => {
  it('are deterministic, and the committed files are up to date', () => {
    expect(generateDemoLayers()).toEqual(generated);
    for (const [name, text] of formatDemoLayers(generated)) {
      expect(readFileSync(join(RESOURCES, 'demo-street', name), 'utf8') === text, `${name}: run npx node electron/hall/demo/generate-demo.ts`).toBe(true);
    }
    expect(JSON.stringify(generateDemoLayers(7).layers.police)).not.toBe(JSON.stringify(generated.layers.police));
  });

  it('has 3 police areas of 中山派出所 tiling the street, and one governance grid per small grid', () => {
    expect(police.features.map((f) => f.properties.name)).toEqual(['北片警务责任区', '中片警务责任区', '南片警务责任区']);
    expect(police.features.every((f) => f.properties.station === '中山派出所')).toBe(true);
    const sum = police.features.reduce((s, f) => s + ringArea(f.geometry.coordinates[0]!), 0);
    expect(Math.abs(sum - ringArea(street)) / ringArea(street)).toBeLessThan(1e-4);
    expect(governance.features).toHaveLength(26);
    expect(new Set(governance.features.map((f) => f.properties.unit)).size).toBe(26);
  });

  it('has named roads of three classes and a river network of 通波塘 and its branches', () => {
    expect(roads.features.map((r) => r.properties.name)).toEqual(expect.arrayContaining(['荣乐东路', '中山中路', '人民北路', '谷阳北路']));
    expect(new Set(roads.features.map((r) => r.properties.class))).toEqual(new Set(['main', 'secondary', 'local']));
    for (const road of roads.features) {
      expect(road.geometry.coordinates.filter((p) => pointInRing(p, street) === 'inside').length, road.properties.name).toBeGreaterThanOrEqual(5);
    }
    expect(rivers.features.filter((r) => r.properties.class === 'main').map((r) => r.properties.name)).toEqual(['通波塘']);
    expect(rivers.features.map((r) => r.properties.name)).toContain('古浦塘');
    // Each branch starts on a vertex of an earlier river.
    const vertices = new Set(rivers.features.flatMap((r) => r.geometry.coordinates.map((p) => p.join())));
    for (const branch of rivers.features.filter((r) => r.properties.class === 'branch')) expect(vertices.has(branch.geometry.coordinates[0]!.join())).toBe(true);
  });

  it('has 12 flood-prone points, 8 shelters, 60 cameras and a station per small grid, each in the grid it names', () => {
    const count = (kind: string) => points.features.filter((p) => p.properties.kind === kind).length;
    expect([count('flood'), count('shelter'), count('camera'), count('station')]).toEqual([12, 8, 60, 26]);
    for (const { properties: p, geometry } of points.features) {
      expect(inGrid(geometry.coordinates, p.gridId), `${p.id} in ${p.gridId}`).toBe(true);
      if (p.kind === 'camera') expect(p.streamUrl).toBeNull();
      if (p.kind === 'shelter') expect(p.capacity).toBeGreaterThan(0);
    }
    const stations = points.features.flatMap((f) => (f.properties.kind === 'station' ? [f.properties] : []));
    expect(new Set(stations.map((s) => s.gridId)).size).toBe(26);
    expect(stations.every((s) => s.gridChief && s.deputyChief && s.unitHead)).toBe(true);
  });

  it('registers about 200 numbered staff in all departments, each at home in their grid', () => {
    const people = staff.staff;
    expect(people).toHaveLength(200);
    expect(new Set(people.map((p) => p.department))).toEqual(new Set(['police', 'urban', 'market', 'grid', 'safety']));
    const prefix: Record<string, RegExp> = { police: /^PA-/, urban: /^CG-/, market: /^SJ-/, grid: /^(WG|ZY)-/, safety: /^SB-/ };
    for (const p of people) {
      expect(p.id).toMatch(prefix[p.department]!);
      expect(inGrid(p.home, p.gridId), `${p.id} at home in ${p.gridId}`).toBe(true);
    }
    expect(new Set(people.map((p) => p.name)).size).toBe(200);
    // One community officer per small grid (确保每个网格内有一名责任区民警).
    expect(new Set(people.filter((p) => p.role === '责任区民警').map((p) => p.gridId)).size).toBe(26);
  });
});

describe('loadDemoLayers', () => {
  it('names the file and the bad feature', () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-layers-'));
    cpSync(join(RESOURCES, 'demo-street'), join(dir, 'demo-street'), { recursive: true });
    const bad = structuredClone(generated.layers.points);
    (bad.features[3]!.properties as { kind: string }).kind = 'fountain';
    writeFileSync(join(dir, DEMO_LAYER_FILES.points), JSON.stringify(bad));
    expect(() => loadDemoLayers(dir)).toThrow(new RegExp(`demo layer .*points\\.geojson: invalid points:\\n  feature ${bad.features[3]!.properties.id} \\(#3\\) properties\\.kind`));
    writeFileSync(join(dir, DEMO_LAYER_FILES.points), JSON.stringify(generated.layers.points));
    const people = structuredClone(generated.layers.staff);
    people.staff[5]!.id = people.staff[4]!.id;
    writeFileSync(join(dir, DEMO_LAYER_FILES.staff), JSON.stringify(people));
    expect(() => loadDemoLayers(dir)).toThrow(/staff\.json: invalid staff registry:\n {2}staff PA-005 \(#5\) id: duplicate staff number PA-005/);
  });
});
