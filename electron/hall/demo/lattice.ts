// A jittered quad lattice: the cells every demo grid is made of. Each lattice point is perturbed once and
// rounded once, so neighbouring cells — and therefore neighbouring grids — share identical vertices.
import { localProjection, type LonLat, type XY } from '../../common/geo/projection.ts';
import type { Rng } from '../../common/prng.ts';

export interface LatticeOptions {
  centre: LonLat;
  cols: number;
  rows: number;
  spacingM: number;
  /** Counter-clockwise rotation of the lattice axes, radians. */
  rotation: number;
  /** Largest displacement of a point along each axis, as a fraction of the spacing; below 0.25 cells stay convex. */
  jitter: number;
  /** Amplitude in metres of a gentle large-scale bend, so long grid lines curve like roads. */
  bendM: number;
}

export interface Lattice {
  cols: number;
  rows: number;
  /** Lattice points, index row * (cols + 1) + col, in [lon, lat] rounded to 6 decimals. */
  points: LonLat[];
  /** Cell centres in metres east/north of the lattice centre, index row * cols + col. */
  centres: XY[];
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

export function buildLattice(o: LatticeOptions, rng: Rng): Lattice {
  const proj = localProjection(o.centre[1], o.centre[0]);
  const [cos, sin] = [Math.cos(o.rotation), Math.sin(o.rotation)];
  const bendPhase = [rng.range(0, 2 * Math.PI), rng.range(0, 2 * Math.PI)];
  const wavelength = o.spacingM * Math.max(o.cols, o.rows);
  const xy: XY[] = [];
  for (let row = 0; row <= o.rows; row++) {
    for (let col = 0; col <= o.cols; col++) {
      const u = (col - o.cols / 2 + rng.range(-o.jitter, o.jitter)) * o.spacingM;
      const v = (row - o.rows / 2 + rng.range(-o.jitter, o.jitter)) * o.spacingM;
      const x = u * cos - v * sin;
      const y = u * sin + v * cos;
      xy.push([
        x + o.bendM * Math.sin((2 * Math.PI * y) / wavelength + bendPhase[0]!),
        y + o.bendM * Math.sin((2 * Math.PI * x) / wavelength + bendPhase[1]!),
      ]);
    }
  }
  const centres: XY[] = [];
  for (let row = 0; row < o.rows; row++) {
    for (let col = 0; col < o.cols; col++) {
      const corners = cellCornerIndices({ cols: o.cols, rows: o.rows }, row * o.cols + col).map((i) => xy[i]!);
      centres.push([corners.reduce((s, p) => s + p[0], 0) / 4, corners.reduce((s, p) => s + p[1], 0) / 4]);
    }
  }
  const points = xy.map((p): LonLat => {
    const [lon, lat] = proj.toLonLat(p);
    return [round6(lon), round6(lat)];
  });
  return { cols: o.cols, rows: o.rows, points, centres };
}

type Shape = Pick<Lattice, 'cols' | 'rows'>;

/** Corner point indices of a cell, counter-clockwise from its lower-left corner. */
export function cellCornerIndices({ cols }: Shape, cell: number): [number, number, number, number] {
  const row = Math.floor(cell / cols);
  const col = cell % cols;
  const ll = row * (cols + 1) + col;
  return [ll, ll + 1, ll + cols + 2, ll + cols + 1];
}

/**
 * The cell across each side, in the same order as the sides run between cellCornerIndices (south, east,
 * north, west); -1 off the lattice.
 */
export function cellNeighbours({ cols, rows }: Shape, cell: number): [number, number, number, number] {
  const row = Math.floor(cell / cols);
  const col = cell % cols;
  return [
    row > 0 ? cell - cols : -1,
    col < cols - 1 ? cell + 1 : -1,
    row < rows - 1 ? cell + cols : -1,
    col > 0 ? cell - 1 : -1,
  ];
}
