// Who commands now (S-3.2: the roster's day or night commander) and in which duty mode, and the seat plan in
// one line (S-3.3), above the console's work area.
import { commanderAt, dutyModeAt } from '../../../electron/common/domain/duty.ts';
import { beijingTime } from '../beijing-time.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';

export function DutyStrip({ now }: { now: number }) {
  const lang = useLanguage();
  const { roster, seats } = useHallState();
  const duty = commanderAt(now, roster);
  const mode = dutyModeAt(now);
  const desks = seats.filter((s) => s.role === 'desk');
  const present = desks.filter((s) => s.officer !== null);
  return (
    <div className="duty-strip" data-testid="duty-strip">
      <span className="duty-commander" data-testid="duty-commander">
        <span className="muted">{lang.t('commanderNow')}</span>{' '}
        {duty ? (
          <>
            <strong>{duty.commander.name}</strong> {duty.commander.title} · {lang.t(duty.shift === 'day' ? 'dayShift' : 'nightShift')}{' '}
            {beijingTime(duty.from).slice(0, 5)}–{beijingTime(duty.until).slice(0, 5)} · ☎ {duty.commander.phone}
          </>
        ) : (
          <span className="warning">{lang.t('noRoster')}</span>
        )}
      </span>
      <span className={`duty-mode mode-${mode}`} data-testid="duty-mode">
        <span aria-hidden="true">{mode === 'day' ? '☀' : '☾'}</span> {lang.t(mode === 'day' ? 'modeDay' : 'modeOffHours')}
      </span>
      <span className="duty-seats" data-testid="duty-seats">
        <span className="muted">{lang.t('seatsPresent')}</span> {present.length}/{desks.length}
        {desks.map((s) => (
          <span key={s.id} className={`seat-pip${s.officer ? ' present' : ''}`} title={s.label}>
            {s.officer ? '●' : '○'} {s.label.replace(/坐席$/, '')}
          </span>
        ))}
      </span>
    </div>
  );
}
