// The map's colour language, in one place for the layers, the legend and the end-to-end pixel checks.
// Levels differ in colour and width (thin, lighter toward the street); fills only tint the kind of micro grid.
// Red, yellow, orange and blue stay free for their hall-wide meanings (urgency, SLA, response levels);
// magenta is kept for merge mismatches alone, hatched purple areas for grids no patrol covered today.
import type { GridKind, GridLevel } from '../../../electron/common/geo/grid-schema.ts';

export const MAP_BACKGROUND = '#03060d';
export const GLOBE_BASE = '#0a1424';

export const LEVEL_LINE: Readonly<Record<GridLevel, { color: string; widthPx: number }>> = {
  street: { color: '#f1f5f9', widthPx: 4 },
  zone: { color: '#22d3ee', widthPx: 3 },
  small: { color: '#34d399', widthPx: 2 },
  micro: { color: '#64748b', widthPx: 1 },
};

/**
 * The micro grids that are not residential (two in three of the demo street's are) are tinted by kind; the
 * residential ones keep the plain ground. The exceptions stand out, and a software renderer draws a third of
 * the area it would for tinting all three kinds (a fill costs about as much per pixel as the globe under it).
 */
export const KIND_FILL: Readonly<Record<GridKind, { color: string; alpha: number } | null>> = {
  residential: null,
  streetfront: { color: '#134e4a', alpha: 0.35 },
  extended: { color: '#3f3f46', alpha: 0.35 },
};

/** The other two partitions of S-2.2, each drawn instead of the city-operations levels when chosen. */
export const PARTITION_LINE = {
  police: { color: '#a5b4fc', widthPx: 3 },
  governance: { color: '#5eead4', widthPx: 2 },
} as const;

export const MISMATCH = { color: '#ff2bd6', widthPx: 4, dashPx: 16 } as const;

export const ROAD_LINE = { main: { color: '#475569', widthPx: 4 }, secondary: { color: '#3b4658', widthPx: 3 }, local: { color: '#2b3444', widthPx: 2 } } as const;
export const RIVER = { color: '#1d4e89', alpha: 0.9 } as const;

/** Case points: the fill says where the case is in its life, a red ring says urgent. */
export const CASE_POINT: Readonly<Record<'urgent' | 'general', { color: string; pixelSize: number }>> = {
  urgent: { color: '#ef4444', pixelSize: 20 },
  general: { color: '#e2e8f0', pixelSize: 14 },
};
export const CASE_STAGE_FILL = { waiting: '#f8fafc', working: '#67e8f9', finishing: '#94a3b8' } as const;
export const CLUSTER = { fill: '#0e7490', outline: '#a5f3fc', urgentOutline: '#ef4444' } as const;

/** Forces as arrows, one colour a department (no red, yellow, orange or blue: those mean something else): the
 *  joint desks' own, then the site's other departments from a palette of the same kind. */
const DEPARTMENT_COLOR: Readonly<Record<string, string>> = {
  command: '#f8fafc',
  police: '#a78bfa',
  urban: '#2dd4bf',
  market: '#a3e635',
  other: '#cbd5e1',
};
const MORE_COLORS = ['#f0abfc', '#5eead4', '#d9f99d', '#c4b5fd', '#99f6e4', '#e879f9', '#bef264', '#a5b4fc'];

export function departmentColor(id: string): string {
  const known = DEPARTMENT_COLOR[id];
  if (known) return known;
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return MORE_COLORS[hash % MORE_COLORS.length]!;
}

/** Heat by micro grid: from the base navy to bright cyan as cases gather; height says the same. */
export const HEAT = { low: '#155e75', high: '#e0f2fe', metresPerCase: 60, maxMetres: 900 } as const;

/** Micro grids no patrol covered today (S-3.4): a deep purple ground, hatched in light purple so the pattern
 *  says it too (UI guide: never colour alone), over every kind's tint. */
export const UNCOVERED = { fill: '#4c1d95', alpha: 0.6, hatch: '#d8b4fe', hatchSpacingM: 28 } as const;

export const POI_COLOR = { flood: '#38bdf8', shelter: '#4ade80', camera: '#7c8aa0' } as const;

/** The typhoon layer (S-6.5) and its panel: the track by intensity category, cool to hot through violet to near
 *  white (red, yellow, orange and blue keep their hall-wide meanings), the forecast and its cone in pale grey,
 *  the 7/10/12-level wind circles from pale to white, the street as a cyan mark. */
export const TYPHOON = {
  category: { BelowTD: '#94a3b8', TD: '#86efac', TS: '#5eead4', STS: '#c4b5fd', TY: '#a855f7', STY: '#e879f9', SuperTY: '#fdf4ff', ET: '#cbd5e1' },
  trackWidthPx: 5,
  forecast: { color: '#e2e8f0', widthPx: 3, dashPx: 16 },
  cone: { color: '#e2e8f0', alpha: 0.14 },
  circles: { r7: '#f5d0fe', r10: '#f472b6', r12: '#ffffff' },
  circleWidthPx: 3,
  centre: { color: '#ffffff', outline: '#a855f7', pixelSize: 18 },
  street: { color: '#22d3ee', outline: '#ffffff', pixelSize: 16 },
} as const;
