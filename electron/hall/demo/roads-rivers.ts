// Roads and rivers of the demo street. Roads run along lattice lines — grid boundaries follow roads, as they do in
// the real street — on a smoothed copy of the lattice so they curve gently instead of zigzagging with the
// jitter. Rivers meander independently of the lattice, so they cross grids as real rivers do.
import type { RiverFeature, RoadClass, RoadFeature } from '../../common/geo/layer-schema.ts';
import { localProjection, type LonLat, type XY } from '../../common/geo/projection.ts';
import { pointInRing, type Ring } from '../../common/geo/ring.ts';
import type { Rng } from '../../common/prng.ts';
import { outlineRing, type DemoStreetModel } from './street-generator.ts';

interface RoadPlan {
  name: string;
  class: RoadClass;
  /** 'row': an east-west line of the lattice, 'col': a north-south one; `line` is its offset from the middle. */
  along: 'row' | 'col';
  line: number;
  /** Local roads only: the part of the line they take, in lattice steps from the middle. */
  span?: [number, number];
}

/** Names of real roads of 中山街道 and around it; the layout is made up. */
const ROADS: readonly RoadPlan[] = [
  { name: '荣乐东路', class: 'main', along: 'row', line: -10 },
  { name: '中山中路', class: 'main', along: 'row', line: 0 },
  { name: '乐都路', class: 'main', along: 'row', line: 10 },
  { name: '人民北路', class: 'main', along: 'col', line: 3 },
  { name: '谷阳北路', class: 'main', along: 'col', line: -7 },
  { name: '松汇中路', class: 'secondary', along: 'row', line: -5 },
  { name: '玉树路', class: 'secondary', along: 'row', line: 5 },
  { name: '西林北路', class: 'secondary', along: 'col', line: -14 },
  { name: '茸梅路', class: 'secondary', along: 'col', line: 11 },
  { name: '景德路', class: 'local', along: 'row', line: -8, span: [-6, 6] },
  { name: '长桥街', class: 'local', along: 'col', line: -2, span: [-9, 0] },
  { name: '普照路', class: 'local', along: 'row', line: 2, span: [-12, -1] },
  { name: '南门路', class: 'local', along: 'col', line: 7, span: [-13, -3] },
  { name: '仓桥路', class: 'local', along: 'row', line: -3, span: [4, 14] },
  { name: '菊园路', class: 'local', along: 'col', line: -10, span: [2, 12] },
  { name: '白云路', class: 'local', along: 'row', line: 8, span: [-10, 1] },
  { name: '文诚路', class: 'local', along: 'col', line: 0, span: [4, 13] },
];

export function buildRoads(model: DemoStreetModel): RoadFeature[] {
  const { lattice, street } = model;
  const width = lattice.cols + 1;
  const smooth = smoothLattice(lattice.points, lattice.cols, lattice.rows, 4);
  const streetRing = outlineRing(model.points, street.region.outline);
  const [midCol, midRow] = [Math.floor(lattice.cols / 2), Math.floor(lattice.rows / 2)];
  return ROADS.map((plan, i): RoadFeature => {
    const steps = plan.along === 'row' ? lattice.cols : lattice.rows;
    const line = Array.from({ length: steps + 1 }, (_, k) => {
      const [row, col] = plan.along === 'row' ? [midRow + plan.line, k] : [k, midCol + plan.line];
      return { k: k - (plan.along === 'row' ? midCol : midRow), p: smooth[row * width + col]! };
    });
    const within = plan.span ? line.filter(({ k }) => k >= plan.span![0] && k <= plan.span![1]) : line;
    const coordinates = insideRun(within.map(({ p }) => p), streetRing).map((p): [number, number] => [p[0], p[1]]);
    return {
      type: 'Feature',
      properties: { id: `R${String(i + 1).padStart(2, '0')}`, name: plan.name, class: plan.class },
      geometry: { type: 'LineString', coordinates },
    };
  });
}

/** The longest run of points inside the street, with one more point at each end so roads leave the street. */
function insideRun(points: readonly LonLat[], ring: Ring): LonLat[] {
  let best: [number, number] = [0, -1];
  let start = -1;
  points.forEach((p, i) => {
    if (pointInRing(p, ring) === 'outside') start = -1;
    else {
      if (start < 0) start = i;
      if (i - start > best[1] - best[0]) best = [start, i];
    }
  });
  return points.slice(Math.max(0, best[0] - 1), best[1] + 2);
}

/** Each point moved towards the mean of its lattice neighbours, `rounds` times; the border rows stay. */
function smoothLattice(points: readonly LonLat[], cols: number, rows: number, rounds: number): LonLat[] {
  let current = [...points];
  const width = cols + 1;
  for (let r = 0; r < rounds; r++) {
    const previous = current;
    current = previous.map((p, i) => {
      const [row, col] = [Math.floor(i / width), i % width];
      if (row === 0 || col === 0 || row === rows || col === cols) return p;
      const around = [i - 1, i + 1, i - width, i + width].map((j) => previous[j]!);
      return [
        round6((p[0] + around.reduce((s, q) => s + q[0], 0) / 4) / 2),
        round6((p[1] + around.reduce((s, q) => s + q[1], 0) / 4) / 2),
      ];
    });
  }
  return current;
}

interface RiverPlan {
  name: string;
  class: 'main' | 'branch';
  widthM: number;
  /** Where it starts: metres east/north of the street's middle, or a point part-way along an earlier river. */
  from: [number, number] | { river: number; at: number };
  to: [number, number];
  /** Meander amplitude, metres. */
  meanderM: number;
}

/** 通波塘 runs north-south through 松江's old town; the branches are real river names of 松江, placed freely. */
const RIVERS: readonly RiverPlan[] = [
  { name: '通波塘', class: 'main', widthM: 40, from: [-500, -2400], to: [-350, 2400], meanderM: 140 },
  { name: '古浦塘', class: 'branch', widthM: 25, from: { river: 0, at: 0.36 }, to: [2300, -900], meanderM: 90 },
  { name: '市河', class: 'branch', widthM: 15, from: { river: 0, at: 0.57 }, to: [2100, 500], meanderM: 60 },
  { name: '沈泾塘', class: 'branch', widthM: 15, from: { river: 1, at: 0.6 }, to: [1250, 1900], meanderM: 70 },
  { name: '西林塘', class: 'branch', widthM: 12, from: { river: 0, at: 0.73 }, to: [-2300, 1300], meanderM: 50 },
];

export function buildRivers(model: DemoStreetModel, rng: Rng): RiverFeature[] {
  const [lon, lat] = meanOf(outlineRing(model.points, model.street.region.outline));
  const proj = localProjection(lat, lon);
  const lines: XY[][] = [];
  for (const plan of RIVERS) {
    const from = Array.isArray(plan.from) ? plan.from : startOn(lines[plan.from.river]!, plan.from.at);
    const [dx, dy] = [plan.to[0] - from[0], plan.to[1] - from[1]];
    const length = Math.hypot(dx, dy);
    const [nx, ny] = [-dy / length, dx / length];
    const phase = rng.range(0, 2 * Math.PI);
    const wavelength = rng.range(900, 1400);
    const steps = Math.ceil(length / 60);
    // The meander fades in over the first 300 m, so a branch leaves its river where planned.
    lines.push(Array.from({ length: steps + 1 }, (_, k): XY => {
      const s = (k / steps) * length;
      const swing = plan.meanderM * Math.min(1, s / 300) * Math.sin((2 * Math.PI * s) / wavelength + phase);
      return [from[0] + (k / steps) * dx + swing * nx, from[1] + (k / steps) * dy + swing * ny];
    }));
  }
  return RIVERS.map((plan, i): RiverFeature => ({
    type: 'Feature',
    properties: { id: `H${i + 1}`, name: plan.name, class: plan.class, widthM: plan.widthM },
    geometry: {
      type: 'LineString',
      coordinates: lines[i]!.map((p): [number, number] => {
        const [plon, plat] = proj.toLonLat(p);
        return [round6(plon), round6(plat)];
      }),
    },
  }));
}

/** The vertex a fraction `at` of the way along a line. */
function startOn(line: readonly XY[], at: number): [number, number] {
  const [x, y] = line[Math.round(at * (line.length - 1))]!;
  return [x, y];
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function meanOf(ps: readonly LonLat[]): LonLat {
  return [ps.reduce((s, p) => s + p[0], 0) / ps.length, ps.reduce((s, p) => s + p[1], 0) / ps.length];
}
