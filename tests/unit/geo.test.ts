// Hand-computed figures for the small geometry the grid checks rely on.
import { describe, expect, it } from 'vitest';
import { ringSelfIntersections, segmentIntersection } from '../../electron/common/geo/intersections.ts';
import { bbox, distanceM, EARTH_RADIUS_M, localProjection, type LonLat } from '../../electron/common/geo/projection.ts';
import {
  interiorPoint, isCounterClockwise, pointInRing, ringArea, ringCentroid, ringSignedArea, type Ring,
} from '../../electron/common/geo/ring.ts';

/** Metres per degree of latitude: 6 371 008.8 m × π / 180. */
const M_PER_DEG = 111_195.08;
const close = (ring: LonLat[]): Ring => [...ring, ring[0]!];
/** A ring of planar unit squares scaled to 0.001° at the equator, where 1 unit ≈ 111.195 m in both axes. */
const units = (ring: Array<[number, number]>): Ring => close(ring.map(([x, y]): LonLat => [x / 1000, y / 1000]));

describe('projection', () => {
  it('measures a degree of latitude, and a degree of longitude at 60°N', () => {
    expect((EARTH_RADIUS_M * Math.PI) / 180).toBeCloseTo(M_PER_DEG, 1);
    expect(distanceM([121, 31], [121, 32])).toBeCloseTo(M_PER_DEG, 1);
    expect(distanceM([10, 60], [11, 60])).toBeCloseTo(M_PER_DEG / 2, 0);
  });

  it('round-trips through local metres', () => {
    const proj = localProjection(31, 121.23);
    const [x, y] = proj.toXY([121.24, 31.01]);
    expect(y).toBeCloseTo(1111.95, 1); // 0.01 × 111 195.08
    expect(x).toBeCloseTo(1111.95 * Math.cos((31 * Math.PI) / 180), 1); // 953.1 m
    const [lon, lat] = proj.toLonLat([x, y]);
    expect(lon).toBeCloseTo(121.24, 12);
    expect(lat).toBeCloseTo(31.01, 12);
  });

  it('bounds points', () => {
    expect(bbox([[121.2, 31.1], [121.3, 30.9], [121.25, 31]])).toEqual([121.2, 30.9, 121.3, 31.1]);
  });
});

describe('ring area and orientation', () => {
  it('gives a 0.001° square at 60°N half the area it has at the equator', () => {
    const side = M_PER_DEG / 1000; // 111.195 m
    expect(ringArea(units([[0, 0], [1, 0], [1, 1], [0, 1]]))).toBeCloseTo(side * side, 0); // 12 364.3 m²
    const north: Ring = close([[0, 59.9995], [0.001, 59.9995], [0.001, 60.0005], [0, 60.0005]]);
    expect(ringArea(north)).toBeCloseTo((side * side) / 2, 0); // 6 182.2 m²
  });

  it('signs the area by orientation: counter-clockwise positive (RFC 7946 outer rings)', () => {
    const ccw = units([[0, 0], [2, 0], [0, 1]]); // right triangle, legs 222.39 m and 111.19 m: 12 364.3 m²
    const cw = [...ccw].reverse();
    expect(ringSignedArea(ccw)).toBeCloseTo(12_364.3, 0);
    expect(ringSignedArea(cw)).toBeCloseTo(-12_364.3, 0);
    expect(isCounterClockwise(ccw)).toBe(true);
    expect(isCounterClockwise(cw)).toBe(false);
  });

  it('adds up the areas of pieces to the area of their union under one reference latitude', () => {
    const left: Ring = close([[121.22, 31], [121.23, 31], [121.23, 31.01], [121.22, 31.01]]);
    const right: Ring = close([[121.23, 31], [121.24, 31], [121.24, 31.01], [121.23, 31.01]]);
    const both: Ring = close([[121.22, 31], [121.24, 31], [121.24, 31.01], [121.22, 31.01]]);
    expect(ringArea(left, 31.005) + ringArea(right, 31.005)).toBeCloseTo(ringArea(both, 31.005), 3);
  });
});

describe('centroid and interior point', () => {
  it('finds the centroid of an L of three unit squares at (5/6, 5/6)', () => {
    const [lon, lat] = ringCentroid(units([[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2]]));
    expect(lon).toBeCloseTo(5 / 6000, 9);
    expect(lat).toBeCloseTo(5 / 6000, 9);
  });

  it('finds a point inside a U whose centroid lies in the gap', () => {
    const u = units([[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3]]);
    expect(pointInRing(ringCentroid(u), u)).toBe('outside'); // centroid (1.5, 1.2) is in the notch
    expect(pointInRing(interiorPoint(u)!, u)).toBe('inside');
  });
});

describe('pointInRing', () => {
  const square = units([[0, 0], [1, 0], [1, 1], [0, 1]]);
  const diamond = units([[0, -1], [1, 0], [0, 1], [-1, 0]]);

  it('tells inside, outside and boundary', () => {
    expect(pointInRing([0.0005, 0.0005], square)).toBe('inside');
    expect(pointInRing([0.002, 0.0005], square)).toBe('outside');
    expect(pointInRing([0.0005, 0], square)).toBe('boundary'); // on an edge
    expect(pointInRing([0.001, 0.001], square)).toBe('boundary'); // on a vertex
  });

  it('counts contact within the tolerance as boundary', () => {
    const cm = 0.01 / M_PER_DEG; // one centimetre in degrees
    expect(pointInRing([0.0005, -cm / 2], square)).toBe('boundary');
    expect(pointInRing([0.0005, -100 * cm], square)).toBe('outside');
    expect(pointInRing([0.0005, -100 * cm], square, 2)).toBe('boundary'); // within 2 m
  });

  it('is not fooled by a ray through vertices', () => {
    expect(pointInRing([0, 0], diamond)).toBe('inside'); // the ray meets vertex (1, 0)
    expect(pointInRing([-0.002, 0], diamond)).toBe('outside'); // the ray meets both side vertices
  });

  it('handles a concave ring', () => {
    const u = units([[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3]]);
    expect(pointInRing([0.0015, 0.002], u)).toBe('outside'); // in the notch
    expect(pointInRing([0.0025, 0.002], u)).toBe('inside'); // in the right arm
  });
});

describe('segmentIntersection', () => {
  const p = (x: number, y: number): LonLat => [x / 1000, y / 1000];

  it('tells a proper crossing from touching', () => {
    expect(segmentIntersection(p(0, 0), p(2, 2), p(0, 2), p(2, 0))).toBe('cross');
    expect(segmentIntersection(p(0, 0), p(2, 0), p(1, 0), p(1, 2))).toBe('touch'); // T: endpoint on the other
    expect(segmentIntersection(p(0, 0), p(1, 0), p(1, 0), p(1, 1))).toBe('touch'); // shared endpoint
    expect(segmentIntersection(p(0, 0), p(1, 0), p(1, 0), p(2, 0))).toBe('touch'); // collinear, end to end
  });

  it('finds collinear overlaps and misses', () => {
    expect(segmentIntersection(p(0, 0), p(2, 0), p(1, 0), p(3, 0))).toBe('overlap');
    expect(segmentIntersection(p(0, 0), p(2, 0), p(0, 0), p(2, 0))).toBe('overlap'); // a shared edge
    expect(segmentIntersection(p(0, 0), p(2, 0), p(0, 1), p(2, 1))).toBe('disjoint'); // parallel
    expect(segmentIntersection(p(0, 0), p(2, 0), p(3, -1), p(3, 1))).toBe('disjoint'); // would cross if longer
  });

  it('applies the tolerance in metres', () => {
    const mm5 = 0.005 / M_PER_DEG;
    const m5 = 5 / M_PER_DEG;
    expect(segmentIntersection(p(0, 0), p(2, 0), [0.001, mm5], p(1, 2))).toBe('touch');
    expect(segmentIntersection(p(0, 0), p(2, 0), [0.001, m5], p(1, 2))).toBe('disjoint');
    expect(segmentIntersection(p(0, 0), p(2, 0), [0.001, m5], p(1, 2), 10)).toBe('touch');
  });
});

describe('ringSelfIntersections', () => {
  it('accepts simple rings', () => {
    expect(ringSelfIntersections(units([[0, 0], [1, 0], [1, 1], [0, 1]]))).toEqual([]);
    expect(ringSelfIntersections(units([[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3]]))).toEqual([]);
  });

  it('finds a bow tie crossing at its middle', () => {
    const found = ringSelfIntersections(units([[0, 0], [2, 0], [0, 2], [2, 2]]));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ edgeA: 1, edgeB: 3, relation: 'cross' });
    expect(found[0]!.at[0]).toBeCloseTo(0.001, 9);
    expect(found[0]!.at[1]).toBeCloseTo(0.001, 9);
  });

  it('finds a ring that touches itself, folds back, or repeats a vertex', () => {
    // Two triangles joined at (1, 1): edges 1 and 2 meet non-adjacent edges 4 and 5 there.
    const figureEight = ringSelfIntersections(units([[0, 0], [1, 1], [2, 0], [2, 2], [1, 1], [0, 2]]));
    expect(figureEight.length).toBeGreaterThan(0);
    expect(figureEight.every((f) => f.relation === 'touch')).toBe(true);
    const spike = ringSelfIntersections(units([[0, 0], [2, 0], [2, 1], [2, 3], [2, 2], [0, 2]]));
    expect(spike.some((f) => f.relation === 'overlap')).toBe(true);
    const repeated = ringSelfIntersections(units([[0, 0], [1, 0], [1, 0], [1, 1], [0, 1]]));
    expect(repeated).toContainEqual(expect.objectContaining({ edgeA: 1, edgeB: 1 }));
  });
});
