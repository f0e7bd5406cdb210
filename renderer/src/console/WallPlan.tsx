// The wall plan (S-8.2): the commander arranges the video wall from the console. A draft of the wall's
// monitors beside what the wall shows now; presets per command mode, the grid's size, a panel per monitor
// (WallPlanGrid.tsx). 应用到大屏 sends the draft once the layout schema accepts it; the hall keeps it in its
// log and every wall window follows.
import '../styles/wall-plan.css';
import { useState } from 'react';
import { WALL_PRESETS, WallPanel, type CommandMode, type WallLayout } from '../../../electron/common/domain/wall-model.ts';
import { Keys } from '../components/Keys.tsx';
import { useHallState } from '../hall-context.tsx';
import type { MessageKey } from '../i18n/dictionary.ts';
import { useLanguage } from '../i18n/language.tsx';
import { CommandOutcome, useCommand } from '../use-command.tsx';
import { useShortcut } from '../use-shortcut.ts';
import { assignPanel, layoutProblem, resizeLayout, sameLayout, WALL_SIZE } from './wall-plan.ts';
import { PanelChip, WallEditor, WallPicture } from './WallPlanGrid.tsx';

const APPLY_KEY = { code: 'KeyW', alt: true };
const PRESETS: ReadonlyArray<[CommandMode, MessageKey]> = [['daily', 'presetDaily'], ['joint', 'presetJoint'], ['emergency', 'presetEmergency']];
/** A typed size beyond the schema's limits is drawn and refused with the reason; beyond two digits it is ignored. */
const TYPED_SIZE_MAX = 99;
const typedSize = (n: number) => Number.isInteger(n) && n >= 1 && n <= TYPED_SIZE_MAX;

/** `active`: the tab is shown (the plan stays mounted behind other tabs, so a draft survives a look at the queue). */
export function WallPlan({ active }: { active: boolean }) {
  const lang = useLanguage();
  const { wall: live } = useHallState();
  const { status, send } = useCommand();
  const [edits, setEdits] = useState<WallLayout | null>(null);
  // A draft the wall already shows has nothing left to apply: from then on it follows the wall, so a layout
  // from another console shows in it too.
  if (edits && sameLayout(edits, live)) setEdits(null);
  const draft = edits ?? live;

  const problem = layoutProblem(draft);
  const problemText = !problem
    ? null
    : problem.field === 'cols' || problem.field === 'rows'
      ? `${lang.t(problem.field === 'cols' ? 'wallColsRange' : 'wallRowsRange')}${WALL_SIZE[problem.field].min}–${WALL_SIZE[problem.field].max}`
      : `${lang.t('wallInvalid')}${problem.message}`;
  const canApply = edits !== null && problem === null && status.kind !== 'sending';
  const apply = async () => {
    if (canApply) await send({ kind: 'wall.setLayout', layout: edits }, lang.t('wallApplied'));
  };
  useShortcut(APPLY_KEY, () => {
    if (active) void apply();
  });
  const resize = (cols: number, rows: number) => {
    if (typedSize(cols) && typedSize(rows)) setEdits(resizeLayout(draft, cols, rows));
  };

  return (
    <section className="wall-plan" data-testid="wall-plan" hidden={!active} aria-label={lang.t('tabWall')}>
      <div className="wall-plan-tools">
        <span className="wall-presets">
          {lang.t('wallPresets')}
          {PRESETS.map(([mode, word]) => (
            <button key={mode} type="button" data-testid={`wall-preset-${mode}`} onClick={() => setEdits(WALL_PRESETS[mode])}>{lang.t(word)}</button>
          ))}
        </span>
        <label>
          {lang.t('wallCols')}
          <input type="number" data-testid="wall-cols" min={WALL_SIZE.cols.min} max={WALL_SIZE.cols.max} value={draft.cols} onChange={(e) => resize(e.target.valueAsNumber, draft.rows)} />
        </label>
        <label>
          {lang.t('wallRows')}
          <input type="number" data-testid="wall-rows" min={WALL_SIZE.rows.min} max={WALL_SIZE.rows.max} value={draft.rows} onChange={(e) => resize(draft.cols, e.target.valueAsNumber)} />
        </label>
        <span className="wall-palette" data-testid="wall-palette">
          {WallPanel.options.map((panel) => <PanelChip key={panel} panel={panel} />)}
        </span>
      </div>
      <p className="muted wall-plan-hint">{lang.t('wallPalette')}</p>
      <div className="wall-plan-sides">
        <figure className="wall-side">
          <figcaption>
            {lang.t('wallDraft')}{' '}
            <span className={`wall-draft-state${edits ? ' warning' : ' muted'}`} data-testid="wall-draft-state" data-state={edits ? 'edited' : 'applied'}>
              {lang.t(edits ? 'wallUnapplied' : 'wallInSync')}
            </span>
          </figcaption>
          <WallEditor layout={draft} onAssign={(monitor, panel) => setEdits(assignPanel(draft, monitor, panel))} />
        </figure>
        <figure className="wall-side live">
          <figcaption>{lang.t('wallLive')}</figcaption>
          <WallPicture layout={live} testId="wall-live" />
        </figure>
      </div>
      <div className="wall-plan-apply">
        <button type="button" className="primary" data-testid="wall-apply" disabled={!canApply} aria-describedby={problemText ? 'wall-problem' : undefined} onClick={() => void apply()}>
          {lang.t('wallApply')} <Keys shortcut={APPLY_KEY} />
        </button>
        <button type="button" data-testid="wall-discard" disabled={!edits} onClick={() => setEdits(null)}>{lang.t('wallDiscard')}</button>
        {problemText && <span id="wall-problem" className="warning" data-testid="wall-problem">{problemText}</span>}
        {/* 已应用 belongs to the layout sent; new edits are 未应用 again. A refusal stays beside the edits it refused. */}
        {!(edits && status.kind === 'done') && <CommandOutcome status={status} testId="wall-outcome" />}
      </div>
    </section>
  );
}
