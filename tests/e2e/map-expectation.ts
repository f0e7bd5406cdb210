// What a drawn wall map must show: the grid outlines in their level colours, the micro grids tinted by kind
// (from the renderer's own style).
import { GLOBE_BASE, KIND_FILL, LEVEL_LINE } from '../../renderer/src/wall/map-style.ts';
import type { MapExpectation } from './png-stats.ts';

// Measured at 1920×1080 (street ≈ 11 700, zone ≈ 5 700, small ≈ 10 000, micro ≈ 8 300 pixels): a margin of 3–4×.
const MIN_LINE_PIXELS = { street: 3000, zone: 1500, small: 2500, micro: 2000 } as const;

export const GRID_MAP: MapExpectation = {
  minColourBuckets: 8,
  minLumaStdDev: 8,
  colours: Object.fromEntries(
    Object.entries(LEVEL_LINE).map(([level, { color }]) => [`${level} outline`, { hex: color, minPixels: MIN_LINE_PIXELS[level as keyof typeof MIN_LINE_PIXELS] }]),
  ),
};

/** `over` at `alpha` on `under`, as #rrggbb. */
function mix(under: string, over: string, alpha: number): string {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [u, o] = [rgb(under), rgb(over)];
  return `#${u.map((c, i) => Math.round(c + (o[i]! - c) * alpha).toString(16).padStart(2, '0')).join('')}`;
}

// Monitor 0 of the daily layout at 1920 × 1080 shows about 200 000 street-front and 130 000 extended pixels.
const MIN_TINT_PIXELS = 40_000;

/** The tinted micro grids, exactly their colour over the globe (they are drawn opaque, mixed in advance). */
export const GRID_TINTS: MapExpectation['colours'] = Object.fromEntries(
  Object.entries(KIND_FILL).flatMap(([kind, tint]) => (tint ? [[`${kind} tint`, { hex: mix(GLOBE_BASE, tint.color, tint.alpha), minPixels: MIN_TINT_PIXELS, tolerance: 4 }]] : [])),
);
