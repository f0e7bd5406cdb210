// The demo street (S-2.5), grid hierarchy part: 中山街道 in 松江 with the S-2.1 numbers — 1 street, 3 zones
// (南中北三个片区), 26 small grids (4 片区公司 + 22 居委) and 125 micro grids — deterministic for a seed.
// Every grid is a union of cells of one jittered lattice and is split top-down into contiguous parts, so
// children tile their parent exactly and neighbours share identical vertices. Finally the outlines' staircases
// are rounded off by moving shared points, which keeps them shared.
import type { GridFeature, GridFeatureCollection, GridKind, GridProperties } from '../../common/geo/grid-schema.ts';
import type { LonLat } from '../../common/geo/projection.ts';
import { growParts, spreadSeeds, traceOutline, type Region } from './cell-regions.ts';
import { buildLattice, cellNeighbours, type Lattice } from './lattice.ts';
import { createRng, type Rng } from '../../common/prng.ts';
import { smoothOutlines } from './smooth-outlines.ts';

export const DEFAULT_SEED = 20261123;

/** Roughly where 中山街道 lies; 310117004 is its administrative code. */
const CENTRE: LonLat = [121.23, 31.0];
const STREET = { id: 'ST-ZS', name: '中山街道', level: 'street', parentId: null, code: '310117004' } as const;
/** Semi-axes of the street's rough ellipse, east-west and north-south (about 3.5 km × 3 km). */
const HALF_WIDTH_M = 1750;
const HALF_HEIGHT_M = 1500;
const CELL_M = 95;
const MICRO_COUNT = 125;

interface CompanyPlan {
  name: string;
  kind: GridKind;
}

/** Zones north to south, as in the seed plan: 北片 商务区, 中片 功能区和工业区, 南片 府城. */
const ZONES: ReadonlyArray<{ name: string; companies: CompanyPlan[]; committees: number }> = [
  { name: '北片区', companies: [{ name: '商务区片区公司', kind: 'streetfront' }], committees: 7 },
  {
    name: '中片区',
    companies: [{ name: '工业区片区公司', kind: 'extended' }, { name: '功能区片区公司', kind: 'extended' }],
    committees: 6,
  },
  { name: '南片区', companies: [{ name: '府城片区公司', kind: 'streetfront' }], committees: 9 },
];

const COMMITTEES = [
  '谷阳居委', '乐都居委', '茸梅居委', '松汇居委', '荣乐居委', '中山苑居委', '蓝天居委', '白云居委', '景德居委', '菊园居委', '玉树居委',
  '长桥居委', '新凯居委', '金沙居委', '茸平居委', '梅园居委', '文诚居委', '民乐居委', '仓桥居委', '南门居委', '西林居委', '华亭居委',
];

/** An area company covers more ground than a residential committee, in fewer and larger micro grids. */
const COMPANY_AREA_WEIGHT = 2;
const COMPANY_MICRO_DENSITY = 0.6;

/** A grid as the generator builds it: lattice cells and outline, and its properties. */
export interface Grid {
  region: Region;
  props: GridProperties;
}

/** Everything the other demo layers are built from: the lattice, the final (smoothed) points and every grid. */
export interface DemoStreetModel {
  lattice: Lattice;
  /** Final positions of the lattice points, after smoothing; every feature's vertices come from here. */
  points: LonLat[];
  street: Grid;
  zones: Grid[];
  smalls: Grid[];
  micros: Grid[];
}

export function generateDemoStreet(seed = DEFAULT_SEED): GridFeatureCollection {
  const { points, street, zones, smalls, micros } = buildDemoStreet(seed);
  const grids: Grid[] = [street, ...zones, ...smalls, ...micros];
  return { type: 'FeatureCollection', features: grids.map((grid) => gridFeature(points, grid)) };
}

export function buildDemoStreet(seed = DEFAULT_SEED): DemoStreetModel {
  const rng = createRng(seed);
  const lattice = buildLattice(
    {
      centre: CENTRE,
      // 49 × 95 m ≈ 4.7 km square: covers the wobbly ellipse (at most ≈ 2.1 km from the centre) at any rotation.
      cols: 49,
      rows: 49,
      spacingM: CELL_M,
      rotation: rng.range(0.15, 0.35),
      jitter: 0.2,
      bendM: 70,
    },
    rng,
  );
  const street = retry('shape the street', () => streetRegion(lattice, rng));
  const zones: Grid[] = [];
  const smalls: Array<Grid & { microWeight: number }> = [];
  const micros: Grid[] = [];

  const zoneWeights = ZONES.map((z) => z.companies.length * COMPANY_AREA_WEIGHT + z.committees);
  const zoneRegions = retry('split the zones', () => growParts(lattice, street.cells, zoneSeeds(lattice, street, rng), zoneWeights, rng));
  const committeeNames = [...COMMITTEES];
  zoneRegions.forEach((zoneRegion, z) => {
    const plan = ZONES[z]!;
    const zone = { id: `Z${z + 1}`, name: plan.name, level: 'zone', parentId: STREET.id, code: `${STREET.code}-${z + 1}` } as const;
    zones.push({ region: zoneRegion, props: zone });
    const count = plan.companies.length + plan.committees;
    const weights = Array.from({ length: count }, (_, i) => (i < plan.companies.length ? COMPANY_AREA_WEIGHT : 1) * rng.range(0.75, 1.25));
    const parts = retry(`split ${plan.name}`, () =>
      growParts(lattice, zoneRegion.cells, spreadSeeds(lattice, zoneRegion.cells, count, rng), weights, rng),
    );
    // Companies are the first parts grown; numbering and committee names then run north to south.
    const units = parts.map((region, i) => ({ region, company: plan.companies[i] }));
    northToSouth(lattice, units, (u) => u.region).forEach(({ region, company }, i) => {
      smalls.push({
        region,
        microWeight: region.cells.length * (company ? COMPANY_MICRO_DENSITY : 1),
        props: {
          id: `S${String(smalls.length + 1).padStart(2, '0')}`,
          name: company?.name ?? committeeNames.shift()!,
          level: 'small',
          parentId: zone.id,
          kind: company?.kind ?? 'residential',
          unit: company ? 'company' : 'committee',
          code: `${zone.code}-${String(i + 1).padStart(2, '0')}`,
        },
      });
    });
  });

  const microCounts = apportion(MICRO_COUNT, smalls.map((s) => s.microWeight), 3);
  smalls.forEach(({ region, props }, s) => {
    const count = microCounts[s]!;
    const weights = Array.from({ length: count }, () => rng.range(0.7, 1.3));
    const parts = retry(`split ${props.name}`, () =>
      growParts(lattice, region.cells, spreadSeeds(lattice, region.cells, count, rng), weights, rng),
    );
    northToSouth(lattice, parts, (p) => p).forEach((part, i) => {
      micros.push({
        region: part,
        props: {
          id: `M${String(micros.length + 1).padStart(3, '0')}`,
          name: `${props.name}第${i + 1}微网格`,
          level: 'micro',
          parentId: props.id,
          kind: microKind(props.kind!, rng),
          code: `${props.code}-${String(i + 1).padStart(2, '0')}`,
        },
      });
    });
  });

  // Every outline runs along micro grid outlines, so smoothing those smooths all levels alike.
  const points = smoothOutlines(lattice.points, micros.map((m) => m.region.outline), 2, 0.5);
  return { lattice, points, street: { region: street, props: STREET }, zones, smalls, micros };
}

/** The street: lattice cells inside a wobbly ellipse, smoothed so its outline is one simple ring. */
function streetRegion(lattice: Lattice, rng: Rng): Region | null {
  const wobble = [2, 3, 4, 5].map((k) => ({ k, amplitude: rng.range(0, 0.08), phase: rng.range(0, 2 * Math.PI) }));
  const cells = new Set<number>();
  lattice.centres.forEach(([x, y], cell) => {
    const [u, v] = [x / HALF_WIDTH_M, y / HALF_HEIGHT_M];
    const theta = Math.atan2(v, u);
    const radius = 1 + wobble.reduce((s, w) => s + w.amplitude * Math.sin(w.k * theta + w.phase), 0);
    if (Math.hypot(u, v) <= radius) cells.add(cell);
  });
  // Fill notches and drop spurs: a cell with three or four neighbours inside joins, one with at most one leaves.
  for (let changed = true; changed; ) {
    changed = false;
    lattice.centres.forEach((_, cell) => {
      const inside = cellNeighbours(lattice, cell).filter((n) => cells.has(n)).length;
      const belongs = cells.has(cell) ? inside >= 2 : inside >= 3;
      if (belongs === cells.has(cell)) return;
      if (belongs) cells.add(cell);
      else cells.delete(cell);
      changed = true;
    });
  }
  const outline = traceOutline(lattice, cells);
  return outline ? { cells: [...cells].sort((a, b) => a - b), outline } : null;
}

/** One seed per zone, on the street's north-south axis from north to south, each nudged at random. */
function zoneSeeds(lattice: Lattice, street: Region, rng: Rng): number[] {
  return ZONES.map((_, z) => {
    const target = [rng.range(-300, 300), HALF_HEIGHT_M * (2 / 3) * (1 - z) + rng.range(-200, 200)];
    let best = street.cells[0]!;
    let bestDistance = Infinity;
    for (const cell of street.cells) {
      const [x, y] = lattice.centres[cell]!;
      const distance = Math.hypot(x - target[0]!, y - target[1]!);
      if (distance < bestDistance) [best, bestDistance] = [cell, distance];
    }
    return best;
  });
}

/** Most micro grids have their parent's kind; some of a committee's are street fronts or schools and parks. */
function microKind(parent: GridKind, rng: Rng): GridKind {
  const r = rng.next();
  if (parent === 'residential') return r < 0.12 ? 'streetfront' : r < 0.2 ? 'extended' : 'residential';
  return r < 0.2 ? (parent === 'extended' ? 'streetfront' : 'extended') : parent;
}

/** Items sorted by the mean latitude of their region's cells, northernmost first (a stable reading order). */
function northToSouth<T>(lattice: Lattice, items: readonly T[], regionOf: (item: T) => Region): T[] {
  const northing = (item: T) => {
    const { cells } = regionOf(item);
    return cells.reduce((s, c) => s + lattice.centres[c]![1], 0) / cells.length;
  };
  return items.map((item) => ({ item, y: northing(item) })).sort((a, b) => b.y - a.y).map(({ item }) => item);
}

/** Splits `total` into integers of at least `min`, the rest in proportion to the weights (largest remainder). */
export function apportion(total: number, weights: readonly number[], min: number): number[] {
  const spare = total - min * weights.length;
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (w / sum) * spare);
  const counts = exact.map((e) => min + Math.floor(e));
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  const missing = total - counts.reduce((s, c) => s + c, 0);
  for (let k = 0; k < missing; k++) counts[byRemainder[k]!.i]!++;
  return counts;
}

function retry<T>(what: string, attempt: () => T | null, tries = 200): T {
  for (let i = 0; i < tries; i++) {
    const result = attempt();
    if (result !== null) return result;
  }
  throw new Error(`demo street: could not ${what} in ${tries} tries`);
}

/** The closed GeoJSON ring of lattice point indices. */
export function outlineRing(points: readonly LonLat[], outline: readonly number[]): Array<[number, number]> {
  return [...outline, outline[0]!].map((i): [number, number] => [points[i]![0], points[i]![1]]);
}

function gridFeature(points: readonly LonLat[], { region, props }: Grid): GridFeature {
  return { type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [outlineRing(points, region.outline)] } };
}
