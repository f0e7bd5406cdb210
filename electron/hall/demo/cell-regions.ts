// Regions made of lattice cells: splitting a region into contiguous parts, and tracing a region's outline.
import { cellCornerIndices, cellNeighbours, type Lattice } from './lattice.ts';
import type { Rng } from '../../common/prng.ts';

type Shape = Pick<Lattice, 'cols' | 'rows'>;

export interface Region {
  /** Cell indices, ascending. */
  cells: number[];
  /** Lattice point indices of the outline, counter-clockwise, not repeating the first. */
  outline: number[];
}

/**
 * The outline of a set of cells, or null unless the set is one piece without holes and without two cells that
 * meet only at a corner — that is, unless the outline is a single simple ring. Cells run counter-clockwise, so
 * the sides with no neighbour in the set chain into the counter-clockwise outline.
 */
export function traceOutline(shape: Shape, cells: ReadonlySet<number>): number[] | null {
  const next = new Map<number, number>();
  for (const cell of [...cells].sort((a, b) => a - b)) {
    const corners = cellCornerIndices(shape, cell);
    const across = cellNeighbours(shape, cell);
    for (let side = 0; side < 4; side++) {
      if (cells.has(across[side]!)) continue;
      const from = corners[side]!;
      if (next.has(from)) return null; // two outline sides leave one point: cells meet only at this corner
      next.set(from, corners[(side + 1) % 4]!);
    }
  }
  const start = Math.min(...next.keys());
  if (!Number.isFinite(start)) return null;
  const ring = [start];
  for (let at = next.get(start); at !== start; at = next.get(at)) {
    if (at === undefined) return null;
    ring.push(at);
  }
  // Sides left over belong to a second ring: another piece, or a hole.
  return ring.length === next.size ? ring : null;
}

/** Seeds far apart from each other: each one at random among the cells farthest from the seeds so far. */
export function spreadSeeds(shape: Shape, region: readonly number[], count: number, rng: Rng): number[] {
  const inRegion = new Set(region);
  const seeds = [region[rng.int(region.length)]!];
  while (seeds.length < count) {
    const distance = hopsFrom(shape, inRegion, seeds);
    const far = Math.max(...distance.values());
    const candidates = region.filter((cell) => distance.get(cell)! >= Math.ceil(far * 0.75));
    seeds.push(candidates[rng.int(candidates.length)]!);
  }
  return seeds;
}

/** Cell-to-cell steps from the nearest source, for every cell of the region. */
function hopsFrom(shape: Shape, region: ReadonlySet<number>, sources: readonly number[]): Map<number, number> {
  const distance = new Map(sources.map((s) => [s, 0]));
  const queue = [...sources];
  for (let i = 0; i < queue.length; i++) {
    const cell = queue[i]!;
    for (const n of cellNeighbours(shape, cell)) {
      if (!region.has(n) || distance.has(n)) continue;
      distance.set(n, distance.get(cell)! + 1);
      queue.push(n);
    }
  }
  return distance;
}

/**
 * Splits a connected region into parts grown from the seeds, one cell at a time, each part roughly in
 * proportion to its weight. A part prefers cells that share several sides with it, which keeps parts compact.
 * Null when a part ends up with holes, pinches or less than half its share: the caller retries with new seeds.
 */
export function growParts(shape: Shape, region: readonly number[], seeds: readonly number[], weights: readonly number[], rng: Rng): Region[] | null {
  const inRegion = new Set(region);
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const targets = weights.map((w) => (w / totalWeight) * region.length);
  const owner = new Map<number, number>();
  const members: number[][] = seeds.map(() => []);
  const frontier: Set<number>[] = seeds.map(() => new Set());
  const claim = (cell: number, part: number) => {
    owner.set(cell, part);
    members[part]!.push(cell);
    for (const f of frontier) f.delete(cell);
    for (const n of cellNeighbours(shape, cell)) if (inRegion.has(n) && !owner.has(n)) frontier[part]!.add(n);
  };
  if (new Set(seeds).size !== seeds.length) return null;
  seeds.forEach(claim);

  while (owner.size < region.length) {
    let part = -1;
    for (let p = 0; p < seeds.length; p++) {
      if (frontier[p]!.size === 0) continue;
      if (part < 0 || members[p]!.length / targets[p]! < members[part]!.length / targets[part]!) part = p;
    }
    if (part < 0) return null; // the region is not connected
    const candidates = [...frontier[part]!];
    const weightOf = candidates.map((c) => 5 ** (cellNeighbours(shape, c).filter((n) => owner.get(n) === part).length - 1));
    let pick = rng.range(0, weightOf.reduce((s, w) => s + w, 0));
    let chosen = 0;
    while (chosen < candidates.length - 1 && (pick -= weightOf[chosen]!) >= 0) chosen++;
    claim(candidates[chosen]!, part);
  }

  const parts: Region[] = [];
  for (let p = 0; p < seeds.length; p++) {
    const cells = members[p]!.sort((a, b) => a - b);
    const outline = cells.length >= targets[p]! / 2 ? traceOutline(shape, new Set(cells)) : null;
    if (!outline) return null;
    parts.push({ cells, outline });
  }
  return parts;
}
