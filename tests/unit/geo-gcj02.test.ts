// GCJ-02 ⇄ WGS84 (gcj02.ts): the inverse undoes the forward transform, outside China nothing moves, and around
// Shanghai the offset has its familiar size and direction (a few hundred metres, mostly east).
import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, outsideChina, wgs84ToGcj02 } from '../../electron/common/geo/gcj02.ts';
import { distanceM, type LonLat } from '../../electron/common/geo/projection.ts';

const SHANGHAI: LonLat[] = [[121.23, 31.0], [121.4737, 31.2304], [121.9, 31.6], [121.1, 30.7]];

describe('GCJ-02', () => {
  it('round-trips to well under 1 cm', () => {
    for (const p of [...SHANGHAI, [116.39, 39.91] as LonLat, [113.26, 23.13] as LonLat, [87.6, 43.8] as LonLat]) {
      expect(distanceM(gcj02ToWgs84(wgs84ToGcj02(p)), p), p.join()).toBeLessThan(0.01);
      expect(distanceM(wgs84ToGcj02(gcj02ToWgs84(p)), p), p.join()).toBeLessThan(0.01);
    }
  });

  it('leaves points outside China unchanged', () => {
    for (const p of [[2.35, 48.86], [-74.0, 40.7], [139.7, 35.7], [151.2, -33.9]] as LonLat[]) {
      expect(outsideChina(p)).toBe(true);
      expect(wgs84ToGcj02(p)).toEqual(p);
      expect(gcj02ToWgs84(p)).toEqual(p);
    }
  });

  it('shifts Shanghai by a few hundred metres, east and a little south', () => {
    for (const p of SHANGHAI) {
      const g = wgs84ToGcj02(p);
      expect(distanceM(g, p), p.join()).toBeGreaterThan(300);
      expect(distanceM(g, p), p.join()).toBeLessThan(700);
      expect(g[0]).toBeGreaterThan(p[0]);
      expect(g[1]).toBeLessThan(p[1]);
    }
  });
});
