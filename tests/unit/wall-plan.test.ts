// The console's wall plan logic (renderer/src/console/wall-plan.ts): resizing, assigning, moving between
// monitors, the schema check before sending, and the cells as drawn.
import { describe, expect, it } from 'vitest';
import { WALL_PRESETS, type WallLayout } from '../../electron/common/domain/wall-model.ts';
import { assignPanel, layoutProblem, planCells, resizeLayout, sameLayout, stepMonitor, WALL_SIZE } from '../../renderer/src/console/wall-plan.ts';

const daily = WALL_PRESETS.daily; // map map kpi / map map queue

describe('resizeLayout', () => {
  it('keeps each panel where it still fits and gives new monitors the map', () => {
    expect(resizeLayout(daily, 4, 3)).toEqual({
      cols: 4, rows: 3,
      panels: ['map', 'map', 'kpi', 'map', 'map', 'map', 'queue', 'map', 'map', 'map', 'map', 'map'],
    });
    expect(resizeLayout(daily, 2, 1)).toEqual({ cols: 2, rows: 1, panels: ['map', 'map'] });
    const boards: WallLayout = { cols: 3, rows: 2, panels: ['kpi', 'queue', 'forces', 'cameras', 'kpi', 'queue'] };
    expect(resizeLayout(boards, 2, 2)).toEqual({ cols: 2, rows: 2, panels: ['kpi', 'queue', 'cameras', 'kpi'] });
  });

  it('gets back what a detour through a smaller wall kept, not what it dropped', () => {
    const boards: WallLayout = { cols: 2, rows: 2, panels: ['kpi', 'queue', 'forces', 'cameras'] };
    expect(resizeLayout(resizeLayout(boards, 1, 2), 2, 2)).toEqual({ cols: 2, rows: 2, panels: ['kpi', 'map', 'forces', 'map'] });
    expect(resizeLayout(boards, 2, 2)).toEqual(boards);
  });

  it('draws a size beyond the limits, which the schema then refuses', () => {
    const wide = resizeLayout(daily, 9, 2);
    expect(wide.panels).toHaveLength(18);
    expect(layoutProblem(wide)).toEqual({ field: 'cols', message: expect.stringContaining('8') });
    expect(layoutProblem(resizeLayout(daily, 3, 5))).toMatchObject({ field: 'rows' });
  });
});

describe('assignPanel', () => {
  it('changes one monitor and leaves the layout it came from alone', () => {
    const next = assignPanel(daily, 2, 'forces');
    expect(next.panels).toEqual(['map', 'map', 'forces', 'map', 'map', 'queue']);
    expect(daily.panels[2]).toBe('kpi');
  });

  it('ignores a monitor the wall does not have', () => {
    for (const monitor of [-1, 6, 1.5, Number.NaN]) expect(assignPanel(daily, monitor, 'kpi')).toBe(daily);
  });
});

describe('stepMonitor', () => {
  it('moves left, right, up and down on the grid and stays put at the edges', () => {
    expect(stepMonitor(daily, 0, 'right')).toBe(1);
    expect(stepMonitor(daily, 1, 'down')).toBe(4);
    expect(stepMonitor(daily, 4, 'up')).toBe(1);
    expect(stepMonitor(daily, 4, 'left')).toBe(3);
    expect(stepMonitor(daily, 2, 'right')).toBe(2); // never wraps onto the next row
    expect(stepMonitor(daily, 3, 'left')).toBe(3);
    expect(stepMonitor(daily, 0, 'up')).toBe(0);
    expect(stepMonitor(daily, 5, 'down')).toBe(5);
  });
});

describe('layoutProblem', () => {
  it('accepts every preset', () => {
    for (const preset of Object.values(WALL_PRESETS)) expect(layoutProblem(preset)).toBeNull();
  });

  it('names the field at fault', () => {
    expect(layoutProblem({ cols: 0, rows: 2, panels: [] })).toMatchObject({ field: 'cols' });
    expect(layoutProblem({ cols: 3, rows: 2, panels: ['map'] })).toEqual({ field: 'panels', message: 'one panel for each monitor (cols × rows)' });
    expect(layoutProblem({ cols: 1, rows: 1, panels: ['clock'] })).toMatchObject({ field: 'panels.0' });
    expect(layoutProblem(null)).toMatchObject({ field: '' });
  });

  it('reads its limits from the schema', () => {
    expect(WALL_SIZE).toEqual({ cols: { min: 1, max: 8 }, rows: { min: 1, max: 4 } });
  });
});

describe('sameLayout', () => {
  it('compares size and every panel', () => {
    expect(sameLayout(daily, { cols: 3, rows: 2, panels: [...daily.panels] })).toBe(true);
    expect(sameLayout(daily, WALL_PRESETS.joint)).toBe(false);
    expect(sameLayout({ cols: 2, rows: 1, panels: ['kpi', 'queue'] }, { cols: 1, rows: 2, panels: ['kpi', 'queue'] })).toBe(false);
  });
});

describe('planCells', () => {
  it('joins touching map monitors into the region the wall draws, with no bezel line inside it', () => {
    const cells = planCells(daily);
    expect(cells.map((c) => c.panel)).toEqual(daily.panels);
    expect(cells[0]).toEqual({ monitor: 0, panel: 'map', region: { cols: 2, rows: 2, col: 0, row: 0, first: true }, joinsRight: true, joinsDown: true });
    expect(cells[1]).toMatchObject({ joinsRight: false, joinsDown: true, region: { col: 1, row: 0, first: false } });
    expect(cells[4]).toMatchObject({ joinsRight: false, joinsDown: false });
    expect(cells[2]).toMatchObject({ panel: 'kpi', region: null, joinsRight: false, joinsDown: false });
  });

  it('never joins across the end of a row', () => {
    const cells = planCells({ cols: 2, rows: 2, panels: ['kpi', 'map', 'map', 'queue'] });
    expect(cells[1]).toMatchObject({ joinsRight: false, joinsDown: false, region: { cols: 1, rows: 1 } });
    expect(cells[2]).toMatchObject({ joinsRight: false, joinsDown: false });
  });
});
