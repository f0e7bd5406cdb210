// The map's colour language, in one place for the layers, the legend and the end-to-end pixel checks.
// Levels differ in colour and width (thin, lighter toward the street); fills only tint the kind of micro grid.
// Red, yellow, orange and blue stay free for their hall-wide meanings (urgency, SLA, response levels).
import type { GridKind, GridLevel } from '../../../electron/common/geo/grid-schema.ts';
import type { Urgency } from '../../../electron/common/protocol.ts';

export const MAP_BACKGROUND = '#03060d';
export const GLOBE_BASE = '#0a1424';

export const LEVEL_LINE: Readonly<Record<GridLevel, { color: string; widthPx: number }>> = {
  street: { color: '#f1f5f9', widthPx: 4 },
  zone: { color: '#22d3ee', widthPx: 3 },
  small: { color: '#34d399', widthPx: 2 },
  micro: { color: '#64748b', widthPx: 1 },
};

export const KIND_FILL: Readonly<Record<GridKind, { color: string; alpha: number }>> = {
  residential: { color: '#1e3a8a', alpha: 0.35 },
  streetfront: { color: '#134e4a', alpha: 0.35 },
  extended: { color: '#3f3f46', alpha: 0.35 },
};

export const CASE_POINT: Readonly<Record<Urgency, { color: string; pixelSize: number }>> = {
  urgent: { color: '#ef4444', pixelSize: 20 },
  general: { color: '#e2e8f0', pixelSize: 14 },
};
