// Which part of the one wall map a monitor shows. Map monitors that touch (left/right, above/below) form one
// region; the region's picture spans the bounding box of those monitors, and each monitor renders its cell of
// it, so roads and grids run on across the bezels. A non-map panel inside the box simply covers its cell.
import { panelOf, type WallLayout } from '../../../electron/common/domain/wall-model.ts';

export interface MapRegion {
  /** Size of the region in monitors. */
  cols: number;
  rows: number;
  /** This monitor's cell in the region, from the top left. */
  col: number;
  row: number;
  /** The region's top-left monitor: the one that carries the map's controls. */
  first: boolean;
}

export function mapRegionOf(layout: WallLayout, monitor: number): MapRegion {
  const lone: MapRegion = { cols: 1, rows: 1, col: 0, row: 0, first: true };
  if (monitor >= layout.cols * layout.rows || panelOf(layout, monitor) !== 'map') return lone;
  const cellOf = (m: number) => ({ col: m % layout.cols, row: Math.floor(m / layout.cols) });
  const seen = new Set([monitor]);
  const open = [monitor];
  for (let m = open.pop(); m !== undefined; m = open.pop()) {
    const { col } = cellOf(m);
    const neighbours = [col > 0 ? m - 1 : -1, col < layout.cols - 1 ? m + 1 : -1, m - layout.cols, m + layout.cols];
    for (const n of neighbours) {
      if (n >= 0 && n < layout.panels.length && !seen.has(n) && layout.panels[n] === 'map') {
        seen.add(n);
        open.push(n);
      }
    }
  }
  const cells = [...seen].map(cellOf);
  const left = Math.min(...cells.map((c) => c.col));
  const top = Math.min(...cells.map((c) => c.row));
  const here = cellOf(monitor);
  return {
    cols: Math.max(...cells.map((c) => c.col)) - left + 1,
    rows: Math.max(...cells.map((c) => c.row)) - top + 1,
    col: here.col - left,
    row: here.row - top,
    first: monitor === Math.min(...seen),
  };
}
