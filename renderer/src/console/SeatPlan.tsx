// The seat plan (S-3.3): every seat of the hall and who answered the roll call there, since when; in emergency
// the emergency command with the flood-control desks that joined and the field command posts (S-6.2).
import { beijingDateTime } from '../beijing-time.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useSite } from '../use-site.ts';
import { CommandRoster } from '../emergency/CommandRoster.tsx';

export function SeatPlan() {
  const lang = useLanguage();
  const site = useSite();
  const { seats, mode } = useHallState();
  return (
    <section className="seat-plan" data-testid="seat-plan" aria-label={lang.t('tabSeats')}>
      {mode.command && <article className="seat-card present"><CommandRoster /></article>}
      {seats.map((s) => (
        <article key={s.id} className={`seat-card${s.officer ? ' present' : ''}`} data-testid="seat-card" data-seat-id={s.id}>
          <header>
            <strong>{s.label}</strong> <span className="muted">{s.id} · {site.departmentName(s.department)}</span>
          </header>
          <p className="seat-officer">
            <span aria-hidden="true">{s.officer ? '●' : '○'}</span>{' '}
            {s.officer ? `${lang.t('present')} ${s.officer.name}（${s.officer.badge}）` : lang.t(s.role === 'desk' ? 'absent' : 'noRollCall')}
          </p>
          {s.since !== null && <p className="muted">{lang.t('signedInSince')} {beijingDateTime(s.since)}</p>}
        </article>
      ))}
    </section>
  );
}
