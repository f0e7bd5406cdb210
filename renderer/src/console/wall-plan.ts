// The commander's wall plan (S-8.2) as plain functions over a WallLayout: resize the grid, give a monitor a
// panel, walk between monitors with the arrow keys, and say why a draft may not be sent.
import { panelOf, WallLayout, type WallPanel } from '../../../electron/common/domain/wall-model.ts';
import { mapRegionOf, type MapRegion } from '../wall/map-region.ts';

/** The grid sizes the hall accepts, read from the schema so the two cannot disagree. */
export const WALL_SIZE = {
  cols: { min: WallLayout.shape.cols.minValue ?? 1, max: WallLayout.shape.cols.maxValue ?? 1 },
  rows: { min: WallLayout.shape.rows.minValue ?? 1, max: WallLayout.shape.rows.maxValue ?? 1 },
} as const;

/** The same wall at another size: each monitor keeps its panel where it still fits; new monitors get the map. */
export function resizeLayout(layout: WallLayout, cols: number, rows: number): WallLayout {
  const panels = Array.from({ length: cols * rows }, (_, m): WallPanel => {
    const col = m % cols;
    const row = Math.floor(m / cols);
    return col < layout.cols && row < layout.rows ? panelOf(layout, row * layout.cols + col) : 'map';
  });
  return { cols, rows, panels };
}

export function assignPanel(layout: WallLayout, monitor: number, panel: WallPanel): WallLayout {
  if (!Number.isInteger(monitor) || monitor < 0 || monitor >= layout.panels.length) return layout;
  return { ...layout, panels: layout.panels.with(monitor, panel) };
}

export type Direction = 'left' | 'right' | 'up' | 'down';
const STEP: Readonly<Record<Direction, readonly [number, number]>> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };

/** The monitor beside this one; at the wall's edge it stays where it is. */
export function stepMonitor(layout: WallLayout, monitor: number, direction: Direction): number {
  const col = monitor % layout.cols;
  const row = Math.floor(monitor / layout.cols);
  const c = col + STEP[direction][0];
  const r = row + STEP[direction][1];
  return c >= 0 && c < layout.cols && r >= 0 && r < layout.rows ? r * layout.cols + c : monitor;
}

export const sameLayout = (a: WallLayout, b: WallLayout): boolean =>
  a.cols === b.cols && a.rows === b.rows && a.panels.length === b.panels.length && a.panels.every((p, i) => p === b.panels[i]);

/** Why the hall would refuse this layout (the field at fault and the schema's words), or null. */
export function layoutProblem(layout: unknown): { field: string; message: string } | null {
  const parsed = WallLayout.safeParse(layout);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return { field: issue.path.map(String).join('.'), message: issue.message };
}

export interface PlanCell {
  monitor: number;
  panel: WallPanel;
  /** The map picture this monitor is part of; null for a board. */
  region: MapRegion | null;
  /** The monitor to the right / below shows the same map picture (no bezel line drawn between them). */
  joinsRight: boolean;
  joinsDown: boolean;
}

/** Every monitor of the layout as the plan draws it; map monitors that touch share one region, as on the wall. */
export function planCells(layout: WallLayout): PlanCell[] {
  const isMap = (m: number) => panelOf(layout, m) === 'map';
  return Array.from({ length: layout.cols * layout.rows }, (_, m) => ({
    monitor: m,
    panel: panelOf(layout, m),
    region: isMap(m) ? mapRegionOf(layout, m) : null,
    joinsRight: isMap(m) && m % layout.cols < layout.cols - 1 && isMap(m + 1),
    joinsDown: isMap(m) && m + layout.cols < layout.cols * layout.rows && isMap(m + layout.cols),
  }));
}
