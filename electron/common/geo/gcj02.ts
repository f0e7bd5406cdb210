// GCJ-02 (the obfuscated datum of Chinese web maps: AutoNavi/Amap, Aliyun DataV, Tencent) to and from WGS84.
// The forward transform is the well-known public one: a fixed polynomial-plus-sine offset on the Krasovsky 1940
// ellipsoid, applied only inside China's rough bounding box. It has no closed-form inverse, so the inverse
// iterates the forward transform until it reproduces the input to better than 1e-9° (about 0.1 mm).
import type { LonLat } from './projection.ts';

const KRASOVSKY_A = 6_378_245;
const KRASOVSKY_E2 = 0.006_693_421_622_965_943;
const RAD = Math.PI / 180;

/** Outside this box GCJ-02 equals WGS84 (the transform leaves the point alone). */
export function outsideChina([lon, lat]: LonLat): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let d = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  d += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  d += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  d += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return d;
}

function offsetLon(x: number, y: number): number {
  let d = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  d += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  d += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  d += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return d;
}

export function wgs84ToGcj02(p: LonLat): LonLat {
  if (outsideChina(p)) return p;
  const [lon, lat] = p;
  const x = lon - 105;
  const y = lat - 35;
  const sinLat = Math.sin(lat * RAD);
  const w = 1 - KRASOVSKY_E2 * sinLat * sinLat;
  const sqrtW = Math.sqrt(w);
  const dLat = (offsetLat(x, y) * 180) / (((KRASOVSKY_A * (1 - KRASOVSKY_E2)) / (w * sqrtW)) * Math.PI);
  const dLon = (offsetLon(x, y) * 180) / ((KRASOVSKY_A / sqrtW) * Math.cos(lat * RAD) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** Inverse of wgs84ToGcj02 by fixed-point iteration; the offset varies slowly, so a few rounds converge. */
export function gcj02ToWgs84(p: LonLat): LonLat {
  if (outsideChina(p)) return p;
  let guess: LonLat = p;
  for (let i = 0; i < 30; i++) {
    const [lon, lat] = wgs84ToGcj02(guess);
    const dLon = lon - p[0];
    const dLat = lat - p[1];
    guess = [guess[0] - dLon, guess[1] - dLat];
    if (Math.abs(dLon) < 1e-10 && Math.abs(dLat) < 1e-10) break;
  }
  return guess;
}
