// The grid outlines the wall draws (renderer/src/wall/outline-paths.ts): every edge of every grid drawn exactly
// once, by the coarsest level that has it, in as few paths as the edges allow.
import { describe, expect, it } from 'vitest';
import type { GridLevel, Position } from '../../electron/common/geo/grid-schema.ts';
import { generateDemoStreet } from '../../electron/hall/demo/street-generator.ts';
import { outlinePaths } from '../../renderer/src/wall/outline-paths.ts';

const edgeKey = ([a, b]: [Position, Position]) => [a.join(','), b.join(',')].sort().join(' ');
const edgesOf = (lines: ReadonlyArray<readonly Position[]>) => lines.flatMap((line) => line.slice(1).map((p, i): [Position, Position] => [line[i]!, p]));
const square = (x: number, y: number): Position[] => [[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]];

describe('outlinePaths', () => {
  it('draws a lone ring as one closed path', () => {
    const [[path]] = outlinePaths([[square(0, 0)]]) as [[Position[]]];
    expect(path).toHaveLength(5);
    expect(path[0]).toEqual(path.at(-1));
    expect(new Set(edgesOf([path]).map(edgeKey))).toEqual(new Set(edgesOf([square(0, 0)]).map(edgeKey)));
  });

  it('draws the edge two neighbours share once', () => {
    const [paths] = outlinePaths([[square(0, 0), square(1, 0)]]);
    const edges = edgesOf(paths!).map(edgeKey);
    expect(edges).toHaveLength(7);
    expect(new Set(edges).size).toBe(7);
    expect(edges).toContain(edgeKey([[1, 0], [1, 1]]));
  });

  it('leaves to a coarser level the edges it draws', () => {
    // The parent's ring runs through its children's corners, as in a tiling.
    const parent: Position[] = [[0, 0], [1, 0], [2, 0], [2, 1], [1, 1], [0, 1], [0, 0]];
    const [parentPaths, childPaths] = outlinePaths([[parent], [square(0, 0), square(1, 0)]]);
    expect(edgesOf(parentPaths!)).toHaveLength(6);
    expect(childPaths!.map((path) => edgesOf([path]).map(edgeKey))).toEqual([[edgeKey([[1, 0], [1, 1]])]]);
  });

  it('chains the edges left over into paths that run from end to end', () => {
    // Four squares in a parent whose ring runs through their outer corners: left over is a cross of four edges.
    const parent: Position[] = [[0, 0], [1, 0], [2, 0], [2, 1], [2, 2], [1, 2], [0, 2], [0, 1], [0, 0]];
    const [, cross] = outlinePaths([[parent], [square(0, 0), square(1, 0), square(0, 1), square(1, 1)]]);
    expect(cross!.map((path) => path.length)).toEqual([3, 3]);
    expect(new Set(edgesOf(cross!).map(edgeKey))).toEqual(new Set([
      edgeKey([[1, 0], [1, 1]]), edgeKey([[1, 1], [1, 2]]), edgeKey([[0, 1], [1, 1]]), edgeKey([[1, 1], [2, 1]]),
    ]));
  });

  it('merges nothing where positions differ, however slightly', () => {
    const nudged = square(1, 0).map(([x, y]) => [x + 1e-12, y] as Position);
    const [paths] = outlinePaths([[square(0, 0), nudged]]);
    expect(edgesOf(paths!)).toHaveLength(8);
  });

  it('draws the demo street with each edge once and at most half the ring vertices', () => {
    const grids = generateDemoStreet().features;
    const levels: GridLevel[] = ['street', 'zone', 'small', 'micro'];
    const rings = levels.map((level) => grids.filter((g) => g.properties.level === level).flatMap((g) => g.geometry.coordinates));
    const paths = outlinePaths(rings);
    const drawn = paths.map((p) => edgesOf(p).map(edgeKey));
    const all = drawn.flat();
    expect(new Set(all).size, 'no edge drawn twice').toBe(all.length);
    levels.forEach((level, i) => {
      // A level is shown with every coarser one: together they draw each of its edges.
      const shown = new Set(drawn.slice(0, i + 1).flat());
      const missing = edgesOf(rings[i]!).map(edgeKey).filter((e) => !shown.has(e));
      expect(missing, `${level} edges drawn by no level shown with it`).toEqual([]);
    });
    const vertices = (lines: ReadonlyArray<readonly Position[]>) => lines.reduce((n, line) => n + line.length, 0);
    expect(vertices(paths.flat())).toBeLessThanOrEqual(vertices(rings.flat()) / 2);
  });
});
