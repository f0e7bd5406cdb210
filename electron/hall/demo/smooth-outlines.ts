// Rounds off the staircases that cell-made outlines have. Only points where exactly two outline edges meet
// move, each towards the middle of its two neighbours along the outline; junctions of three or more grids stay
// put. A moved point is still one shared point, so neighbouring grids keep identical vertices.
import type { LonLat } from '../../common/geo/projection.ts';

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** New positions for all points (unused ones unchanged), after `rounds` steps of `factor` (0–0.5). */
export function smoothOutlines(points: readonly LonLat[], outlines: readonly number[][], rounds: number, factor: number): LonLat[] {
  const neighbours = new Map<number, Set<number>>();
  const link = (a: number, b: number) => {
    if (!neighbours.has(a)) neighbours.set(a, new Set());
    neighbours.get(a)!.add(b);
  };
  for (const outline of outlines) {
    outline.forEach((a, i) => {
      const b = outline[(i + 1) % outline.length]!;
      link(a, b);
      link(b, a);
    });
  }
  let current = [...points];
  for (let round = 0; round < rounds; round++) {
    const previous = current;
    current = [...previous];
    for (const [point, around] of neighbours) {
      if (around.size !== 2) continue;
      const [a, b] = [...around].map((i) => previous[i]!);
      const [lon, lat] = previous[point]!;
      current[point] = [
        round6(lon + factor * ((a![0] + b![0]) / 2 - lon)),
        round6(lat + factor * ((a![1] + b![1]) / 2 - lat)),
      ];
    }
  }
  return current;
}
