// 值班表: a month of days with who commands by day and by night and who of each department stands by (备勤),
// set for the date or the rotation's turn (marked 轮值). A day is edited in place (RosterDayEditor); a roster
// file is imported through the file input (RosterImport); the template is the coming week as a file to fill in.
import { Fragment, useState } from 'react';
import { dateKey, dayOf, dayOfKey, weekdayOf } from '../../../electron/common/domain/beijing-time.ts';
import { rosterDayOf, rosterWindow, type DutyPerson, type Slot } from '../../../electron/common/domain/roster.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useSite } from '../use-site.ts';
import { useDutyWords } from './duty-words.ts';
import { RosterDayEditor } from './RosterDayEditor.tsx';
import { RosterImport } from './RosterImport.tsx';

/** The first day of the month `YYYY-MM` that is `by` months from `month`. */
function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function daysOf(month: string): string[] {
  const first = dayOfKey(`${month}-01`);
  const next = dayOfKey(`${shiftMonth(month, 1)}-01`);
  return Array.from({ length: next - first }, (_, i) => dateKey(first + i));
}

function Commander({ slot, testId }: { slot: Slot<DutyPerson> | null; testId: string }) {
  const words = useDutyWords();
  if (!slot) return <td className="warning" data-testid={testId}>—</td>;
  return (
    <td data-testid={testId} className={slot.set ? 'roster-set' : 'roster-rotation'}>
      <strong>{slot.person.name}</strong> <span className="muted">{slot.person.title}</span>
      <br />
      <span className="muted">☎ {slot.person.phone}{slot.person.seat ? ` · ${slot.person.seat}` : ` · ${words('byPhone')}`}{slot.set ? '' : ` · ${words('rotation')}`}</span>
    </td>
  );
}

export function RosterView({ now }: { now: number }) {
  const words = useDutyWords();
  const lang = useLanguage();
  const site = useSite();
  const { roster } = useHallState();
  const today = dateKey(dayOf(now));
  const [month, setMonth] = useState(today.slice(0, 7));
  const [editing, setEditing] = useState<string | null>(null);
  const { first, last } = rosterWindow(now);
  const weekdays = words('weekdays');

  return (
    <section className="roster-view" data-testid="roster-view" aria-label={words('rosterTitle')}>
      <header className="roster-head">
        <span className="roster-month">
          <button type="button" data-testid="roster-prev" aria-label={words('previousMonth')} onClick={() => setMonth(shiftMonth(month, -1))}>‹</button>
          <h2 data-testid="roster-month">{month}</h2>
          <button type="button" data-testid="roster-next" aria-label={words('nextMonth')} onClick={() => setMonth(shiftMonth(month, 1))}>›</button>
        </span>
        <RosterImport />
      </header>
      <table className="roster-table">
        <thead>
          <tr>
            <th>{words('date')}</th><th>☀ {lang.t('dayShift')}</th><th>☾ {lang.t('nightShift')}</th><th>{words('standby')}</th><th />
          </tr>
        </thead>
        <tbody>
          {daysOf(month).map((date) => {
            const day = rosterDayOf(date, roster);
            const settable = date >= first && date <= last;
            return (
              <Fragment key={date}>
                <tr data-testid="roster-day" data-date={date} className={date === today ? 'roster-today' : undefined}>
                  <th scope="row">{date.slice(5)} {weekdays[weekdayOf(dayOfKey(date))]}</th>
                  <Commander slot={day.day} testId="roster-day-commander" />
                  <Commander slot={day.night} testId="roster-night-commander" />
                  <td className="roster-standby">
                    {day.standby.map((s) => (
                      <span key={s.department} className={s.set ? 'roster-set' : 'roster-rotation'}>{site.departmentName(s.department)} {s.person.name}</span>
                    ))}
                  </td>
                  <td>
                    {settable
                      ? <button type="button" data-testid="roster-edit" onClick={() => setEditing(editing === date ? null : date)}>{words('edit')}</button>
                      : <span className="muted" title={words('notSettable')}>—</span>}
                  </td>
                </tr>
                {editing === date && (
                  <tr className="roster-editor-row">
                    <td colSpan={5}><RosterDayEditor day={day} window={{ first, last }} onClose={() => setEditing(null)} /></td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
