// The commander's mode switch (S-6.2, dangerous per the UI guide): pick daily, joint, emergency (hazard × level in
// the national colours) or special-event support, give a reason, mark a drill; then a confirmation that says what
// will happen before anything is sent. Back from emergency is the stand-down (预案 tab and here, one component).
import { useState } from 'react';
import { Hazard, LEVEL_COLOURS, type ModeName, type ModeSwitch as Switch, ResponseLevel } from '../../../electron/common/domain/command-mode.ts';
import { HAZARD_LABELS } from '../../../electron/common/cap/cn-profile.ts';
import { LEVEL_NUMERALS } from '../../../electron/common/preplan/plan-model.ts';
import type { MessageKey } from '../i18n/dictionary.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { CommandOutcome, useCommand } from '../use-command.tsx';
import { FIRST_CHOICE, switchOf, type ModeChoice } from './mode-form.ts';
import { ModeConfirm } from './ModeConfirm.tsx';
import { modeLabel } from './mode-label.ts';

const MODES: ReadonlyArray<[ModeName, MessageKey]> = [
  ['daily', 'modeNameDaily'], ['joint', 'modeNameJoint'], ['emergency', 'modeNameEmergency'], ['special', 'modeNameSpecial'],
];
const COLOUR_WORDS = { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' } as const;

export function ModeSwitch() {
  const lang = useLanguage();
  const { mode } = useHallState();
  const { status, send, fail } = useCommand();
  const [choice, setChoice] = useState<ModeChoice>(FIRST_CHOICE);
  const [pending, setPending] = useState<Switch | null>(null);
  const set = (patch: Partial<ModeChoice>) => setChoice({ ...choice, ...patch });
  // Daily command is reached from emergency by the stand-down only, which closes the plan and builds the review.
  const offered = MODES.filter(([m]) => !(m === 'daily' && mode.target.mode === 'emergency'));
  const prepare = () => {
    const made = switchOf(choice);
    if (!made.ok) return fail(lang.t(made.missing));
    setPending(made.to);
  };
  const confirm = async () => {
    if (!pending) return;
    const ack = await send({ kind: 'mode.switch', to: pending, confirmed: true }, `${lang.t('modeSwitched')} ✓ ${modeLabel(pending.target, lang.language)}`);
    setPending(null);
    if (ack) setChoice({ ...choice, reason: '' });
  };
  return (
    <div data-testid="mode-switch">
      <h3>{lang.t('modeSwitchTitle')}</h3>
      <form className="mode-form" onSubmit={(e) => { e.preventDefault(); prepare(); }}>
        <fieldset role="radiogroup" aria-label={lang.t('modePick')}>
          {offered.map(([m, word]) => (
            <label key={m} className="check">
              <input type="radio" name="mode" data-testid={`mode-pick-${m}`} checked={choice.mode === m} onChange={() => set({ mode: m })} /> {lang.t(word)}
            </label>
          ))}
        </fieldset>
        {choice.mode === 'emergency' && (
          <>
            <label>
              {lang.t('modeHazard')}
              <select data-testid="mode-hazard" value={choice.hazard} onChange={(e) => set({ hazard: Hazard.parse(e.target.value) })}>
                {Hazard.options.map((h) => <option key={h} value={h}>{HAZARD_LABELS[h][lang.language]}</option>)}
              </select>
            </label>
            <fieldset role="radiogroup" aria-label={lang.t('modeLevel')}>
              {ResponseLevel.options.map((l) => (
                <label key={l} className="check level-choice" data-colour={LEVEL_COLOURS[l]}>
                  <input type="radio" name="level" data-testid={`mode-level-${l}`} checked={choice.level === l} onChange={() => set({ level: l })} />
                  {LEVEL_NUMERALS[l]}{lang.t('modeLevelWord')} · {lang.language === 'zh' ? COLOUR_WORDS[LEVEL_COLOURS[l]] : LEVEL_COLOURS[l]}
                </label>
              ))}
            </fieldset>
          </>
        )}
        {choice.mode === 'special' && (
          <label>
            {lang.t('modeEvent')}
            <input data-testid="mode-event" value={choice.event} maxLength={80} onChange={(e) => set({ event: e.target.value })} />
          </label>
        )}
        <label>
          {lang.t('modeReason')}
          <textarea data-testid="mode-reason" rows={2} maxLength={500} value={choice.reason} onChange={(e) => set({ reason: e.target.value })} />
        </label>
        <label className="check">
          <input type="checkbox" data-testid="mode-drill" checked={choice.drill} onChange={(e) => set({ drill: e.target.checked })} /> {lang.t('modeDrillCheck')}
        </label>
        <button type="submit" className="action danger" data-testid="mode-switch-open" disabled={pending !== null || status.kind === 'sending'}>{lang.t('modeSwitchButton')}</button>
      </form>
      {pending && <ModeConfirm pending={pending} sending={status.kind === 'sending'} onConfirm={() => void confirm()} onCancel={() => setPending(null)} />}
      <CommandOutcome status={status} testId="mode-outcome" />
    </div>
  );
}
