// Area bookkeeping by sampling: the merge check (S-2.3) needs areas of unions, intersections and differences of
// many arbitrary polygons, which exact polygon clipping makes fragile. Instead every layer is scan-converted onto
// one grid of sample points in local metres: each sample records the first two features of the layer that
// contain it and how many do. A sample stands for res × res m², so an area of perimeter P is measured to within
// about P × res / 2 — and exactly 0 where features share identical vertices, because each edge is scanned in one
// canonical direction with half-open rules, so a sample on a shared edge falls in exactly one of its neighbours.
import type { AreaGeometry } from './area.ts';
import { polygonsOf } from './area.ts';
import type { LocalProjection, LonLat } from './projection.ts';

export interface SampleGrid {
  proj: LocalProjection;
  /** Position in metres of sample (0, 0); sample (col, row) lies at x0 + col·res, y0 + row·res. */
  x0: number;
  y0: number;
  res: number;
  cols: number;
  rows: number;
}

/** A feature's non-horizontal edges in grid metres, each as x1, y1, x2, y2 with y1 < y2. */
export interface ScanShape {
  edges: Float64Array;
  minY: number;
  maxY: number;
}

export interface LayerRaster {
  /** Index of the first / second feature containing each sample, -1 for none. */
  first: Int32Array;
  second: Int32Array;
  /** How many features contain each sample (saturating at 255). */
  count: Uint8Array;
}

/** A grid over [minX, maxX] × [minY, maxY] (metres); samples sit half a cell in from the edges. */
export function sampleGrid(proj: LocalProjection, [minX, minY, maxX, maxY]: readonly number[], res: number): SampleGrid {
  return {
    proj, res,
    x0: minX! + res / 2,
    y0: minY! + res / 2,
    cols: Math.max(1, Math.ceil((maxX! - minX!) / res)),
    rows: Math.max(1, Math.ceil((maxY! - minY!) / res)),
  };
}

export function scanShape(geometry: AreaGeometry, proj: LocalProjection): ScanShape {
  const edges: number[] = [];
  let minY = Infinity;
  let maxY = -Infinity;
  for (const ring of polygonsOf(geometry).flat()) {
    const xy = ring.map((p) => proj.toXY(p));
    for (let i = 0; i + 1 < xy.length; i++) {
      const [a, b] = [xy[i]!, xy[i + 1]!];
      if (a[1] === b[1]) continue;
      const [lo, hi] = a[1] < b[1] ? [a, b] : [b, a];
      edges.push(lo[0], lo[1], hi[0], hi[1]);
      minY = Math.min(minY, lo[1]);
      maxY = Math.max(maxY, hi[1]);
    }
  }
  return { edges: Float64Array.from(edges), minY, maxY };
}

/** Scan-converts the features of one layer (even-odd rule over all their rings). */
export function rasterise(grid: SampleGrid, shapes: readonly ScanShape[]): LayerRaster {
  const n = grid.cols * grid.rows;
  const raster: LayerRaster = { first: new Int32Array(n).fill(-1), second: new Int32Array(n).fill(-1), count: new Uint8Array(n) };
  shapes.forEach((shape, f) => {
    const { edges } = shape;
    const m = edges.length / 4;
    // Edges by lower end; an active list sweeps up the rows.
    const order = Array.from({ length: m }, (_, e) => e).sort((a, b) => edges[a * 4 + 1]! - edges[b * 4 + 1]!);
    let next = 0;
    let active: number[] = [];
    const r0 = Math.max(0, Math.ceil((shape.minY - grid.y0) / grid.res));
    const r1 = Math.min(grid.rows - 1, Math.floor((shape.maxY - grid.y0) / grid.res));
    const xs: number[] = [];
    for (let r = r0; r <= r1; r++) {
      const y = grid.y0 + r * grid.res;
      while (next < m && edges[order[next]! * 4 + 1]! <= y) active.push(order[next++]!);
      active = active.filter((e) => edges[e * 4 + 3]! > y);
      xs.length = 0;
      for (const e of active) {
        const [x1, y1, x2, y2] = [edges[e * 4]!, edges[e * 4 + 1]!, edges[e * 4 + 2]!, edges[e * 4 + 3]!];
        xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
      }
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const c0 = Math.max(0, Math.ceil((xs[k]! - grid.x0) / grid.res));
        const c1 = Math.min(grid.cols, Math.ceil((xs[k + 1]! - grid.x0) / grid.res));
        for (let c = c0, i = r * grid.cols + c0; c < c1; c++, i++) {
          if (raster.first[i] === -1) raster.first[i] = f;
          else if (raster.second[i] === -1) raster.second[i] = f;
          if (raster.count[i]! < 255) raster.count[i]!++;
        }
      }
    }
  });
  return raster;
}

export function sampleLonLat(grid: SampleGrid, i: number): LonLat {
  return grid.proj.toLonLat([grid.x0 + (i % grid.cols) * grid.res, grid.y0 + Math.floor(i / grid.cols) * grid.res]);
}

/** Connected (4-neighbour) runs of samples with the same key ≥ 0, each as its sample indices. */
export function components(grid: SampleGrid, keys: Int32Array): Array<{ key: number; samples: Int32Array }> {
  const { cols, rows } = grid;
  const seen = new Uint8Array(keys.length);
  const queue = new Int32Array(keys.length);
  const found: Array<{ key: number; samples: Int32Array }> = [];
  for (let start = 0; start < keys.length; start++) {
    const key = keys[start]!;
    if (key < 0 || seen[start]) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    seen[start] = 1;
    while (head < tail) {
      const i = queue[head++]!;
      const [c, r] = [i % cols, Math.floor(i / cols)];
      for (const j of [c > 0 ? i - 1 : -1, c < cols - 1 ? i + 1 : -1, r > 0 ? i - cols : -1, r < rows - 1 ? i + cols : -1]) {
        if (j >= 0 && !seen[j] && keys[j] === key) {
          seen[j] = 1;
          queue[tail++] = j;
        }
      }
    }
    found.push({ key, samples: queue.slice(0, tail) });
  }
  return found;
}

/** The sample nearest the centroid of a set of samples: a point that lies in the set, for messages and maps. */
export function representative(grid: SampleGrid, samples: ArrayLike<number>): LonLat {
  let sx = 0;
  let sy = 0;
  for (let k = 0; k < samples.length; k++) {
    sx += samples[k]! % grid.cols;
    sy += Math.floor(samples[k]! / grid.cols);
  }
  const [cx, cy] = [sx / samples.length, sy / samples.length];
  let best = samples[0]!;
  let bestD = Infinity;
  for (let k = 0; k < samples.length; k++) {
    const i = samples[k]!;
    const d = ((i % grid.cols) - cx) ** 2 + (Math.floor(i / grid.cols) - cy) ** 2;
    if (d < bestD) [best, bestD] = [i, d];
  }
  return sampleLonLat(grid, best);
}
