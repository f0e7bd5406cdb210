// One day of the roster edited in place: the day and night commander (name, title, phone, the console seat or
// by phone), each department's standby, a shift back to the rotation, or a shift swapped with another date's.
// Saving sends one roster.set command with only what was changed; the hall checks it again and logs it.
import { useState } from 'react';
import { DutyPerson, rosterDayOf, StandbyPerson, type RosterChange, type RosterDay } from '../../../electron/common/domain/roster.ts';
import { describeIssues } from '../../../electron/common/protocol.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { CommandOutcome, useCommand } from '../use-command.tsx';
import { useSite } from '../use-site.ts';
import { useDutyWords } from './duty-words.ts';

type Shift = 'day' | 'night';
interface PersonForm { name: string; title: string; phone: string; seat: string }
interface StandbyForm { name: string; phone: string }

const formOf = (p: DutyPerson | undefined): PersonForm => ({ name: p?.name ?? '', title: p?.title ?? '', phone: p?.phone ?? '', seat: p?.seat ?? '' });
const same = (a: PersonForm, b: PersonForm) => a.name === b.name && a.title === b.title && a.phone === b.phone && a.seat === b.seat;

export function RosterDayEditor({ day, window, onClose }: { day: RosterDay; window: { first: string; last: string }; onClose(): void }) {
  const words = useDutyWords();
  const lang = useLanguage();
  const site = useSite();
  const { roster, seats } = useHallState();
  const { status, send, fail } = useCommand();
  const consoleSeats = seats.filter((s) => s.role === 'console');
  const departments = site.site.departments.filter((d) => d.id !== 'command');
  const initial = { day: formOf(day.day?.person), night: formOf(day.night?.person) };
  const [people, setPeople] = useState(initial);
  const [rotation, setRotation] = useState<Record<Shift, boolean>>({ day: false, night: false });
  const standbyOf = (id: string): StandbyForm => {
    const s = day.standby.find((x) => x.department === id)?.person;
    return { name: s?.name ?? '', phone: s?.phone ?? '' };
  };
  const [standby, setStandby] = useState<Record<string, StandbyForm>>(() => Object.fromEntries(departments.map((d) => [d.id, standbyOf(d.id)])));
  const [swapDate, setSwapDate] = useState('');
  const [swapShift, setSwapShift] = useState<Shift>('day');

  const save = async () => {
    const change: RosterChange = { date: day.date };
    for (const shift of ['day', 'night'] as const) {
      if (rotation[shift]) {
        change[shift] = null;
      } else if (!same(people[shift], initial[shift])) {
        const parsed = DutyPerson.safeParse({ ...people[shift], seat: people[shift].seat || null });
        if (!parsed.success) return fail(`${lang.t(shift === 'day' ? 'dayShift' : 'nightShift')}: ${describeIssues(parsed.error)}`);
        change[shift] = parsed.data;
      }
    }
    for (const d of departments) {
      const form = standby[d.id]!;
      const before = standbyOf(d.id);
      if (form.name === before.name && form.phone === before.phone) continue;
      const set = day.standby.find((s) => s.department === d.id)?.set ?? false;
      // Both cleared: back to the rotation (or nobody, where the rotation has none).
      if (!form.name && !form.phone) {
        if (set) change.standby = { ...change.standby, [d.id]: null };
        continue;
      }
      const parsed = StandbyPerson.safeParse(form);
      if (!parsed.success) return fail(`${words('standby')} ${d.zh}: ${describeIssues(parsed.error)}`);
      change.standby = { ...change.standby, [d.id]: parsed.data };
    }
    if (Object.keys(change).length === 1) return onClose();
    if (await send({ kind: 'roster.set', changes: [change] }, `${words('saved')} ${day.date}`)) onClose();
  };

  /** Swaps this date's shift with another date's same shift: two people trade duty days. */
  const swap = async () => {
    const mine = day[swapShift]?.person;
    const theirs = rosterDayOf(swapDate, roster)[swapShift]?.person;
    if (!mine || !theirs) return fail(lang.t('noRoster'));
    const changes: RosterChange[] = [{ date: day.date, [swapShift]: theirs }, { date: swapDate, [swapShift]: mine }];
    if (await send({ kind: 'roster.set', changes }, `${words('swapped')} ${day.date} ⇄ ${swapDate}`)) onClose();
  };

  const person = (shift: Shift) => {
    const set = (field: keyof PersonForm, value: string) => setPeople({ ...people, [shift]: { ...people[shift], [field]: value } });
    return (
      <fieldset className="roster-person" disabled={rotation[shift]} data-testid={`roster-${shift}-form`}>
        <legend>{lang.t(shift === 'day' ? 'dayShift' : 'nightShift')}</legend>
        <label>{words('name')}<input data-testid={`roster-${shift}-name`} value={people[shift].name} onChange={(e) => set('name', e.target.value)} /></label>
        <label>{words('title')}<input data-testid={`roster-${shift}-title`} value={people[shift].title} onChange={(e) => set('title', e.target.value)} /></label>
        <label>{words('phone')}<input data-testid={`roster-${shift}-phone`} value={people[shift].phone} onChange={(e) => set('phone', e.target.value)} /></label>
        <label>
          {words('seat')}
          <select data-testid={`roster-${shift}-seat`} value={people[shift].seat} onChange={(e) => set('seat', e.target.value)}>
            <option value="">{words('byPhone')}</option>
            {consoleSeats.map((s) => <option key={s.id} value={s.id}>{s.label}（{s.id}）</option>)}
          </select>
        </label>
      </fieldset>
    );
  };

  return (
    <div className="roster-editor" data-testid="roster-editor" data-date={day.date}>
      <div className="roster-people">
        {(['day', 'night'] as const).map((shift) => (
          <div key={shift}>
            {person(shift)}
            {day[shift]?.set && (
              <label className="check">
                <input type="checkbox" data-testid={`roster-${shift}-rotation`} checked={rotation[shift]} onChange={(e) => setRotation({ ...rotation, [shift]: e.target.checked })} />
                {words('backToRotation')}
              </label>
            )}
          </div>
        ))}
      </div>
      <fieldset className="roster-standby-form">
        <legend>{words('standby')}</legend>
        {departments.map((d) => (
          <span key={d.id} className="roster-standby-row" data-department={d.id}>
            <span className="roster-standby-department">{site.departmentName(d.id)}</span>
            <input aria-label={`${site.departmentName(d.id)} ${words('name')}`} data-testid={`roster-standby-${d.id}-name`} value={standby[d.id]!.name}
              onChange={(e) => setStandby({ ...standby, [d.id]: { ...standby[d.id]!, name: e.target.value } })} />
            <input aria-label={`${site.departmentName(d.id)} ${words('phone')}`} data-testid={`roster-standby-${d.id}-phone`} value={standby[d.id]!.phone}
              onChange={(e) => setStandby({ ...standby, [d.id]: { ...standby[d.id]!, phone: e.target.value } })} />
          </span>
        ))}
      </fieldset>
      <div className="form-buttons">
        <button type="button" className="primary" data-testid="roster-save" disabled={status.kind === 'sending'} onClick={() => void save()}>{words('save')}</button>
        <button type="button" data-testid="roster-cancel" onClick={onClose}>{words('cancel')}</button>
        <span className="roster-swap">
          {words('swapWith')}
          <input type="date" data-testid="roster-swap-date" min={window.first} max={window.last} value={swapDate} onChange={(e) => setSwapDate(e.target.value)} />
          <select data-testid="roster-swap-shift" value={swapShift} onChange={(e) => setSwapShift(e.target.value as Shift)}>
            <option value="day">{lang.t('dayShift')}</option>
            <option value="night">{lang.t('nightShift')}</option>
          </select>
          <button type="button" data-testid="roster-swap" disabled={!swapDate || swapDate === day.date || status.kind === 'sending'} onClick={() => void swap()}>{words('swap')}</button>
        </span>
      </div>
      <CommandOutcome status={status} testId="roster-outcome" />
    </div>
  );
}
