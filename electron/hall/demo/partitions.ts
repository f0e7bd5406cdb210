// The demo street's two other partitions (S-2.2): 3 police responsibility areas (警务责任区) of 中山派出所 and one
// comprehensive-governance grid (综治网格) per small grid. Both are unions of the same lattice cells as the
// city-operations grids, so they coincide with them — except for a few planted mismatches that the merge check
// (S-2.3) must find, recorded alongside as a machine-readable list:
//   1. a micro grid split between two police areas (part of it given to the neighbouring area);
//   2. a governance boundary cutting through a micro grid (part of it given to the neighbouring grid);
//   3. a sliver gap: one stretch of a governance grid's border pulled inwards;
//   4. a sliver overlap: one stretch of a governance grid's border pushed out into one micro grid of its
//      neighbour, which also leaves that micro grid in two governance grids.
import type { GovernanceGridFeature, PoliceAreaFeature } from '../../common/geo/layer-schema.ts';
import { ringSelfIntersections } from '../../common/geo/intersections.ts';
import { localProjection, type LonLat } from '../../common/geo/projection.ts';
import { ringArea } from '../../common/geo/ring.ts';
import { traceOutline } from './cell-regions.ts';
import { cellCornerIndices, cellNeighbours } from './lattice.ts';
import { outlineRing, type DemoStreetModel, type Grid } from './street-generator.ts';

export interface PlantedMismatch {
  kind: 'mapping' | 'gap' | 'overlap';
  partition: 'police' | 'governance';
  /** mapping: the two areas the micro grid lies in; gap: the grids on either side; overlap: the two grids. */
  gridIds: [string, string];
  /** mapping only. */
  microId?: string;
  /** Roughly where: inside the stray part, the gap or the overlap. */
  at: LonLat;
  /** gap and overlap: the sliver's area. */
  areaM2?: number;
  note: string;
}

export interface DemoPartitions {
  police: PoliceAreaFeature[];
  governance: GovernanceGridFeature[];
  planted: PlantedMismatch[];
}

const STATION = '中山派出所';
const POLICE_NAMES = ['北片警务责任区', '中片警务责任区', '南片警务责任区'];
/** How far a planted sliver moves a border, metres: well above digitising noise, well below a cell (95 m). */
const SLIVER_M = 12;
/** Longest stretch moved, in outline edges (≈ 95 m each), so the sliver stays small. */
const SLIVER_EDGES = 5;

export function buildDemoPartitions(model: DemoStreetModel): DemoPartitions {
  const { lattice, points, zones, smalls, micros } = model;
  const microOf = ownerOfCells(micros);
  const planted: PlantedMismatch[] = [];

  // Police areas are the three zones (南中北三个警务责任区, seed 000), but for one micro grid.
  const policeCells = zones.map((z) => new Set(z.region.cells));
  const policeIds = zones.map((_, i) => `P${i + 1}`);
  const policeSplit = giveAwayFront(model, policeCells, micros, new Set());
  planted.push({
    kind: 'mapping', partition: 'police', microId: policeSplit.micro.props.id,
    gridIds: sortedPair(policeIds[policeSplit.from]!, policeIds[policeSplit.to]!), at: policeSplit.at,
    note: '一个微网格跨两个警务责任区 / a micro grid split between two police areas',
  });
  const police = policeCells.map((cells, i): PoliceAreaFeature => ({
    type: 'Feature',
    properties: { id: policeIds[i]!, name: POLICE_NAMES[i]!, station: STATION },
    geometry: { type: 'Polygon', coordinates: [outlineRing(points, traceOutline(lattice, cells)!)] },
  }));

  const govCells = smalls.map((s) => new Set(s.region.cells));
  const govIds = smalls.map((_, i) => `G${String(i + 1).padStart(2, '0')}`);
  const used = new Set<number>();
  const govSplit = giveAwayFront(model, govCells, [...micros].reverse(), used);
  planted.push({
    kind: 'mapping', partition: 'governance', microId: govSplit.micro.props.id,
    gridIds: sortedPair(govIds[govSplit.from]!, govIds[govSplit.to]!), at: govSplit.at,
    note: '综治网格边界穿过微网格 / a governance boundary cuts through a micro grid',
  });
  const rings = govCells.map((cells) => ({ outline: traceOutline(lattice, cells)!, coords: null as null | Array<[number, number]> }));
  const govOf = new Map<number, number>();
  govCells.forEach((cells, g) => cells.forEach((c) => govOf.set(c, g)));

  const gap = moveStretch(model, rings.map((r) => r.outline), govOf, used, 'in', () => true);
  rings[gap.grid]!.coords = gap.ring;
  planted.push({
    kind: 'gap', partition: 'governance', gridIds: sortedPair(govIds[gap.grid]!, govIds[gap.neighbour]!), at: gap.at, areaM2: gap.areaM2,
    note: '综治网格之间的狭长空隙 / a sliver not covered by any governance grid',
  });
  const overlap = moveStretch(model, rings.map((r) => r.outline), govOf, used, 'out', (cells) => new Set(cells.map((c) => microOf.get(c))).size === 1);
  rings[overlap.grid]!.coords = overlap.ring;
  const pair = sortedPair(govIds[overlap.grid]!, govIds[overlap.neighbour]!);
  planted.push({
    kind: 'overlap', partition: 'governance', gridIds: pair, at: overlap.at, areaM2: overlap.areaM2,
    note: '两个综治网格重叠 / two governance grids overlap',
  });
  planted.push({
    kind: 'mapping', partition: 'governance', microId: micros[microOf.get(overlap.outsideCells[0]!)!]!.props.id, gridIds: pair, at: overlap.at,
    note: '上述重叠使该微网格同属两个综治网格 / the overlap puts this micro grid in two governance grids',
  });

  const governance = rings.map(({ outline, coords }, g): GovernanceGridFeature => ({
    type: 'Feature',
    properties: { id: govIds[g]!, name: `${smalls[g]!.props.name}综治网格`, unit: smalls[g]!.props.name },
    geometry: { type: 'Polygon', coordinates: [coords ?? outlineRing(points, outline)] },
  }));
  return { police, governance, planted };
}

function ownerOfCells(grids: readonly Grid[]): Map<number, number> {
  const owner = new Map<number, number>();
  grids.forEach((g, i) => g.region.cells.forEach((c) => owner.set(c, i)));
  return owner;
}

const sortedPair = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/**
 * Plants mismatch 1 or 2: the first micro grid (in the given order) with a "front" — its cells bordering another
 * area — that can move to that area while both areas stay simple rings. Mutates `areas`; marks both areas used.
 */
function giveAwayFront(model: DemoStreetModel, areas: Array<Set<number>>, order: readonly Grid[], used: Set<number>) {
  const { lattice, points } = model;
  const areaOf = (cell: number) => areas.findIndex((a) => a.has(cell));
  for (const micro of order) {
    const from = areaOf(micro.region.cells[0]!);
    if (used.has(from) || micro.region.cells.some((c) => areaOf(c) !== from)) continue;
    for (let to = 0; to < areas.length; to++) {
      if (to === from || used.has(to)) continue;
      const front = micro.region.cells.filter((c) => cellNeighbours(lattice, c).some((n) => areas[to]!.has(n)));
      if (front.length < 2 || front.length * 2 > micro.region.cells.length) continue;
      const shrunk = new Set([...areas[from]!].filter((c) => !front.includes(c)));
      const grown = new Set([...areas[to]!, ...front]);
      const outlines = [traceOutline(lattice, shrunk), traceOutline(lattice, grown)];
      if (outlines.some((o) => o === null || ringSelfIntersections(outlineRing(points, o)).length > 0)) continue;
      areas[from] = shrunk;
      areas[to] = grown;
      used.add(from).add(to);
      return { micro, from, to, at: meanPoint(front.flatMap((c) => cellCornerIndices(lattice, c).map((i) => points[i]!))) };
    }
  }
  throw new Error('demo street: no micro grid to split between two areas');
}

/**
 * Plants mismatch 3 or 4: moves the inner points of the longest stretch of one area's outline that borders a single
 * unused neighbour (and whose outside cells pass `accept`) by SLIVER_M metres, inwards or outwards. Returns the new
 * ring of that area; the neighbour keeps the old border, so a sliver opens or the two areas overlap.
 */
function moveStretch(
  model: DemoStreetModel, outlines: readonly number[][], areaOf: ReadonlyMap<number, number>, used: Set<number>,
  direction: 'in' | 'out', accept: (outsideCells: number[]) => boolean,
) {
  const { lattice, points } = model;
  // The cell to the right of each directed lattice side: the cell that has the reverse side counter-clockwise.
  const rightOf = new Map<string, number>();
  lattice.centres.forEach((_, cell) => {
    const corners = cellCornerIndices(lattice, cell);
    corners.forEach((a, k) => rightOf.set(`${corners[(k + 1) % 4]},${a}`, cell));
  });
  let best: { grid: number; neighbour: number; start: number; length: number; cells: number[] } | null = null;
  outlines.forEach((outline, grid) => {
    if (used.has(grid)) return;
    const n = outline.length;
    const outside = outline.map((a, i) => rightOf.get(`${a},${outline[(i + 1) % n]}`));
    const neighbourAt = outside.map((c) => (c === undefined ? -1 : (areaOf.get(c) ?? -1)));
    for (let start = 0; start < n; start++) {
      const neighbour = neighbourAt[start]!;
      if (neighbour < 0 || used.has(neighbour) || neighbourAt[(start + n - 1) % n] === neighbour) continue;
      let run = 0;
      while (run < n && neighbourAt[(start + run) % n] === neighbour) run++;
      // The middle of a long stretch, so the points at both ends stay where the neighbour has them.
      const length = Math.min(run, SLIVER_EDGES);
      const from = start + Math.floor((run - length) / 2);
      const cells = Array.from({ length }, (_, k) => outside[(from + k) % n]!);
      if (length >= 3 && (!best || length > best.length) && accept(cells)) best = { grid, neighbour, start: from % n, length, cells };
    }
  });
  if (!best) throw new Error(`demo street: no border stretch to move ${direction}`);
  const { grid, neighbour, start, length, cells } = best;
  const outline = outlines[grid]!;
  const n = outline.length;
  const proj = localProjection(points[outline[start]!]![1], points[outline[start]!]![0]);
  const xy = outline.map((i) => proj.toXY(points[i]!));
  const sign = direction === 'in' ? 1 : -1;
  const moved = new Map<number, [number, number]>();
  for (let k = 1; k < length; k++) {
    const i = (start + k) % n;
    const [prev, at, next] = [xy[(i + n - 1) % n]!, xy[i]!, xy[(i + 1) % n]!];
    // Left of a counter-clockwise ring is inside: the mean left normal of the two edges meeting here.
    const normal = [-(next[1] - prev[1]), next[0] - prev[0]];
    const len = Math.hypot(normal[0]!, normal[1]!);
    const [lon, lat] = proj.toLonLat([at[0] + (sign * SLIVER_M * normal[0]!) / len, at[1] + (sign * SLIVER_M * normal[1]!) / len]);
    moved.set(i, [round6(lon), round6(lat)]);
  }
  const ring = outline.map((p, i): [number, number] => moved.get(i) ?? [points[p]![0], points[p]![1]]);
  ring.push(ring[0]!);
  const original = Array.from({ length: length + 1 }, (_, k) => points[outline[(start + k) % n]!]!);
  const shifted = Array.from({ length: length - 1 }, (_, k) => moved.get((start + k + 1) % n)!);
  const sliver = [...original, ...shifted.reverse(), original[0]!];
  // The middle of the sliver: halfway between the old and new positions of the middle point(s).
  const middle = [Math.floor(length / 2), Math.ceil(length / 2)].map((k) => (start + k) % n);
  used.add(grid).add(neighbour);
  return {
    grid, neighbour, ring, outsideCells: cells,
    at: meanPoint(middle.flatMap((i) => [points[outline[i]!]!, moved.get(i)!])),
    areaM2: Math.round(ringArea(sliver)),
  };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function meanPoint(ps: readonly LonLat[]): LonLat {
  const lon = ps.reduce((s, p) => s + p[0], 0) / ps.length;
  const lat = ps.reduce((s, p) => s + p[1], 0) / ps.length;
  return [round6(lon), round6(lat)];
}
