import { describe, expect, it } from 'vitest';
import { fitInside, planWindows, readingOrder, reconcile, type DisplayInfo, type Rect } from '../../electron/main/window-planner.ts';

const rect = (x: number, y: number, width: number, height: number): Rect => ({ x, y, width, height });
/** A display with a 40-DIP taskbar at the bottom of its work area. */
function display(id: number, bounds: Rect, scaleFactor = 1, primary = false): DisplayInfo {
  return { id, bounds, workArea: { ...bounds, height: bounds.height - 40 }, scaleFactor, primary };
}
const inside = (r: Rect, outer: Rect) =>
  r.x >= outer.x && r.y >= outer.y && r.x + r.width <= outer.x + outer.width && r.y + r.height <= outer.y + outer.height;

const laptop = display(1, rect(0, 0, 1920, 1080), 1, true);

describe('planWindows', () => {
  it('hall on one display: only the framed console on the work area', () => {
    expect(planWindows([laptop], 'hall')).toEqual([
      { key: 'console', kind: 'console', displayId: 1, bounds: rect(0, 0, 1920, 1040), kiosk: false, frame: true, fullscreen: false },
    ]);
  });

  it('hall on two displays: console on the primary, a kiosk wall on the other', () => {
    const wall = display(2, rect(1920, 0, 3840, 2160));
    const plan = planWindows([wall, laptop], 'hall');
    expect(plan.map((w) => [w.key, w.displayId])).toEqual([['console', 1], ['wall:0', 2]]);
    expect(plan[1]).toMatchObject({ kind: 'wall', bounds: wall.bounds, kiosk: true, frame: false, fullscreen: true, monitor: 0 });
  });

  it('hall with six wall monitors (3×2) numbers them in reading order', () => {
    const walls = [
      display(16, rect(3840, 1080, 1920, 1080)),
      display(11, rect(0, 0, 1920, 1080)),
      display(15, rect(1920, 1084, 1920, 1080)), // slightly lower, still the second row
      display(12, rect(1920, -4, 1920, 1080)), // slightly higher, still the first row
      display(14, rect(0, 1080, 1920, 1080)),
      display(13, rect(3840, 0, 1920, 1080)),
    ];
    const primary = display(1, rect(-1920, 500, 1920, 1080), 1, true);
    const plan = planWindows([...walls, primary], 'hall');
    expect(plan.filter((w) => w.kind === 'wall').map((w) => [w.monitor, w.displayId])).toEqual([
      [0, 11], [1, 12], [2, 13], [3, 14], [4, 15], [5, 16],
    ]);
    expect(plan.filter((w) => w.kind === 'console')).toHaveLength(1);
  });

  it('mixed scale factors and negative origins: every window stays inside its own display', () => {
    const displays = [
      display(1, rect(0, 0, 1536, 864), 1.25, true), // 1920×1080 at 125 %
      display(2, rect(-1920, -200, 1920, 1080), 1.0),
      display(3, rect(1536, 0, 1920, 1080), 2.0), // 3840×2160 at 200 %
    ];
    const plan = planWindows(displays, 'hall');
    expect(plan.map((w) => [w.key, w.displayId])).toEqual([['console', 1], ['wall:0', 2], ['wall:1', 3]]);
    for (const w of plan) expect(inside(w.bounds, displays.find((d) => d.id === w.displayId)!.bounds)).toBe(true);
  });

  it('desk: one framed desk window on the primary display only', () => {
    const plan = planWindows([display(2, rect(1920, 0, 1920, 1080)), laptop], 'desk');
    expect(plan).toEqual([expect.objectContaining({ key: 'desk', kind: 'desk', displayId: 1, kiosk: false, frame: true })]);
  });

  it('wall PC: a kiosk wall window on every display, the primary included', () => {
    const plan = planWindows([laptop, display(2, rect(1920, 0, 1920, 1080))], 'wall');
    expect(plan.map((w) => [w.kind, w.monitor, w.kiosk])).toEqual([['wall', 0, true], ['wall', 1, true]]);
  });

  it('explicit wall display ids select the wall monitors; the hall never puts a wall on its console display', () => {
    const displays = [laptop, display(2, rect(1920, 0, 1920, 1080)), display(3, rect(3840, 0, 1920, 1080))];
    expect(planWindows(displays, 'hall', [3, 1]).map((w) => w.key + '@' + w.displayId)).toEqual(['console@1', 'wall:0@3']);
    expect(planWindows(displays, 'wall', [3, 1]).map((w) => w.displayId)).toEqual([1, 3]);
  });

  it('no displays (headless moment during hot-plug): no windows', () => {
    expect(planWindows([], 'hall')).toEqual([]);
  });

  it('falls back to the first display when none is marked primary', () => {
    expect(planWindows([{ ...laptop, primary: false }], 'desk')[0]!.displayId).toBe(1);
  });
});

describe('readingOrder and fitInside', () => {
  it('breaks ties by id so the order is stable', () => {
    const a = display(5, rect(0, 0, 100, 100));
    const b = display(4, rect(0, 0, 100, 100));
    expect(readingOrder([a, b]).map((d) => d.id)).toEqual([4, 5]);
  });

  it('clamps a rectangle that overhangs its display and rounds fractional DIP inwards', () => {
    expect(fitInside(rect(-10.5, 5.2, 2000, 1000), rect(0, 0, 1920, 1080))).toEqual(rect(0, 6, 1920, 999));
  });

  it('a rectangle outside the display becomes the whole display', () => {
    expect(fitInside(rect(5000, 0, 100, 100), rect(0, 0, 1920, 1080))).toEqual(rect(0, 0, 1920, 1080));
  });
});

describe('reconcile (display hot-plug)', () => {
  const d2 = display(2, rect(1920, 0, 1920, 1080));
  const d3 = display(3, rect(3840, 0, 1920, 1080));
  const before = planWindows([laptop, d2], 'hall');

  it('nothing changed: keep everything', () => {
    expect(reconcile(before, planWindows([laptop, d2], 'hall'))).toEqual({ keep: before, move: [], open: [], close: [] });
  });

  it('a monitor is added: open one wall window, keep the rest', () => {
    const change = reconcile(before, planWindows([laptop, d2, d3], 'hall'));
    expect(change.keep.map((w) => w.key)).toEqual(['console', 'wall:0']);
    expect(change.open).toEqual([expect.objectContaining({ key: 'wall:1', displayId: 3 })]);
    expect(change.move).toEqual([]);
    expect(change.close).toEqual([]);
  });

  it('a monitor in the middle is removed: later walls move left, the last one closes', () => {
    const three = planWindows([laptop, d2, d3], 'hall');
    const change = reconcile(three, planWindows([laptop, d3], 'hall'));
    expect(change.move).toEqual([expect.objectContaining({ key: 'wall:0', displayId: 3, bounds: d3.bounds })]);
    expect(change.close).toEqual(['wall:1']);
    expect(change.open).toEqual([]);
  });

  it('metrics changed (resolution or scale): the window moves to the new bounds', () => {
    const scaled = { ...d2, bounds: rect(1920, 0, 1536, 864), scaleFactor: 1.25 };
    const change = reconcile(before, planWindows([laptop, scaled], 'hall'));
    expect(change.move).toEqual([expect.objectContaining({ key: 'wall:0', bounds: scaled.bounds })]);
    expect(change.keep.map((w) => w.key)).toEqual(['console']);
  });

  it('all external monitors unplugged: close the walls', () => {
    expect(reconcile(before, planWindows([laptop], 'hall')).close).toEqual(['wall:0']);
  });
});
