// Diagonal hatching of a polygon as line segments: the pattern that says "uncovered" on the map besides its
// colour (UI guide: never colour alone). Lines at 45° every `spacingM` metres, clipped to the polygon by the
// even-odd rule over all its rings (holes stay clear). Pure: plain positions in, segments out.
import type { Position } from '../../../electron/common/geo/grid-schema.ts';

const METRES_PER_DEG = 111_320;

export type Segment = [Position, Position];

export function hatchSegments(rings: ReadonlyArray<readonly Position[]>, spacingM: number): Segment[] {
  const all = rings.flat();
  if (all.length === 0) return [];
  const lat0 = all.reduce((s, p) => s + p[1], 0) / all.length;
  const kx = METRES_PER_DEG * Math.cos((lat0 * Math.PI) / 180);
  // u runs along the hatch lines, v across them: a 45° rotation of local metres.
  const toUV = ([lon, lat]: Position): [number, number] => {
    const [x, y] = [lon * kx, lat * METRES_PER_DEG];
    return [(x + y) / Math.SQRT2, (y - x) / Math.SQRT2];
  };
  const toLonLat = (u: number, v: number): Position => [(u - v) / Math.SQRT2 / kx, (u + v) / Math.SQRT2 / METRES_PER_DEG];
  const edges = rings.flatMap((ring) => {
    const uv = ring.map(toUV);
    return uv.slice(1).map((b, i) => [uv[i]!, b] as const);
  });
  const vs = edges.flatMap(([a, b]) => [a[1], b[1]]);
  const segments: Segment[] = [];
  for (let v = Math.ceil(Math.min(...vs) / spacingM) * spacingM; v < Math.max(...vs); v += spacingM) {
    const us = edges.filter(([a, b]) => a[1] > v !== b[1] > v).map(([a, b]) => a[0] + ((v - a[1]) * (b[0] - a[0])) / (b[1] - a[1])).sort((p, q) => p - q);
    for (let i = 0; i + 1 < us.length; i += 2) segments.push([toLonLat(us[i]!, v), toLonLat(us[i + 1]!, v)]);
  }
  return segments;
}
