// Who commands now (S-6.2): in emergency the emergency command — commander, deputy, the flood-control desks that
// joined the seat plan (with the desk seats given to them, or none yet) and the community stations serving as field
// command posts; otherwise the duty roster.
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useSite } from '../use-site.ts';

export function CommandRoster() {
  const lang = useLanguage();
  const site = useSite();
  const { mode, seats } = useHallState();
  const { command } = mode;
  if (!command) return <p className="muted" data-testid="command-roster" data-state="roster">{lang.t('commandRoster')}</p>;
  const person = (p: typeof command.commander) => `${p.name}（${p.title}）${p.seat ? ` · ${p.seat}` : ` · ${lang.t('commandByPhone')} ${p.phone}`}`;
  return (
    <div className="command-roster" data-testid="command-roster" data-state="emergency">
      <h3>{lang.t('commandTitle')}</h3>
      <dl>
        <dt>{lang.t('commandCommander')}</dt>
        <dd data-testid="command-commander">{person(command.commander)}</dd>
        <dt>{lang.t('commandDeputy')}</dt>
        <dd data-testid="command-deputy">{person(command.deputy)}</dd>
        <dt>{lang.t('commandDesks')}</dt>
        <dd>
          <ul>
            {command.desks.map((d) => {
              const at = seats.filter((s) => s.role === 'desk' && s.department === d).map((s) => s.label);
              return (
                <li key={d} data-testid="command-desk" data-department={d} data-seated={String(at.length > 0)}>
                  ▣ {site.departmentName(d)} · {at.length ? at.join('、') : <span className="muted">{lang.t('commandDeskUnseated')}</span>}
                </li>
              );
            })}
          </ul>
        </dd>
        <dt>{lang.t('commandPosts')}</dt>
        <dd>
          <ul>{command.posts.map((p) => <li key={p.station} data-testid="command-post" data-station={p.station}>⚑ {p.name} · {lang.t('commandPostChief')} {p.chief}</li>)}</ul>
        </dd>
      </dl>
    </div>
  );
}
