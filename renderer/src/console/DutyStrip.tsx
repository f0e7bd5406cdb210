// Who commands now and who takes over next (S-3.2: the roster's day or night commander, set for the date or
// the rotation's turn), the duty mode, off hours who of the desks' departments stands by (备勤), and the seat
// plan in one line (S-3.3), above the console's work area; in emergency the emergency commander instead (S-6.2).
import type { OnDuty } from '../../../electron/common/domain/duty.ts';
import { beijingTime } from '../beijing-time.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useSite } from '../use-site.ts';
import { useDutyWords } from './duty-words.ts';
import { useDuty } from './use-duty.ts';

export function DutyStrip({ now }: { now: number }) {
  const lang = useLanguage();
  const words = useDutyWords();
  const site = useSite();
  const { seats, mode: commandMode } = useHallState();
  // In emergency the emergency command has taken over from the roster (S-6.2) until the stand-down.
  const emergency = commandMode.command;
  const { current, next, mode, standby } = useDuty(now);
  const desks = seats.filter((s) => s.role === 'desk');
  const present = desks.filter((s) => s.officer !== null);
  const deskDepartments = new Set(desks.map((s) => s.department));
  const shiftWord = (d: OnDuty) => lang.t(d.shift === 'day' ? 'dayShift' : 'nightShift');
  return (
    <div className="duty-strip" data-testid="duty-strip">
      <span className="duty-commander" data-testid="duty-commander" data-state={emergency ? 'emergency' : 'roster'}>
        <span className="muted">{lang.t('commanderNow')}</span>{' '}
        {emergency ? (
          <>
            <strong>{emergency.commander.name}</strong> {lang.t('commandCommander')} · {emergency.commander.title} · ☎ {emergency.commander.phone}
            <span className="muted"> ({lang.t('commandTitle')})</span>
          </>
        ) : current ? (
          <>
            <strong>{current.commander.name}</strong> {current.commander.title} · {shiftWord(current)}{' '}
            {beijingTime(current.from).slice(0, 5)}–{beijingTime(current.until).slice(0, 5)} · ☎ {current.commander.phone}
            {!current.set && <span className="muted"> ({words('rotation')})</span>}
          </>
        ) : (
          <span className="warning">{lang.t('noRoster')}</span>
        )}
      </span>
      <span className="duty-next" data-testid="duty-next">
        <span className="muted">{words('nextShift')}</span> {next ? <>{shiftWord(next)} {beijingTime(next.from).slice(0, 5)} {next.commander.name}</> : <span className="warning">{lang.t('noRoster')}</span>}
      </span>
      <span className={`duty-mode mode-${mode}`} data-testid="duty-mode">
        <span aria-hidden="true">{mode === 'day' ? '☀' : '☾'}</span> {lang.t(mode === 'day' ? 'modeDay' : 'modeOffHours')}
      </span>
      {mode === 'offHours' && (
        <span className="duty-standby" data-testid="duty-standby">
          <span className="muted">{words('standby')}</span>
          {standby.filter((s) => deskDepartments.has(s.department)).map((s) => (
            <span key={s.department} className="standby-pip" data-department={s.department}>
              {site.departmentName(s.department)} {s.person.name} ☎ {s.person.phone}
            </span>
          ))}
        </span>
      )}
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
