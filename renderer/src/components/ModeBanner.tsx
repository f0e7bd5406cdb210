// The command mode on every screen (S-6.2, UI guide): in emergency a banner in the level's national colour (IV
// blue, III yellow, II orange, I red) with the hazard, the level as a word and since when; in joint command or
// special-event support a neutral one with the mode's name; in daily command none — daily is the normal state and
// the wall's panels keep their room. While a drill runs, the banner says 演练 and a watermark crosses the screen.
import '../styles/modes.css';
import { LEVEL_COLOURS } from '../../../electron/common/domain/command-mode.ts';
import { beijingDateTime } from '../beijing-time.ts';
import { modeLabel } from '../emergency/mode-label.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';

export function ModeBanner() {
  const lang = useLanguage();
  const { mode } = useHallState();
  const target = mode.target;
  if (target.mode === 'daily' && !mode.drill) return null;
  const level = target.mode === 'emergency' ? target.level : undefined;
  const colour = level ? `level-fill-${LEVEL_COLOURS[level]}` : 'level-fill-neutral';
  return (
    <>
      <span className={`mode-banner ${colour}`} data-testid="mode-banner" data-mode={target.mode} data-level={level} data-drill={String(mode.drill)} role="status">
        {mode.drill && <strong className="mode-banner-drill">{lang.t('modeDrill')}</strong>}
        <span aria-hidden="true">{level ? '⚠' : '◆'}</span> {modeLabel(target, lang.language)}
        <span className="mode-banner-since"> · {lang.t('modeSince')} {beijingDateTime(mode.since).slice(5, 16)}</span>
      </span>
      {mode.drill && <div className="drill-watermark" data-testid="drill-watermark" aria-hidden="true">{lang.t('modeDrillMark')}</div>}
    </>
  );
}
