// Grid import (S-2.3): real Shanghai district polygons (DataV, GCJ-02) import and convert, and crafted bad files
// give errors that name the feature and the place. Geometry-level problems of good files (parents, overlaps, gaps)
// come from the merge check run on the imported features.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { polygonsOf, ringsOf } from '../../electron/common/geo/area.ts';
import { mergeCheck } from '../../electron/common/geo/merge-check.ts';
import { distanceM, type LonLat } from '../../electron/common/geo/projection.ts';
import { ringArea } from '../../electron/common/geo/ring.ts';
import { importPartition, importPartitionFile, type ImportOptions, type PartitionFeature } from '../../electron/hall/grids/grid-import.ts';
import { SHARED_DATA } from '../helpers/shared-data.ts';

const DATAV = join(SHARED_DATA, 'geo/datav_shanghai');
const FIXTURES = resolve(import.meta.dirname, '../fixtures/grids');
const gcj: ImportOptions = { partition: 'cityOps', crs: 'gcj02' };
const wgs: ImportOptions = { partition: 'cityOps', crs: 'wgs84' };

function importOk(path: string, options: ImportOptions): PartitionFeature[] {
  const result = importPartitionFile(path, options);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.features;
}

/** Outer rings minus holes. */
const areaOf = (f: PartitionFeature) =>
  polygonsOf(f.geometry).reduce((sum, [outer, ...holes]) => sum + ringArea(outer!) - holes.reduce((h, r) => h + ringArea(r), 0), 0);

describe('importing the DataV districts of Shanghai (GCJ-02)', () => {
  const districts = importOk(join(DATAV, '310000_shanghai_districts.json'), gcj);

  it('maps adcode and name to id and name, keeping MultiPolygons', () => {
    const [songjiang] = importOk(join(DATAV, '310117.json'), gcj);
    expect(songjiang!.properties).toMatchObject({ id: '310117', name: '松江区', parentId: null, level: null });
    expect(songjiang!.properties.source.adcode).toBe(310117);
    expect(songjiang!.geometry.type).toBe('MultiPolygon');
    expect(districts).toHaveLength(16);
    expect(districts.map((d) => d.properties.id)).toContain('310151');
  });

  it('moves every vertex back by the GCJ-02 offset, about 450–500 m around Shanghai', () => {
    const raw = JSON.parse(readFileSync(join(DATAV, '310117.json'), 'utf8')).features[0].geometry.coordinates[0][0] as LonLat[];
    const converted = ringsOf(importOk(join(DATAV, '310117.json'), gcj)[0]!.geometry)[0]!;
    const asIs = ringsOf(importOk(join(DATAV, '310117.json'), wgs)[0]!.geometry)[0]!;
    expect(asIs).toEqual(raw);
    expect(converted).toHaveLength(raw.length);
    for (let i = 0; i < raw.length; i += 50) {
      const moved = distanceM(raw[i]!, converted[i]!);
      expect(moved).toBeGreaterThan(300);
      expect(moved).toBeLessThan(600);
      expect(converted[i]![0]).toBeLessThan(raw[i]![0]); // GCJ-02 lies east of WGS84 here
    }
  });

  it('has districts of the right size: 松江 ≈ 605 km²', () => {
    const songjiang = districts.find((d) => d.properties.id === '310117')!;
    expect(areaOf(songjiang) / 1e6).toBeGreaterThan(560);
    expect(areaOf(songjiang) / 1e6).toBeLessThan(650);
  });

  // The province file's districts share their boundary vertices, so they do not overlap at all; the separate
  // county files are digitised independently and overlap in slivers along shared borders. Tolerance: an overlap
  // counts only above 0.01 % of the smaller district's area (≈ 0.05 km² for 松江), the size of a sliver a few
  // metres wide along a border tens of kilometres long.
  it('finds no overlapping districts beyond tolerance, also between independently digitised county files', () => {
    const province = mergeCheck({ cityOps: districts, police: [], governance: [] });
    expect(province.findings).toEqual([]);
    const counties = ['310117', '310118', '310112'].flatMap((code) => importOk(join(DATAV, `${code}.json`), gcj));
    const report = mergeCheck({ cityOps: counties, police: [], governance: [] }, { minAreaM2: 0 });
    expect(report.findings.every((f) => f.kind === 'overlap')).toBe(true);
    for (const f of report.findings) {
      const smaller = Math.min(...f.gridIds.map((id) => areaOf(counties.find((c) => c.properties.id === id)!)));
      expect(f.areaM2! / smaller, f.message).toBeLessThan(1e-4);
    }
  });
});

describe('importing crafted bad files', () => {
  const errorsOf = (file: string, options = wgs) => {
    const result = importPartitionFile(join(FIXTURES, file), options);
    expect(result.ok, file).toBe(false);
    return result.ok ? [] : result.errors;
  };

  it('rejects text that is not JSON, and a file that is no FeatureCollection', () => {
    expect(errorsOf('not-json.geojson')[0]!.message).toMatch(/不是有效的 JSON.* \/ not valid JSON/);
    const topology = importPartition('{"type":"Topology","objects":{}}', wgs);
    expect(topology.ok ? [] : topology.errors.map((e) => e.message)).toEqual([expect.stringMatching(/"Topology" 不是 FeatureCollection/)]);
    expect(importPartitionFile(join(FIXTURES, 'no-such-file.geojson'), wgs).ok).toBe(false);
  });

  it.each([
    ['wrong-type.geojson', 'W1', /W1「道路中线」 \(#1\) 的几何类型 "LineString" 不是 Polygon.*位于 121\.23000, 31\.00000 \/ feature W1.*geometry type "LineString"/, [121.23, 31]],
    ['unclosed-ring.geojson', 'U1', /U1「未闭合网格」 \(#1\) 多边形 1 环 1未闭合.*位于 121\.23500, 31\.00500 \/ .*polygon 0 ring 0 is not closed/, [121.235, 31.005]],
    ['bow-tie.geojson', 'B1', /B1「蝴蝶结网格」 \(#1\) 多边形 1 环 1自相交 1 处,位于 121\.23750, 31\.00250 \/ .*intersects itself/, [121.2375, 31.0025]],
    ['out-of-range.geojson', 'O1', /O1「越界网格」 \(#1\) 多边形 1 环 1的坐标 \[221\.24, 31\.005\] 超出经纬度范围 \/ .*out of range/, null],
    ['swapped-lat-lon.geojson', 'L1', /L1「经纬颠倒网格」.*\[31, 121\.235\].*疑似纬度、经度顺序颠倒.*latitude and longitude look swapped/, null],
    ['duplicate-ids.geojson', 'A1', /A1「重复编号网格」 \(#1\) 的编号与第 0 个要素重复,位于 121\.23500, 31\.00000 \/ .*duplicate id, also feature #0/, [121.235, 31]],
  ])('%s: names %s and the place', (file, id, message, at) => {
    const errors = errorsOf(file);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ index: 1, id });
    expect(errors[0]!.message).toMatch(message);
    if (at) expect(distanceM(errors[0]!.at!, at as unknown as LonLat)).toBeLessThan(1);
  });

  it('missing-id.geojson: names the feature by name and index, and the place', () => {
    const [error] = errorsOf('missing-id.geojson');
    expect(error).toMatchObject({ index: 1, id: null, name: '无编号网格', at: [121.235, 31] });
    expect(error!.message).toMatch(/「无编号网格」 \(#1\) 缺少编号.*位于 121\.23500, 31\.00000 \/ .*has no id/);
  });

  it('rejects a missing parent and a cycle of parents', () => {
    const file = (parents: Array<[string, string | null]>) => JSON.stringify({
      type: 'FeatureCollection',
      features: parents.map(([id, parentId], i) => ({
        type: 'Feature', properties: { id, name: `网格${id}`, parentId },
        geometry: { type: 'Polygon', coordinates: [[[121 + i, 31], [121.01 + i, 31], [121.01 + i, 31.01], [121 + i, 31]]] },
      })),
    });
    const missing = importPartition(file([['A', null], ['B', 'X']]), wgs);
    expect(missing.ok ? [] : missing.errors.map((e) => e.message)).toEqual([expect.stringMatching(/B「网格B」 \(#1\) 的上级网格 X 不存在.*parent X does not exist/)]);
    const cycle = importPartition(file([['A', 'B'], ['B', 'A']]), wgs);
    expect(cycle.ok ? [] : cycle.errors.map((e) => e.id)).toEqual(['A', 'B']);
    // Police areas have no hierarchy: a parentId there is ignored.
    expect(importPartition(file([['A', null], ['B', 'X']]), { partition: 'police', crs: 'wgs84' }).ok).toBe(true);
  });

  it('never throws, whatever the input', () => {
    for (const text of ['', 'null', '[]', '{"type":"FeatureCollection"}', '{"type":"FeatureCollection","features":[null,1,"x",{"type":"Feature"}]}',
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"a","name":"b"},"geometry":{"type":"Polygon","coordinates":[[["x",1]]]}}]}']) {
      expect(importPartition(text, gcj).ok, text).toBe(false);
    }
  });
});

describe('crafted files that import but fail the merge check', () => {
  const check = (file: string) => mergeCheck({ cityOps: importOk(join(FIXTURES, file), wgs), police: [], governance: [] });

  it('child-outside-parent.geojson: Z2 sticks out of ST on the east side', () => {
    const { findings } = check('child-outside-parent.geojson');
    expect(findings.map((f) => [f.kind, f.gridIds])).toEqual([['outsideParent', ['ST', 'Z2']]]);
    expect(findings[0]!.at[0]).toBeCloseTo(121.236, 6);
    expect(findings[0]!.areaM2).toBeGreaterThan(0.8 * 95.5 * 556);
    expect(findings[0]!.areaM2).toBeLessThan(1.2 * 95.5 * 556);
    expect(findings[0]!.message).toMatch(/Z2「东片区」 超出上级网格 ST「测试街道」.* \/ Z2 lies outside its parent ST/);
  });

  it('overlapping-siblings.geojson: Z1 and Z2 overlap in the middle', () => {
    const { findings } = check('overlapping-siblings.geojson');
    expect(findings.map((f) => [f.kind, f.gridIds])).toEqual([['overlap', ['Z1', 'Z2']]]);
    expect(distanceM(findings[0]!.at, [121.2325, 31.0025])).toBeLessThan(20);
    expect(findings[0]!.areaM2! / (0.2 * 477 * 556)).toBeCloseTo(1, 1);
  });

  it('gap.geojson: nothing covers a strip between Z1 and Z2', () => {
    const { findings, coverage } = check('gap.geojson');
    expect(findings.map((f) => [f.kind, f.gridIds])).toEqual([['gap', ['Z1', 'Z2']]]);
    expect(distanceM(findings[0]!.at, [121.2325, 31.0025])).toBeLessThan(20);
    expect(coverage[0]!.percent).toBeCloseTo(90, 0);
  });
});
