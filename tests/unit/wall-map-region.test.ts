// Which part of the one wall map each monitor shows (renderer/src/wall/map-region.ts).
import { describe, expect, it } from 'vitest';
import { WALL_PRESETS, type WallLayout } from '../../electron/common/domain/wall-model.ts';
import { mapRegionOf } from '../../renderer/src/wall/map-region.ts';

describe('mapRegionOf', () => {
  it('joins the daily preset\'s four map monitors into one 2 × 2 picture', () => {
    const daily = WALL_PRESETS.daily;
    expect(mapRegionOf(daily, 0)).toEqual({ cols: 2, rows: 2, col: 0, row: 0, first: true });
    expect(mapRegionOf(daily, 1)).toEqual({ cols: 2, rows: 2, col: 1, row: 0, first: false });
    expect(mapRegionOf(daily, 3)).toEqual({ cols: 2, rows: 2, col: 0, row: 1, first: false });
    expect(mapRegionOf(daily, 4)).toEqual({ cols: 2, rows: 2, col: 1, row: 1, first: false });
  });

  it('spans the bounding box of touching map monitors; a board inside it covers its cell', () => {
    const wide: WallLayout = { cols: 3, rows: 2, panels: ['map', 'map', 'map', 'map', 'map', 'queue'] };
    expect(mapRegionOf(wide, 2)).toEqual({ cols: 3, rows: 2, col: 2, row: 0, first: false });
    expect(mapRegionOf(wide, 4)).toEqual({ cols: 3, rows: 2, col: 1, row: 1, first: false });
  });

  it('keeps maps that do not touch apart, and never joins across a row end', () => {
    const layout: WallLayout = { cols: 3, rows: 1, panels: ['map', 'kpi', 'map'] };
    expect(mapRegionOf(layout, 0)).toEqual({ cols: 1, rows: 1, col: 0, row: 0, first: true });
    expect(mapRegionOf(layout, 2)).toEqual({ cols: 1, rows: 1, col: 0, row: 0, first: true });
    const wrap: WallLayout = { cols: 2, rows: 2, panels: ['kpi', 'map', 'map', 'queue'] };
    expect(mapRegionOf(wrap, 1)).toEqual({ cols: 1, rows: 1, col: 0, row: 0, first: true });
  });

  it('treats a monitor beyond the layout as a lone map', () => {
    expect(mapRegionOf(WALL_PRESETS.daily, 9)).toEqual({ cols: 1, rows: 1, col: 0, row: 0, first: true });
  });
});
