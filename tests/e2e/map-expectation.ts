// What a drawn wall map must show: the grid outlines in their level colours (from the renderer's own style).
import { LEVEL_LINE } from '../../renderer/src/wall/map-style.ts';
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
