// The uncovered-grid hatching (renderer/src/wall/hatch-lines.ts): parallel 45° lines at the spacing asked,
// clipped to the polygon, none across a hole.
import { describe, expect, it } from 'vitest';
import { locateInArea } from '../../electron/common/geo/area.ts';
import type { Position } from '../../electron/common/geo/grid-schema.ts';
import { hatchSegments } from '../../renderer/src/wall/hatch-lines.ts';

const M = 1 / 111_320;
const LAT = 31;
const KX = 1 / Math.cos((LAT * Math.PI) / 180);
/** A square `side` metres wide with its south-west corner at (121, 31), in lon/lat. */
const square = (x0: number, y0: number, side: number): Position[] =>
  [[x0, y0], [x0 + side, y0], [x0 + side, y0 + side], [x0, y0 + side], [x0, y0]].map(([x, y]) => [121 + x! * M * KX, LAT + y! * M]);
const metres = ([a, b]: [Position, Position]) => Math.hypot((b[0] - a[0]) / (M * KX), (b[1] - a[1]) / M);

describe('hatch lines', () => {
  it('hatch a square with 45° lines the given distance apart, inside it', () => {
    const ring = square(0, 0, 100);
    const segments = hatchSegments([ring], 20);
    // Across the diagonal (141 m) every 20 m: 7 lines; their lengths add up to area / spacing = 500 m.
    expect(segments).toHaveLength(7);
    expect(segments.reduce((s, seg) => s + metres(seg), 0)).toBeCloseTo(500, -1);
    for (const [a, b] of segments) {
      expect(Math.abs((b[1] - a[1]) / M) - Math.abs((b[0] - a[0]) / (M * KX)), '45°').toBeCloseTo(0, 3);
      const mid: Position = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      expect(locateInArea(mid, { type: 'Polygon', coordinates: [ring as Array<[number, number]>] })).toBe('inside');
    }
  });

  it('leaves a hole clear', () => {
    const outer = square(0, 0, 100);
    const hole = square(30, 30, 40);
    const geometry = { type: 'Polygon' as const, coordinates: [outer, hole] as Array<Array<[number, number]>> };
    const segments = hatchSegments([outer, hole], 10);
    for (const [a, b] of segments) {
      for (const t of [0.1, 0.5, 0.9]) expect(locateInArea([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])], geometry)).not.toBe('outside');
    }
    expect(segments.reduce((s, seg) => s + metres(seg), 0)).toBeCloseTo((100 * 100 - 40 * 40) / 10, -1);
  });

  it('draws nothing for nothing', () => {
    expect(hatchSegments([], 10)).toEqual([]);
  });
});
