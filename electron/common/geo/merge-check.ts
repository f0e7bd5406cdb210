// The S-2.3 merge check of the three partitions (S-2.2): city-operations grids (a hierarchy), police
// responsibility areas and comprehensive-governance grids. Pure: plain features in, a report out.
//
// What is checked, and how:
//   - self-intersections of every ring: exactly, edges that cross or run along each other (intersections.ts);
//     a ring merely touching itself at a point is accepted, as the import accepts it;
//   - a city-operations child outside its parent: exactly, any vertex farther than `toleranceM` outside; and by
//     area, any part of at least `minAreaM2` outside;
//   - gaps, overlaps, features outside the street, coverage and the S-2.2 mapping: by area on a grid of samples
//     (raster.ts), `resolutionM` apart (default: fine enough for ≈ 2 million samples over the whole extent, at
//     least 0.5 m — about 2.4 m for a 3.5 km street). Each gap or overlap is one connected patch of samples;
//     patches smaller than `minAreaM2` (default 100 m², or 20 samples if more) are taken as digitising noise.
// The street is the union of the city-operations roots. A gap of a city-operations level is a place inside a
// parent that has children but in none of them; of the other partitions, a place in the street in none of their
// features. The micro grids are the city-operations leaves; each must meet exactly one police area and one
// governance grid, where meeting means sharing at least `minAreaM2` (or half the micro grid, if it is smaller).
// Where three or more features of one partition overlap, a sample records only the first two of them.
import { distanceToBoundaryM, locateInArea, ringsOf, type AreaFeature } from './area.ts';
import { ringSelfIntersections } from './intersections.ts';
import { localProjection, type LonLat } from './projection.ts';
import { components, rasterise, representative, sampleGrid, scanShape, type LayerRaster } from './raster.ts';
import { interiorPoint } from './ring.ts';

export type PartitionName = 'cityOps' | 'police' | 'governance';
export type FindingKind = 'selfIntersection' | 'gap' | 'overlap' | 'outsideParent' | 'outsideStreet' | 'mapping';

export interface MergeFinding {
  kind: FindingKind;
  partition: PartitionName;
  /**
   * The grids concerned, ids sorted: selfIntersection, outsideStreet: the grid; gap: the grids around it;
   * overlap: the two grids; outsideParent: the child and its parent; mapping: the police areas or governance
   * grids the micro grid meets (none, or two and more).
   */
  gridIds: string[];
  /** mapping only: the micro grid. */
  microId: string | null;
  /** A place of the problem: in the gap, overlap or outside part, or in the micro grid's smallest part. */
  at: LonLat;
  areaM2: number | null;
  /** 中文 / English, naming the grids and the place. */
  message: string;
}

export interface CoverageLine {
  partition: PartitionName;
  /** cityOps: depth below the street (1 = zones); null for the other partitions. */
  depth: number | null;
  coveredM2: number;
  percent: number;
}

export interface MicroMapping {
  microId: string;
  police: string[];
  governance: string[];
}

export interface MergeReport {
  ok: boolean;
  resolutionM: number;
  minAreaM2: number;
  streetAreaM2: number;
  coverage: CoverageLine[];
  findings: MergeFinding[];
  mapping: MicroMapping[];
}

export interface MergeInput {
  cityOps: readonly AreaFeature[];
  police: readonly AreaFeature[];
  governance: readonly AreaFeature[];
}

export interface MergeOptions {
  resolutionM?: number;
  minAreaM2?: number;
  toleranceM?: number;
  maxSamples?: number;
}

const PARTITION_LABEL: Record<PartitionName, string> = { cityOps: '城运网格', police: '警务责任区', governance: '综治网格' };
const PARTITION_NOUN: Record<PartitionName, string> = { cityOps: 'city-operations grids', police: 'police areas', governance: 'governance grids' };

export function mergeCheck(input: MergeInput, options: MergeOptions = {}): MergeReport {
  const all = [...input.cityOps, ...input.police, ...input.governance];
  const [minLon, minLat, maxLon, maxLat] = extent(all);
  const proj = localProjection((minLat + maxLat) / 2, (minLon + maxLon) / 2);
  const [minX, minY] = proj.toXY([minLon, minLat]);
  const [maxX, maxY] = proj.toXY([maxLon, maxLat]);
  const res = options.resolutionM ?? Math.max(0.5, Math.sqrt(((maxX - minX) * (maxY - minY)) / (options.maxSamples ?? 2e6)));
  const grid = sampleGrid(proj, [minX, minY, maxX, maxY], res);
  const cellM2 = res * res;
  const minAreaM2 = options.minAreaM2 ?? Math.max(100, 20 * cellM2);
  const toleranceM = options.toleranceM ?? 1;
  const n = grid.cols * grid.rows;
  const findings: MergeFinding[] = [];
  const coverage: CoverageLine[] = [];
  const finding = (f: Omit<MergeFinding, 'gridIds' | 'microId'> & { gridIds: string[]; microId?: string }) =>
    findings.push({ ...f, gridIds: [...f.gridIds].sort(), microId: f.microId ?? null });

  for (const [partition, features] of Object.entries(input) as Array<[PartitionName, readonly AreaFeature[]]>) {
    for (const f of features) selfIntersections(partition, f, findings);
  }

  // City-operations levels by depth; the street (depth 0) is the reference for everything.
  const { depthOf, hasChildren } = hierarchy(input.cityOps);
  const levels: AreaFeature[][] = [];
  input.cityOps.forEach((f) => (levels[depthOf.get(f.properties.id)!] ??= []).push(f));
  const rasterOf = (features: readonly AreaFeature[]) => rasterise(grid, features.map((f) => scanShape(f.geometry, proj)));
  const streetRaster = rasterOf(levels[0] ?? []);
  const inStreet = (i: number) => streetRaster.count[i]! > 0;
  let streetSamples = 0;
  for (let i = 0; i < n; i++) if (inStreet(i)) streetSamples++;
  const leafOwner = new Int32Array(n).fill(-1);
  const leaves: AreaFeature[] = [];
  const markLeaves = (features: readonly AreaFeature[], raster: LayerRaster) => {
    const leafIndex = features.map((f) => (hasChildren.has(f.properties.id) ? -1 : leaves.push(f) - 1));
    for (let i = 0; i < n; i++) if (raster.first[i]! >= 0 && leafIndex[raster.first[i]!]! >= 0) leafOwner[i] = leafIndex[raster.first[i]!]!;
  };
  markLeaves(levels[0] ?? [], streetRaster);
  overlaps('cityOps', levels[0] ?? [], streetRaster);

  let parentLevel = levels[0] ?? [];
  let parentRaster = streetRaster;
  for (let depth = 1; depth < levels.length; depth++) {
    const features = levels[depth]!;
    const raster = rasterOf(features);
    const parentHasChildren = parentLevel.map((f) => hasChildren.has(f.properties.id));
    gaps('cityOps', features, raster, (i) => parentRaster.first[i]! >= 0 && parentHasChildren[parentRaster.first[i]!]!);
    overlaps('cityOps', features, raster);
    outsideParents(features, raster, parentLevel, parentRaster);
    coverage.push(coverageLine('cityOps', depth, raster));
    markLeaves(features, raster);
    [parentLevel, parentRaster] = [features, raster];
  }

  const mapping = new Map(leaves.map((leaf) => [leaf.properties.id, { microId: leaf.properties.id, police: [] as string[], governance: [] as string[] }]));
  for (const partition of ['police', 'governance'] as const) {
    const features = input[partition];
    if (features.length === 0) continue; // not imported yet: nothing to compare
    const raster = rasterOf(features);
    gaps(partition, features, raster, inStreet);
    overlaps(partition, features, raster);
    outsideStreet(partition, features, raster);
    coverage.push(coverageLine(partition, null, raster));
    mapMicros(partition, features, raster);
  }

  return {
    ok: findings.length === 0,
    resolutionM: res,
    minAreaM2,
    streetAreaM2: streetSamples * cellM2,
    coverage,
    findings,
    mapping: [...mapping.values()],
  };

  function coverageLine(partition: PartitionName, depth: number | null, raster: LayerRaster): CoverageLine {
    let covered = 0;
    for (let i = 0; i < n; i++) if (inStreet(i) && raster.count[i]! > 0) covered++;
    return { partition, depth, coveredM2: covered * cellM2, percent: streetSamples === 0 ? 0 : (100 * covered) / streetSamples };
  }

  function gaps(partition: PartitionName, features: readonly AreaFeature[], raster: LayerRaster, shouldCover: (i: number) => boolean) {
    const keys = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) if (raster.count[i] === 0 && shouldCover(i)) keys[i] = 0;
    for (const { samples } of components(grid, keys)) {
      const areaM2 = samples.length * cellM2;
      if (areaM2 < minAreaM2) continue;
      const around = new Set<string>();
      for (const i of samples) {
        for (const j of [i - 1, i + 1, i - grid.cols, i + grid.cols]) {
          if (j >= 0 && j < n && raster.first[j]! >= 0) around.add(features[raster.first[j]!]!.properties.id);
        }
      }
      const at = representative(grid, samples);
      const ids = [...around].sort();
      finding({
        kind: 'gap', partition, gridIds: ids, at, areaM2,
        message: `${PARTITION_LABEL[partition]}空隙约 ${Math.round(areaM2)} m²,位于 ${place(at)},相邻 ${ids.join('、') || '无'} / ` +
          `${partition} gap of about ${Math.round(areaM2)} m² at ${place(at)}, next to ${ids.join(', ') || 'nothing'}`,
      });
    }
  }

  function overlaps(partition: PartitionName, features: readonly AreaFeature[], raster: LayerRaster) {
    const keys = new Int32Array(n).fill(-1);
    const m = features.length;
    for (let i = 0; i < n; i++) {
      if (raster.count[i]! < 2) continue;
      const [a, b] = [raster.first[i]!, raster.second[i]!];
      keys[i] = Math.min(a, b) * m + Math.max(a, b);
    }
    // One finding per pair: total area, placed in its largest patch.
    const byPair = new Map<number, { areaM2: number; largest: Int32Array }>();
    for (const { key, samples } of components(grid, keys)) {
      const entry = byPair.get(key) ?? { areaM2: 0, largest: samples };
      entry.areaM2 += samples.length * cellM2;
      if (samples.length > entry.largest.length) entry.largest = samples;
      byPair.set(key, entry);
    }
    for (const [key, { areaM2, largest }] of byPair) {
      if (areaM2 < minAreaM2) continue;
      const [a, b] = [features[Math.floor(key / m)]!, features[key % m]!];
      const at = representative(grid, largest);
      finding({
        kind: 'overlap', partition, gridIds: [a.properties.id, b.properties.id], at, areaM2,
        message: `${PARTITION_LABEL[partition]} ${label(a)} 与 ${label(b)} 重叠约 ${Math.round(areaM2)} m²,位于 ${place(at)} / ` +
          `${partition} ${a.properties.id} and ${b.properties.id} overlap by about ${Math.round(areaM2)} m² at ${place(at)}`,
      });
    }
  }

  function outsideParents(children: readonly AreaFeature[], raster: LayerRaster, parents: readonly AreaFeature[], parentRaster: LayerRaster) {
    const parentIndex = new Map(parents.map((p, i) => [p.properties.id, i]));
    const outside: number[][] = children.map(() => []);
    for (let i = 0; i < n; i++) {
      const c = raster.first[i]!;
      if (c < 0) continue;
      const p = parentIndex.get(children[c]!.properties.parentId!);
      if (parentRaster.first[i] !== p && parentRaster.second[i] !== p) outside[c]!.push(i);
    }
    children.forEach((child, c) => {
      const parent = parents[parentIndex.get(child.properties.parentId!)!]!;
      let farthest: { at: LonLat; d: number } | null = null;
      for (const ring of ringsOf(child.geometry)) {
        for (const v of ring) {
          if (locateInArea(v, parent.geometry, toleranceM) !== 'outside') continue;
          const d = distanceToBoundaryM(v, parent.geometry);
          if (d > toleranceM && (!farthest || d > farthest.d)) farthest = { at: v, d };
        }
      }
      const areaM2 = outside[c]!.length * cellM2;
      if (areaM2 < minAreaM2 && !farthest) return;
      const at = farthest?.at ?? representative(grid, outside[c]!);
      finding({
        kind: 'outsideParent', partition: 'cityOps', gridIds: [child.properties.id, parent.properties.id], at, areaM2,
        message: `${label(child)} 超出上级网格 ${label(parent)} 约 ${Math.round(areaM2)} m²,位于 ${place(at)} / ` +
          `${child.properties.id} lies outside its parent ${parent.properties.id} by about ${Math.round(areaM2)} m² at ${place(at)}`,
      });
    });
  }

  function outsideStreet(partition: PartitionName, features: readonly AreaFeature[], raster: LayerRaster) {
    const outside: number[][] = features.map(() => []);
    for (let i = 0; i < n; i++) if (raster.first[i]! >= 0 && !inStreet(i)) outside[raster.first[i]!]!.push(i);
    features.forEach((f, k) => {
      const areaM2 = outside[k]!.length * cellM2;
      if (areaM2 < minAreaM2 || streetSamples === 0) return;
      const at = representative(grid, outside[k]!);
      finding({
        kind: 'outsideStreet', partition, gridIds: [f.properties.id], at, areaM2,
        message: `${PARTITION_LABEL[partition]} ${label(f)} 超出街道范围约 ${Math.round(areaM2)} m²,位于 ${place(at)} / ` +
          `${partition} ${f.properties.id} extends about ${Math.round(areaM2)} m² beyond the street at ${place(at)}`,
      });
    });
  }

  function mapMicros(partition: 'police' | 'governance', features: readonly AreaFeature[], raster: LayerRaster) {
    const t = features.length;
    const shared = new Map<number, number>();
    const microSamples = new Float64Array(leaves.length);
    for (let i = 0; i < n; i++) {
      const m = leafOwner[i]!;
      if (m < 0) continue;
      microSamples[m]!++;
      for (const f of [raster.first[i]!, raster.second[i]!]) if (f >= 0) shared.set(m * t + f, (shared.get(m * t + f) ?? 0) + 1);
    }
    const meets: number[][] = leaves.map(() => []);
    for (const [key, count] of shared) {
      const m = Math.floor(key / t);
      if (count * cellM2 >= Math.min(minAreaM2, (microSamples[m]! * cellM2) / 2)) meets[m]!.push(key % t);
    }
    leaves.forEach((micro, m) => {
      const ids = meets[m]!.map((f) => features[f]!.properties.id).sort();
      mapping.get(micro.properties.id)![partition] = ids;
      if (ids.length === 1) return;
      // The place: the micro grid's smallest part, or anywhere in it when it meets nothing.
      const smallest = meets[m]!.reduce((best, f) => ((shared.get(m * t + f) ?? 0) < (shared.get(m * t + best) ?? 0) ? f : best), meets[m]![0] ?? -1);
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        if (leafOwner[i] === m && (smallest < 0 || raster.first[i] === smallest || raster.second[i] === smallest)) samples.push(i);
      }
      const at = samples.length > 0 ? representative(grid, samples) : (interiorPoint(ringsOf(micro.geometry)[0]!) ?? ringsOf(micro.geometry)[0]![0]!);
      finding({
        kind: 'mapping', partition, gridIds: ids, microId: micro.properties.id, at, areaM2: null,
        message: ids.length === 0
          ? `微网格 ${label(micro)} 不属于任何${PARTITION_LABEL[partition]},位于 ${place(at)} / micro grid ${micro.properties.id} is in none of the ${PARTITION_NOUN[partition]}, at ${place(at)}`
          : `微网格 ${label(micro)} 同属 ${ids.length} 个${PARTITION_LABEL[partition]} ${ids.join('、')},位于 ${place(at)} / ` +
            `micro grid ${micro.properties.id} is split between ${PARTITION_NOUN[partition]} ${ids.join(', ')}, at ${place(at)}`,
      });
    });
  }
}

function selfIntersections(partition: PartitionName, f: AreaFeature, findings: MergeFinding[]) {
  ringsOf(f.geometry).forEach((ring, r) => {
    const found = ringSelfIntersections(ring).filter((x) => x.relation !== 'touch');
    if (found.length === 0) return;
    const at = found[0]!.at;
    findings.push({
      kind: 'selfIntersection', partition, gridIds: [f.properties.id], microId: null, at, areaM2: null,
      message: `${label(f)} 的第 ${r + 1} 个环自相交 ${found.length} 处,首处位于 ${place(at)} / ` +
        `ring ${r} of ${f.properties.id} intersects itself in ${found.length} place(s), first at ${place(at)}`,
    });
  });
}

/** Depth of every city-operations feature below its root; parents missing or in a cycle make a feature a root. */
function hierarchy(features: readonly AreaFeature[]) {
  const parentOf = new Map(features.map((f) => [f.properties.id, f.properties.parentId ?? null]));
  const hasChildren = new Set<string>();
  const depthOf = new Map<string, number>();
  for (const f of features) {
    const parent = f.properties.parentId;
    if (parent && parentOf.has(parent)) hasChildren.add(parent);
    let depth = 0;
    const seen = new Set([f.properties.id]);
    for (let at = parent; at && parentOf.has(at) && !seen.has(at); at = parentOf.get(at) ?? null) {
      seen.add(at);
      depth++;
    }
    depthOf.set(f.properties.id, depth);
  }
  return { depthOf, hasChildren };
}

function extent(features: readonly AreaFeature[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    for (const ring of ringsOf(f.geometry)) {
      for (const [lon, lat] of ring) {
        box[0] = Math.min(box[0], lon);
        box[1] = Math.min(box[1], lat);
        box[2] = Math.max(box[2], lon);
        box[3] = Math.max(box[3], lat);
      }
    }
  }
  return Number.isFinite(box[0]) ? box : [0, 0, 0, 0];
}

export const label = (f: AreaFeature) => `${f.properties.id}「${f.properties.name}」`;
export const place = ([lon, lat]: LonLat) => `${lon.toFixed(5)}, ${lat.toFixed(5)}`;

