// Which micro grid a fix lies in, fast enough for a day of tracks (200 forces × 17,280 fixes): a uniform bucket
// grid over the grids' extent (cells of about 40 m for the demo street) knows, for each cell no edge passes
// through, its answer outright; other cells list the grids whose bounding box meets them, so a fix there is
// tested against one to four polygons instead of 125. Even-odd ray casting in degrees: inside a street of a few km the
// equirectangular distortion is an affine map, which changes no inside/outside answer. The half-open edge rule
// puts a fix on an edge two grids share in exactly one of them.
import { polygonsOf, type AreaGeometry } from '../geo/area.ts';

export interface LocatableGrid { id: string; geometry: AreaGeometry }

export interface GridLocator {
  /** The grids in the order given; `locate` answers an index into it. */
  readonly ids: readonly string[];
  /** Index of the grid containing the point, -1 outside every grid. */
  locate(lon: number, lat: number): number;
}

/** Cells per side for n grids: about 64 cells a grid, so most cells lie inside one grid. */
const cellsPerSide = (n: number) => Math.max(1, Math.ceil(8 * Math.sqrt(n)));

const UNSETTLED = -2;

export function createGridLocator(grids: readonly LocatableGrid[]): GridLocator {
  // Every ring's edges as x1, y1, x2, y2 (lon, lat), one array a grid; and the grid's bounding box.
  const edges = grids.map(({ geometry }) => {
    const list: number[] = [];
    for (const ring of polygonsOf(geometry).flat()) {
      for (let i = 0; i + 1 < ring.length; i++) list.push(ring[i]![0], ring[i]![1], ring[i + 1]![0], ring[i + 1]![1]);
    }
    return Float64Array.from(list);
  });
  const boxes = edges.map((e) => {
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < e.length; i += 2) {
      box[0] = Math.min(box[0]!, e[i]!);
      box[1] = Math.min(box[1]!, e[i + 1]!);
      box[2] = Math.max(box[2]!, e[i]!);
      box[3] = Math.max(box[3]!, e[i + 1]!);
    }
    return box as [number, number, number, number];
  });
  const west = Math.min(...boxes.map((b) => b[0]));
  const south = Math.min(...boxes.map((b) => b[1]));
  const east = Math.max(...boxes.map((b) => b[2]));
  const north = Math.max(...boxes.map((b) => b[3]));
  const side = cellsPerSide(grids.length);
  const cellW = (east - west) / side || 1;
  const cellH = (north - south) / side || 1;
  const clampCell = (v: number) => Math.min(side - 1, Math.max(0, Math.floor(v)));
  const cells: number[][] = Array.from({ length: side * side }, () => []);
  boxes.forEach(([w, s, e, n], g) => {
    for (let row = clampCell((s - south) / cellH); row <= clampCell((n - south) / cellH); row++) {
      for (let col = clampCell((w - west) / cellW); col <= clampCell((e - west) / cellW); col++) cells[row * side + col]!.push(g);
    }
  });

  const inside = (g: number, x: number, y: number) => {
    const e = edges[g]!;
    let odd = false;
    for (let i = 0; i < e.length; i += 4) {
      const y1 = e[i + 1]!;
      const y2 = e[i + 3]!;
      if (y1 > y !== y2 > y && x < ((e[i + 2]! - e[i]!) * (y - y1)) / (y2 - y1) + e[i]!) odd = !odd;
    }
    return odd;
  };

  // Cells an edge may pass through (its bounding box meets them) are tested point by point; every other cell
  // is inside the same grid (or none) throughout, so its centre answers for it.
  const edgy = new Uint8Array(side * side);
  for (const e of edges) {
    for (let i = 0; i < e.length; i += 4) {
      const [r0, r1] = [clampCell((Math.min(e[i + 1]!, e[i + 3]!) - south) / cellH), clampCell((Math.max(e[i + 1]!, e[i + 3]!) - south) / cellH)];
      const [c0, c1] = [clampCell((Math.min(e[i]!, e[i + 2]!) - west) / cellW), clampCell((Math.max(e[i]!, e[i + 2]!) - west) / cellW)];
      for (let row = r0; row <= r1; row++) for (let col = c0; col <= c1; col++) edgy[row * side + col] = 1;
    }
  }
  const test = (cell: number, lon: number, lat: number) => {
    const candidates = cells[cell]!;
    for (let c = 0; c < candidates.length; c++) {
      const g = candidates[c]!;
      const box = boxes[g]!;
      if (lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3] && inside(g, lon, lat)) return g;
    }
    return -1;
  };
  const settled = Int32Array.from({ length: side * side }, (_, cell) =>
    edgy[cell] ? UNSETTLED : test(cell, west + ((cell % side) + 0.5) * cellW, south + (Math.floor(cell / side) + 0.5) * cellH));

  return {
    ids: grids.map((g) => g.id),
    locate(lon, lat) {
      if (!(lon >= west && lon <= east && lat >= south && lat <= north)) return -1;
      const cell = clampCell((lat - south) / cellH) * side + clampCell((lon - west) / cellW);
      const known = settled[cell]!;
      return known === UNSETTLED ? test(cell, lon, lat) : known;
    },
  };
}
