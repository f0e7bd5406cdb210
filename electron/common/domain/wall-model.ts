// The video wall (S-8): a grid of monitors, each showing one panel (a panel owns whole monitors, so nothing
// crosses a bezel; the map may take several). Layout presets per command mode; the commander reassigns
// panels from the console and every wall window follows.
import { z } from 'zod';

/** `plan`: the pre-plan's progress by action (S-6.3), for emergency command; `typhoon`: the storm's intensity,
 *  distance and gale arrival at the street; `gauges` and `shelters`: water levels against their warning lines and
 *  shelter occupancy (S-6.5). */
export const WallPanel = z.enum(['map', 'kpi', 'queue', 'forces', 'cameras', 'plan', 'typhoon', 'gauges', 'shelters']);
export type WallPanel = z.infer<typeof WallPanel>;

export const WallLayout = z
  .object({
    cols: z.number().int().min(1).max(8),
    rows: z.number().int().min(1).max(4),
    /** Row by row, left to right: panels[monitor]. */
    panels: z.array(WallPanel).max(32),
  })
  .refine((l) => l.panels.length === l.cols * l.rows, { message: 'one panel for each monitor (cols × rows)', path: ['panels'] });
export type WallLayout = z.infer<typeof WallLayout>;

export type CommandMode = 'daily' | 'joint' | 'emergency' | 'special';

/** 3×2 presets: daily work watches cases and KPIs; joint command adds the forces; emergency command watches the
 *  typhoon, the pre-plan's progress, the gauges and the shelters beside the map; special-event support watches the
 *  cameras. */
export const WALL_PRESETS: Readonly<Record<CommandMode, WallLayout>> = {
  daily: { cols: 3, rows: 2, panels: ['map', 'map', 'kpi', 'map', 'map', 'queue'] },
  joint: { cols: 3, rows: 2, panels: ['map', 'map', 'queue', 'map', 'map', 'forces'] },
  emergency: { cols: 3, rows: 2, panels: ['map', 'map', 'typhoon', 'plan', 'gauges', 'shelters'] },
  special: { cols: 3, rows: 2, panels: ['map', 'map', 'cameras', 'map', 'map', 'queue'] },
};

/** The panel a monitor shows; monitors beyond the layout show the map. */
export const panelOf = (layout: WallLayout, monitor: number): WallPanel => layout.panels[monitor] ?? 'map';
