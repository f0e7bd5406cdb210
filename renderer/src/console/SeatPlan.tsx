// The seat plan (S-3.3): every seat of the hall and who answered the roll call there, since when; in emergency
// the emergency command with the flood-control desks that joined and the field command posts (S-6.2). The
// commander gives a desk seat to another department here (a flexible seat to 水务 when flood control joins): the
// seat signs out and reconnects as that department's desk.
import { useState } from 'react';
import type { SeatPresence } from '../../../electron/common/protocol.ts';
import { beijingDateTime } from '../beijing-time.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { CommandOutcome, useCommand } from '../use-command.tsx';
import { useSite } from '../use-site.ts';
import { CommandRoster } from '../emergency/CommandRoster.tsx';

export function SeatPlan() {
  const lang = useLanguage();
  const site = useSite();
  const { seats, mode } = useHallState();
  return (
    <section className="seat-plan" data-testid="seat-plan" aria-label={lang.t('tabSeats')}>
      {mode.command && <article className="seat-card present seat-plan-command"><CommandRoster /></article>}
      {seats.map((s) => (
        <article key={s.id} className={`seat-card${s.officer ? ' present' : ''}`} data-testid="seat-card" data-seat-id={s.id} data-department={s.department}>
          <header>
            <strong>{s.label}</strong> <span className="muted">{s.id} · {site.departmentName(s.department)}</span>
          </header>
          <p className="seat-officer">
            <span aria-hidden="true">{s.officer ? '●' : '○'}</span>{' '}
            {s.officer ? `${lang.t('present')} ${s.officer.name}（${s.officer.badge}）` : lang.t(s.role === 'desk' ? 'absent' : 'noRollCall')}
          </p>
          {s.since !== null && <p className="muted">{lang.t('signedInSince')} {beijingDateTime(s.since)}</p>}
          {s.role === 'desk' && <SeatAssign seat={s} />}
        </article>
      ))}
    </section>
  );
}

function SeatAssign({ seat }: { seat: SeatPresence }) {
  const lang = useLanguage();
  const site = useSite();
  const { status, send } = useCommand();
  const [department, setDepartment] = useState(seat.department);
  return (
    <form
      className="seat-assign"
      onSubmit={(e) => {
        e.preventDefault();
        void send({ kind: 'seat.assign', seatId: seat.id, department }, `${lang.t('seatAssigned')} ${site.departmentName(department)}`);
      }}
    >
      <label>
        {lang.t('seatDepartment')}{' '}
        <select data-testid="seat-department" value={department} onChange={(e) => setDepartment(e.target.value)}>
          {site.leadDepartments.map((d) => <option key={d} value={d}>{site.departmentName(d)}</option>)}
        </select>
      </label>{' '}
      <button type="submit" data-testid="seat-assign" disabled={department === seat.department || status.kind === 'sending'}>{lang.t('seatAssign')}</button>
      <CommandOutcome status={status} testId="seat-assign-outcome" />
    </form>
  );
}
