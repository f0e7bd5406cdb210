// Decides which windows the shell opens on which displays, and how to get from the windows that are open to a
// new plan after a display hot-plug. Pure (no electron import) so it is unit-tested in Node.
// All rectangles are in DIP, exactly as Electron's `screen` reports them, including negative origins.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayInfo {
  id: number;
  bounds: Rect;
  workArea: Rect;
  scaleFactor: number;
  primary: boolean;
  internal?: boolean;
}

export type ShellRole = 'hall' | 'desk' | 'wall';
export type WindowKind = 'console' | 'desk' | 'wall';

/** Which displays carry wall windows: 'auto' = every non-primary display (hall) or every display (wall PC). */
export type WallDisplays = 'auto' | number[];

export interface WindowPlan {
  /** Identity across re-plans: the kind plus, for walls, the monitor index. */
  key: string;
  kind: WindowKind;
  displayId: number;
  bounds: Rect;
  kiosk: boolean;
  frame: boolean;
  fullscreen: boolean;
  /** Wall windows only: position of the monitor on the wall, 0-based, reading order. */
  monitor?: number;
}

export function planWindows(displays: readonly DisplayInfo[], role: ShellRole, wallDisplays: WallDisplays = 'auto'): WindowPlan[] {
  if (displays.length === 0) return [];
  const primary = displays.find((d) => d.primary) ?? displays[0]!;
  switch (role) {
    case 'hall': {
      const walls = wallTargets(displays, wallDisplays, 'non-primary').filter((d) => d.id !== primary.id);
      return [framedWindow('console', primary), ...wallWindows(walls)];
    }
    case 'desk':
      return [framedWindow('desk', primary)];
    case 'wall':
      return wallWindows(wallTargets(displays, wallDisplays, 'all'));
  }
}

function wallTargets(displays: readonly DisplayInfo[], wanted: WallDisplays, auto: 'non-primary' | 'all'): DisplayInfo[] {
  if (wanted === 'auto') return auto === 'all' ? [...displays] : displays.filter((d) => !d.primary);
  return displays.filter((d) => wanted.includes(d.id));
}

function framedWindow(kind: 'console' | 'desk', display: DisplayInfo): WindowPlan {
  return {
    key: kind,
    kind,
    displayId: display.id,
    bounds: fitInside(display.workArea, display.bounds),
    kiosk: false,
    frame: true,
    fullscreen: false,
  };
}

function wallWindows(displays: DisplayInfo[]): WindowPlan[] {
  return readingOrder(displays).map((d, monitor) => ({
    key: `wall:${monitor}`,
    kind: 'wall',
    displayId: d.id,
    bounds: fitInside(d.bounds, d.bounds),
    kiosk: true,
    frame: false,
    fullscreen: true,
    monitor,
  }));
}

/**
 * Orders displays row by row (top to bottom), left to right within a row. A display belongs to the current row
 * when its vertical centre lies within the row's first display, so slightly misaligned monitors still form a row.
 */
export function readingOrder(displays: readonly DisplayInfo[]): DisplayInfo[] {
  const byTop = [...displays].sort((a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x || a.id - b.id);
  const rows: DisplayInfo[][] = [];
  for (const d of byTop) {
    const row = rows.at(-1);
    const head = row?.[0];
    const centre = d.bounds.y + d.bounds.height / 2;
    if (row && head && centre < head.bounds.y + head.bounds.height) row.push(d);
    else rows.push([d]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.bounds.x - b.bounds.x || a.id - b.id));
}

/** Clamps `rect` into `outer` with whole-DIP edges, so a window never spans two displays. */
export function fitInside(rect: Rect, outer: Rect): Rect {
  const left = Math.max(Math.ceil(rect.x), Math.ceil(outer.x));
  const top = Math.max(Math.ceil(rect.y), Math.ceil(outer.y));
  const right = Math.min(Math.floor(rect.x + rect.width), Math.floor(outer.x + outer.width));
  const bottom = Math.min(Math.floor(rect.y + rect.height), Math.floor(outer.y + outer.height));
  if (right <= left || bottom <= top) return fitInside(outer, outer);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

export interface Reconciliation {
  keep: WindowPlan[];
  /** Windows that stay open but go to new bounds (possibly another display). */
  move: WindowPlan[];
  open: WindowPlan[];
  /** Keys of open windows that the new plan no longer has. */
  close: string[];
}

export function reconcile(current: readonly WindowPlan[], next: readonly WindowPlan[]): Reconciliation {
  const open = new Map(current.map((w) => [w.key, w]));
  const result: Reconciliation = { keep: [], move: [], open: [], close: [] };
  for (const plan of next) {
    const existing = open.get(plan.key);
    open.delete(plan.key);
    if (!existing) result.open.push(plan);
    else if (existing.displayId === plan.displayId && sameRect(existing.bounds, plan.bounds)) result.keep.push(plan);
    else result.move.push(plan);
  }
  result.close = [...open.keys()];
  return result;
}

function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
