// The wall's monitors as the plan draws them: one cell per monitor in the wall's cols × rows, its panel as a
// glyph and a word, and map monitors that touch drawn without the bezel between them (they show one map).
// The live picture is read-only; the draft editor gives a monitor a panel from its menu (click), from the
// keyboard (arrows move between monitors, 1–5 pick) or by a panel chip dropped on it (HTML5 drag and drop).
import { useRef, useState, type DragEvent, type FocusEvent, type KeyboardEvent } from 'react';
import { WallPanel, type WallLayout } from '../../../electron/common/domain/wall-model.ts';
import { useLanguage } from '../i18n/language.tsx';
import { planCells, stepMonitor, type Direction, type PlanCell } from './wall-plan.ts';

const DRAG_TYPE = 'application/x-hall-wall-panel';
const GLYPH: Readonly<Record<WallPanel, string>> = { map: '▦', kpi: '◔', queue: '☰', forces: '▲', cameras: '◉', plan: '☑', typhoon: '◎', gauges: '≋', shelters: '⌂' };
const ARROWS: Readonly<Record<string, Direction>> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
/** Digit n (top row or keypad) picks the n-th panel. */
const panelOfKey = (code: string): WallPanel | undefined => {
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(code)?.[1];
  return digit === undefined ? undefined : WallPanel.options[Number(digit) - 1];
};

const regionText = ({ region }: PlanCell) => (region ? `${region.cols}x${region.rows}@${region.col},${region.row}` : undefined);
const cellClass = (cell: PlanCell, extra = '') =>
  `wall-cell panel-${cell.panel}${cell.joinsRight ? ' joins-right' : ''}${cell.joinsDown ? ' joins-down' : ''}${extra}`;

function PanelName({ panel }: { panel: WallPanel }) {
  const lang = useLanguage();
  return <><span aria-hidden="true">{GLYPH[panel]}</span> {lang.wallPanel(panel)}</>;
}

function MonitorFace({ cell }: { cell: PlanCell }) {
  const lang = useLanguage();
  const { region } = cell;
  return (
    <>
      <span className="monitor-no">{lang.t('monitor')} {cell.monitor + 1}</span>
      <span className="monitor-body">
        <span className="monitor-panel"><PanelName panel={cell.panel} /></span>
        {region?.first && region.cols * region.rows > 1 && <span className="monitor-region">{region.cols} × {region.rows}</span>}
      </span>
    </>
  );
}

const gridStyle = (layout: WallLayout) => ({ gridTemplateColumns: `repeat(${layout.cols}, minmax(0, 1fr))` });

/** What the wall shows now. */
export function WallPicture({ layout, testId }: { layout: WallLayout; testId: string }) {
  return (
    <div className="wall-grid" data-testid={testId} style={gridStyle(layout)}>
      {planCells(layout).map((cell) => (
        <div key={cell.monitor} className={cellClass(cell)} data-testid={`${testId}-monitor`} data-monitor={cell.monitor} data-panel={cell.panel} data-region={regionText(cell)}>
          <MonitorFace cell={cell} />
        </div>
      ))}
    </div>
  );
}

/** A panel to drag onto a monitor; its digit picks it for the focused monitor. */
export function PanelChip({ panel }: { panel: WallPanel }) {
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(DRAG_TYPE, panel);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <span className={`panel-chip panel-${panel}`} draggable data-testid={`wall-chip-${panel}`} onDragStart={onDragStart}>
      <kbd>{WallPanel.options.indexOf(panel) + 1}</kbd> <PanelName panel={panel} />
    </span>
  );
}

export function WallEditor({ layout, onAssign }: { layout: WallLayout; onAssign(monitor: number, panel: WallPanel): void }) {
  const lang = useLanguage();
  const grid = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState(0);
  const [menu, setMenu] = useState<number | null>(null);
  const [dropOn, setDropOn] = useState<number | null>(null);
  const cells = planCells(layout);
  const current = Math.min(focused, cells.length - 1);

  const focusMonitor = (monitor: number) => {
    setFocused(monitor);
    grid.current?.querySelector<HTMLElement>(`[data-testid="wall-monitor"][data-monitor="${monitor}"]`)?.focus();
  };
  const pick = (monitor: number, panel: WallPanel) => {
    onAssign(monitor, panel);
    setMenu(null);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return; // Alt+1…4 are the console's tabs
    const direction = ARROWS[e.key];
    const panel = panelOfKey(e.code);
    if (direction) {
      setMenu(null);
      focusMonitor(stepMonitor(layout, current, direction));
    } else if (panel) pick(current, panel);
    else if (e.key === 'Escape' && menu !== null) {
      setMenu(null);
      focusMonitor(current);
    } else return;
    // The console's own arrow keys walk the case queue (and switch to the work tab): not from here.
    e.preventDefault();
    e.stopPropagation();
  };
  const closeMenuOnLeave = (e: FocusEvent) => {
    if (!e.currentTarget.contains(e.relatedTarget)) setMenu(null);
  };
  const accepts = (e: DragEvent) => e.dataTransfer.types.includes(DRAG_TYPE);
  const onDragOver = (e: DragEvent, monitor: number) => {
    if (!accepts(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDropOn(monitor);
  };
  const onDrop = (e: DragEvent, monitor: number) => {
    setDropOn(null);
    // Anything can be dropped from outside the page: only a panel name counts.
    const panel = WallPanel.safeParse(e.dataTransfer.getData(DRAG_TYPE));
    if (!panel.success) return;
    e.preventDefault();
    pick(monitor, panel.data);
    focusMonitor(monitor);
  };

  return (
    <div ref={grid} className="wall-grid editable" data-testid="wall-draft" style={gridStyle(layout)} role="group" aria-label={lang.t('wallMonitors')} onKeyDown={onKeyDown}>
      {cells.map((cell) => (
        <div key={cell.monitor} className={cellClass(cell, dropOn === cell.monitor ? ' drop-target' : '')} onBlur={closeMenuOnLeave}>
          <button
            type="button"
            className="wall-monitor"
            data-testid="wall-monitor"
            data-monitor={cell.monitor}
            data-panel={cell.panel}
            data-region={regionText(cell)}
            tabIndex={cell.monitor === current ? 0 : -1}
            aria-haspopup="menu"
            aria-expanded={menu === cell.monitor}
            onFocus={() => setFocused(cell.monitor)}
            onClick={() => setMenu(menu === cell.monitor ? null : cell.monitor)}
            onDragOver={(e) => onDragOver(e, cell.monitor)}
            onDragLeave={() => setDropOn(null)}
            onDrop={(e) => onDrop(e, cell.monitor)}
          >
            <MonitorFace cell={cell} />
          </button>
          {menu === cell.monitor && (
            <div className="wall-menu" role="menu" data-testid="wall-menu" aria-label={`${lang.t('wallPickFor')}${lang.t('monitor')} ${cell.monitor + 1}`}>
              {WallPanel.options.map((panel, i) => (
                <button
                  key={panel}
                  type="button"
                  role="menuitemradio"
                  aria-checked={panel === cell.panel}
                  data-testid={`wall-pick-${panel}`}
                  onClick={() => {
                    pick(cell.monitor, panel);
                    focusMonitor(cell.monitor);
                  }}
                >
                  <kbd>{i + 1}</kbd> <PanelName panel={panel} />
                </button>
              ))}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
