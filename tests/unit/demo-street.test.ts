// The demo street's grid hierarchy (S-2.1, S-2.5): the seed plan's numbers, exact tiling at every level, and
// the committed resources file being a fresh generation.
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GridFeatureCollection, PARENT_LEVEL, type GridFeature, type GridLevel } from '../../electron/common/geo/grid-schema.ts';
import { ringSelfIntersections, segmentIntersection } from '../../electron/common/geo/intersections.ts';
import { bbox, bboxesIntersect, distanceM } from '../../electron/common/geo/projection.ts';
import { interiorPoint, isCounterClockwise, pointInRing, ringArea, ringCentroid, ringVertices } from '../../electron/common/geo/ring.ts';
import { DEMO_GRIDS_FILE, formatGridCollection, loadDemoGrids } from '../../electron/hall/demo/demo-street.ts';
import { DEFAULT_SEED, apportion, generateDemoStreet } from '../../electron/hall/demo/street-generator.ts';

const RESOURCES = resolve(import.meta.dirname, '../../resources');
const street = generateDemoStreet();
const grids = street.features;
const byId = new Map(grids.map((g) => [g.properties.id, g]));
const at = (level: GridLevel) => grids.filter((g) => g.properties.level === level);
const outer = (g: GridFeature) => g.geometry.coordinates[0]!;
const childrenOf = (g: GridFeature) => grids.filter((c) => c.properties.parentId === g.properties.id);
const parents = grids.filter((g) => g.properties.level !== 'micro');

/** Pairs of grids whose outlines properly cross, or where one's interior sample lies inside the other. */
function overlaps(set: GridFeature[]): string[] {
  const found: string[] = [];
  const boxes = set.map((g) => bbox(outer(g)));
  const samples = set.map((g) => interiorPoint(outer(g)));
  set.forEach((a, i) => {
    set.forEach((b, j) => {
      if (i === j || !bboxesIntersect(boxes[i]!, boxes[j]!)) return;
      if (pointInRing(samples[i]!, outer(b)) === 'inside') found.push(`${a.properties.id} lies in ${b.properties.id}`);
      if (j < i) return;
      const ra = outer(a);
      const rb = outer(b);
      for (let p = 0; p < ra.length - 1; p++) {
        for (let q = 0; q < rb.length - 1; q++) {
          if (segmentIntersection(ra[p]!, ra[p + 1]!, rb[q]!, rb[q + 1]!) === 'cross') {
            found.push(`${a.properties.id} crosses ${b.properties.id}`);
          }
        }
      }
    });
  });
  return found;
}

describe('demo street hierarchy', () => {
  it('has the S-2.1 numbers: 1 street, 3 zones, 26 small grids (4 area companies + 22 committees), 125 micro grids', () => {
    expect(at('street')).toHaveLength(1);
    expect(at('zone')).toHaveLength(3);
    expect(at('small')).toHaveLength(26);
    expect(at('micro')).toHaveLength(125);
    expect(at('small').filter((g) => g.properties.unit === 'company')).toHaveLength(4);
    expect(at('small').filter((g) => g.properties.unit === 'committee')).toHaveLength(22);
    expect(at('small').filter((g) => g.properties.unit === 'committee').every((g) => g.properties.name.endsWith('居委'))).toBe(true);
    expect(at('zone').map((g) => g.properties.name)).toEqual(['北片区', '中片区', '南片区']);
    expect(at('street')[0]!.properties).toMatchObject({ id: 'ST-ZS', name: '中山街道', parentId: null });
  });

  it('passes the grid schema, with unique ids and every parent one level up', () => {
    expect(() => GridFeatureCollection.parse(street)).not.toThrow();
    expect(byId.size).toBe(grids.length);
    for (const g of grids) {
      const parent = g.properties.parentId === null ? null : byId.get(g.properties.parentId);
      expect(parent?.properties.level ?? null, g.properties.id).toBe(PARENT_LEVEL[g.properties.level]);
    }
    expect(new Set(grids.map((g) => g.properties.name)).size).toBe(grids.length);
    expect(new Set(grids.map((g) => g.properties.code)).size).toBe(grids.length);
  });

  it('is mostly residential with a few street-front and extended grids', () => {
    const count = (level: GridLevel, kind: string) => at(level).filter((g) => g.properties.kind === kind).length;
    expect(count('small', 'residential')).toBe(22);
    expect(count('small', 'streetfront') + count('small', 'extended')).toBe(4);
    expect(count('micro', 'residential')).toBeGreaterThan(125 / 2);
    expect(count('micro', 'streetfront')).toBeGreaterThanOrEqual(3);
    expect(count('micro', 'extended')).toBeGreaterThanOrEqual(3);
  });

  it('lies at 中山街道, 松江 and is a few kilometres across', () => {
    const ring = outer(at('street')[0]!);
    expect(distanceM(ringCentroid(ring), [121.23, 31.0])).toBeLessThan(2000);
    const [w, s, e, n] = bbox(ring);
    expect(distanceM([w, s], [e, s])).toBeGreaterThan(2500);
    expect(distanceM([w, s], [e, s])).toBeLessThan(5000);
    expect(distanceM([w, s], [w, n])).toBeGreaterThan(2500);
    expect(distanceM([w, s], [w, n])).toBeLessThan(5000);
  });
});

describe('demo street geometry', () => {
  it('has one closed, counter-clockwise, simple outer ring per grid', () => {
    for (const g of grids) {
      expect(g.geometry.coordinates, g.properties.id).toHaveLength(1);
      expect(isCounterClockwise(outer(g)), g.properties.id).toBe(true);
      expect(ringSelfIntersections(outer(g)), g.properties.id).toEqual([]);
    }
  });

  it('keeps every child vertex inside or on its parent', () => {
    for (const child of grids.filter((g) => g.properties.parentId !== null)) {
      const parentRing = outer(byId.get(child.properties.parentId!)!);
      const outside = outer(child).filter((v) => pointInRing(v, parentRing) === 'outside');
      expect(outside, child.properties.id).toEqual([]);
    }
  });

  it('gives every parent the area of its children (within 0.01 %) and no boundary vertex without a child', () => {
    for (const parent of parents) {
      const children = childrenOf(parent);
      const sum = children.reduce((s, c) => s + ringArea(outer(c)), 0);
      expect(Math.abs(sum - ringArea(outer(parent))) / ringArea(outer(parent)), parent.properties.id).toBeLessThan(1e-4);
      const childVertices = new Set(children.flatMap((c) => outer(c).map((v) => v.join())));
      expect(ringVertices(outer(parent)).filter((v) => !childVertices.has(v.join())), parent.properties.id).toEqual([]);
    }
  });

  it('lets no two grids of a level overlap', () => {
    expect(overlaps(at('micro'))).toEqual([]);
    expect(overlaps(at('small'))).toEqual([]);
    expect(overlaps(at('zone'))).toEqual([]);
  });
});

describe('demo street generation', () => {
  it('is deterministic, and the committed file is up to date', () => {
    expect(generateDemoStreet(DEFAULT_SEED)).toEqual(street);
    const committed = readFileSync(join(RESOURCES, DEMO_GRIDS_FILE), 'utf8');
    expect(committed === formatGridCollection(street), 'run: npx node electron/hall/demo/generate-demo.ts').toBe(true);
  });

  it('gives another seed another street with the same numbers', () => {
    const other = generateDemoStreet(7);
    expect(JSON.stringify(other.features.map((g) => g.geometry))).not.toBe(JSON.stringify(grids.map((g) => g.geometry)));
    const levels = other.features.map((g) => g.properties.level);
    expect(['street', 'zone', 'small', 'micro'].map((l) => levels.filter((x) => x === l).length)).toEqual([1, 3, 26, 125]);
    expect(() => GridFeatureCollection.parse(other)).not.toThrow();
  });

  it('apportions micro grids with a minimum and the exact total', () => {
    expect(apportion(10, [1, 1, 1], 2)).toEqual([4, 3, 3]);
    expect(apportion(125, [5, 1, 1], 3).reduce((s, c) => s + c, 0)).toBe(125);
  });
});

describe('loadDemoGrids', () => {
  const writeResources = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-grids-'));
    mkdirSync(dirname(join(dir, DEMO_GRIDS_FILE)), { recursive: true });
    writeFileSync(join(dir, DEMO_GRIDS_FILE), text);
    return dir;
  };

  it('loads the bundled file', () => {
    expect(loadDemoGrids(RESOURCES).features).toHaveLength(155);
  });

  it('rejects a bad file naming the feature and the problem', () => {
    const bad = structuredClone(street);
    const m17 = bad.features.find((g) => g.properties.id === 'M017')!;
    (m17.properties as { level: string }).level = 'tiny';
    const s03 = bad.features.find((g) => g.properties.id === 'S03')!;
    s03.geometry.coordinates[0]!.pop(); // no longer closed
    const dir = writeResources(JSON.stringify(bad));
    expect(() => loadDemoGrids(dir)).toThrow(/feature M017 \(#\d+\) properties\.level/);
    expect(() => loadDemoGrids(dir)).toThrow(/feature S03 \(#\d+\) geometry\.coordinates\.0: ring is not closed/);
  });

  it('rejects a grid whose parent is missing, and a file that is not JSON', () => {
    const orphan = structuredClone(street);
    orphan.features.find((g) => g.properties.id === 'M001')!.properties.parentId = 'S99';
    expect(() => loadDemoGrids(writeResources(JSON.stringify(orphan)))).toThrow(/feature M001 .*parent S99 does not exist/);
    expect(() => loadDemoGrids(writeResources('{"type":'))).toThrow(/demo grids .*grids\.geojson/);
  });
});
