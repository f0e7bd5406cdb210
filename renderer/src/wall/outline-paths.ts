// The grid outlines as the fewest lines that draw them. Neighbouring grids share their boundary, and a grid's
// boundary runs along its parent's where they meet: drawn ring by ring, most edges of the street would be drawn
// two to four times. Here each edge is drawn once, by the coarsest level it belongs to (whose line is the
// widest and lies on top), and the remaining edges of a level are chained into paths. A software renderer
// pays for every vertex of a wide line (Cesium widens each segment on the GPU), so this halves the outlines'
// cost on the demo street. Edges match only where their end points are the same numbers, as in a tiling;
// elsewhere nothing is merged and every ring is still drawn whole.
import type { Position } from '../../../electron/common/geo/grid-schema.ts';

const key = ([lon, lat]: Position) => `${lon},${lat}`;
const edgeKey = (a: Position, b: Position) => {
  const [ka, kb] = [key(a), key(b)];
  return ka < kb ? `${ka} ${kb}` : `${kb} ${ka}`;
};

/**
 * For levels given coarse to fine (each a list of closed rings), each level's paths: every edge of its rings
 * that no coarser level has, once. A level's paths assume the coarser levels are drawn with it.
 */
export function outlinePaths(levels: ReadonlyArray<ReadonlyArray<readonly Position[]>>): Position[][][] {
  const drawn = new Set<string>();
  return levels.map((rings) => {
    const edges: Array<[Position, Position]> = [];
    const own = new Set<string>();
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) {
        const [a, b] = [ring[i - 1]!, ring[i]!];
        const k = edgeKey(a, b);
        if (key(a) === key(b) || drawn.has(k) || own.has(k)) continue;
        own.add(k);
        edges.push([a, b]);
      }
    }
    for (const k of own) drawn.add(k);
    return chain(edges);
  });
}

/** Joins edges into paths: from a start, on along an unused edge at each point reached, until there is none. */
function chain(edges: ReadonlyArray<[Position, Position]>): Position[][] {
  const at = new Map<string, number[]>();
  edges.forEach(([a, b], i) => {
    for (const p of [key(a), key(b)]) {
      const list = at.get(p);
      if (list) list.push(i);
      else at.set(p, [i]);
    }
  });
  // A path starts at an end (an odd number of edges meet there) where it can, so an open run is one path, not two.
  const isEnd = (p: Position) => at.get(key(p))!.length % 2 === 1;
  const used = new Array<boolean>(edges.length).fill(false);
  const paths: Position[][] = [];
  const order = [...edges.keys()].sort((i, j) => Number(edges[j]!.some(isEnd)) - Number(edges[i]!.some(isEnd)));
  for (const first of order) {
    if (used[first]) continue;
    const [a, b] = edges[first]!;
    const path = [isEnd(a) || !isEnd(b) ? a : b];
    for (let next: number | undefined = first; next !== undefined; next = at.get(key(path.at(-1)!))!.find((i) => !used[i])) {
      used[next] = true;
      const [p, q] = edges[next]!;
      path.push(key(p) === key(path.at(-1)!) ? q : p);
    }
    paths.push(path);
  }
  return paths;
}
