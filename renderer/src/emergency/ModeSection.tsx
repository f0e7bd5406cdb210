// The command mode on the console (S-6): the mode in force, since when and why; the switch; the stand-down while
// in emergency; who commands (the emergency command or the roster); the history of switches.
import { beijingDateTime } from '../beijing-time.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { StandDown } from '../preplan/StandDown.tsx';
import { CommandRoster } from './CommandRoster.tsx';
import { modeLabel } from './mode-label.ts';
import { ModeHistory } from './ModeHistory.tsx';
import { ModeSwitch } from './ModeSwitch.tsx';

export function ModeSection() {
  const lang = useLanguage();
  const { mode } = useHallState();
  return (
    <section data-testid="emergency-modes" aria-labelledby="emergency-modes-heading">
      <h2 id="emergency-modes-heading">{lang.t('modeCurrent')}</h2>
      <p data-testid="mode-current" data-mode={mode.target.mode} data-drill={String(mode.drill)}>
        {mode.drill && <strong className="mode-banner-drill">{lang.t('modeDrill')}</strong>}
        <strong>{modeLabel(mode.target, lang.language)}</strong>
        {mode.seq > 0 && <> · {lang.t('modeSince')} {beijingDateTime(mode.since).slice(0, 16)} · {lang.t('modeReason')}：{mode.reason}</>}
      </p>
      <CommandRoster />
      <ModeSwitch />
      {mode.target.mode === 'emergency' && (
        <>
          <p className="muted">{lang.t('modeBackToDaily')}</p>
          <StandDown />
        </>
      )}
      <ModeHistory />
    </section>
  );
}
