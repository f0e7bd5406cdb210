// How the wall's sizes follow its monitor. The UI guide's sizes (body 24 px, titles 32 px, figures 72–120 px,
// nothing under 20 px) are for a 55" monitor at 1920 × 1080. A wall monitor keeps its inches whatever its
// resolution: at 1280 × 720 its pixels are bigger, at 3840 × 2160 smaller. So text keeps its size in the hall:
// every size is written in design pixels (a pixel of the 1080p monitor) and drawn at
//   unit = min(width / 1920, height / 1080) CSS px
// (the smaller ratio, so a monitor of another shape still holds the whole panel), and text never drops below
// 16 CSS px however small the unit: a Chinese character needs about 16 pixels for its strokes to stay apart
// (the 16 × 16 dot-matrix hanzi). wall.css states the same rule as `--u` and `--text-floor` (app.css).
import { useSyncExternalStore } from 'react';

export const DESIGN_WIDTH = 1920;
export const DESIGN_HEIGHT = 1080;
export const TEXT_FLOOR_PX = 16;

/** CSS px per design pixel on a window of this size. */
export const wallUnit = (width: number, height: number): number => Math.min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT);

/** A length given in design pixels, in CSS px. */
export const designPx = (design: number, unit: number): number => design * unit;

/** A font size given in design pixels, in CSS px: scaled, never under the legibility floor. */
export const textPx = (design: number, unit: number): number => Math.max(design * unit, TEXT_FLOOR_PX);

const subscribe = (changed: () => void) => {
  window.addEventListener('resize', changed);
  return () => window.removeEventListener('resize', changed);
};
const currentUnit = () => wallUnit(window.innerWidth, window.innerHeight);

/** This window's unit, following resizes (a kiosk window takes its monitor's size, which may change on hot-plug). */
export function useWallUnit(): number {
  return useSyncExternalStore(subscribe, currentUnit);
}
