// The merge check (S-2.2, S-2.3) on the demo street: it finds exactly the mismatches the generator planted
// between the partitions — named with the right grids, near the planted place — and nothing else; clean
// partitions pass with full coverage. Also how long the whole check takes for 155 grids, 3 police areas and 26
// governance grids.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AreaFeature } from '../../electron/common/geo/area.ts';
import { mergeCheck, type MergeReport } from '../../electron/common/geo/merge-check.ts';
import { bbox, distanceM } from '../../electron/common/geo/projection.ts';
import { PLANTED_MISMATCHES_FILE, loadDemoLayers } from '../../electron/hall/demo/demo-layers.ts';
import { loadDemoGrids } from '../../electron/hall/demo/demo-street.ts';
import type { PlantedMismatch } from '../../electron/hall/demo/partitions.ts';

const RESOURCES = resolve(import.meta.dirname, '../../resources');
const grids = loadDemoGrids(RESOURCES).features;
const layers = loadDemoLayers(RESOURCES);
const { planted } = JSON.parse(readFileSync(join(RESOURCES, PLANTED_MISMATCHES_FILE), 'utf8')) as { planted: PlantedMismatch[] };
const level = (l: string) => grids.filter((g) => g.properties.level === l);
/** A grid level standing in for another partition: the same shapes, no parents. */
const asPartition = (features: readonly AreaFeature[]): AreaFeature[] =>
  features.map((f) => ({ properties: { id: f.properties.id, name: f.properties.name }, geometry: f.geometry }));

// Its time is not asserted here (a loaded machine would fail it): speed belongs in `npm run bench`.
const report: MergeReport = mergeCheck({ cityOps: grids, police: layers.police.features, governance: layers.governance.features });

describe('merge check on the demo street', () => {
  it('finds exactly the planted mismatches, named with their grids', () => {
    const key = (f: { kind: string; partition: string; gridIds: string[]; microId?: string | null }) =>
      `${f.kind} ${f.partition} ${f.gridIds.join('+')} ${f.microId ?? ''}`;
    expect(report.findings.map(key).sort()).toEqual(planted.map(key).sort());
    expect(planted.map((p) => p.kind).sort()).toEqual(['gap', 'mapping', 'mapping', 'mapping', 'overlap']);
  });

  it('places each finding near the planted place, and measures slivers near their planted area', () => {
    for (const p of planted) {
      const found = report.findings.find((f) => f.kind === p.kind && f.gridIds.join() === p.gridIds.join() && (f.microId ?? undefined) === p.microId)!;
      expect(distanceM(found.at, p.at), found.message).toBeLessThan(150);
      if (p.areaM2 !== undefined) expect(found.areaM2! / p.areaM2, found.message).toBeCloseTo(1, 0);
      expect(found.message).toContain(p.gridIds[0]);
      if (p.microId) expect(found.message).toContain(p.microId);
    }
  });

  it('reports the city-operations levels fully covering the street and police coverage at 100 %', () => {
    expect(report.coverage.filter((c) => c.partition !== 'governance').map((c) => c.percent)).toEqual([100, 100, 100, 100]);
    const governance = report.coverage.find((c) => c.partition === 'governance')!;
    const gap = planted.find((p) => p.kind === 'gap')!.areaM2!;
    expect(report.streetAreaM2 - governance.coveredM2).toBeGreaterThan(gap * 0.7);
    expect(report.streetAreaM2 - governance.coveredM2).toBeLessThan(gap * 1.3);
  });

  it('maps every other micro grid to exactly one police area and one governance grid', () => {
    expect(report.mapping).toHaveLength(125);
    const odd = new Set(planted.flatMap((p) => (p.microId ? [`${p.partition} ${p.microId}`] : [])));
    for (const m of report.mapping) {
      if (!odd.has(`police ${m.microId}`)) expect(m.police, m.microId).toHaveLength(1);
      if (!odd.has(`governance ${m.microId}`)) expect(m.governance, m.microId).toHaveLength(1);
    }
  });
});

describe('merge check on clean and broken partitions', () => {
  it('passes when police areas are the zones and governance grids the small grids', () => {
    const clean = mergeCheck({ cityOps: grids, police: asPartition(level('zone')), governance: asPartition(level('small')) });
    expect(clean.findings).toEqual([]);
    expect(clean.ok).toBe(true);
    for (const c of clean.coverage) expect(c.percent).toBeCloseTo(100, 6);
    const micro = (id: string) => grids.find((g) => g.properties.id === id)!.properties;
    for (const m of clean.mapping) {
      expect(m.governance).toEqual([micro(m.microId).parentId]);
      expect(m.police).toEqual([grids.find((g) => g.properties.id === micro(m.microId).parentId)!.properties.parentId]);
    }
  });

  it('reports micro grids in no governance grid, and a police area reaching beyond the street', () => {
    const [w, s, e, n] = bbox(grids[0]!.geometry.coordinates[0]!);
    const square: AreaFeature = {
      properties: { id: 'P-ALL', name: '全域责任区' },
      geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
    };
    const missing = level('small')[0]!;
    const result = mergeCheck(
      { cityOps: grids, police: [square], governance: asPartition(level('small').filter((g) => g !== missing)) },
      { resolutionM: 5 },
    );
    const micros = level('micro').filter((g) => g.properties.parentId === missing.properties.id).map((g) => g.properties.id);
    expect(result.findings.filter((f) => f.kind === 'mapping').map((f) => [f.microId, f.gridIds])).toEqual(micros.map((id) => [id, []]));
    expect(result.findings.filter((f) => f.kind === 'mapping')[0]!.message).toMatch(/不属于任何综治网格.* \/ .*is in none of the governance grids/);
    expect(result.findings.filter((f) => f.kind === 'gap').map((f) => f.partition)).toEqual(['governance']);
    expect(result.findings.filter((f) => f.kind === 'outsideStreet').map((f) => f.gridIds)).toEqual([['P-ALL']]);
    expect(result.findings).toHaveLength(micros.length + 2);
  });

  it('reports a grid whose ring crosses itself', () => {
    const broken = structuredClone(grids);
    const ring = broken.find((g) => g.properties.id === 'M040')!.geometry.coordinates[0]!;
    const across = Math.floor(ring.length / 2);
    [ring[1], ring[across]] = [ring[across]!, ring[1]!]; // a bow-tie
    const result = mergeCheck({ cityOps: broken, police: [], governance: [] }, { resolutionM: 5 });
    const self = result.findings.filter((f) => f.kind === 'selfIntersection');
    expect(self.map((f) => f.gridIds)).toEqual([['M040']]);
    expect(self[0]!.message).toMatch(/M040「.*」 的第 1 个环自相交/);
  });
});
