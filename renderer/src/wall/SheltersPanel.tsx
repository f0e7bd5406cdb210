// Shelters on the wall (S-6.5): each of the street's shelters with whether it is open, the people it holds against
// its capacity as a bar with the figures (amber from 80 %, red when full), and the total housed in the heading.
// A shelter nobody has reported yet says so.
import '../styles/emergency-wall.css';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useFloodPlaces } from '../emergency/use-flood-places.ts';

/** Share of capacity from which a shelter's bar turns amber. */
const NEARLY_FULL = 0.8;

export function SheltersPanel() {
  const lang = useLanguage();
  const places = useFloodPlaces();
  const { shelters } = useHallState();
  const reported = new Map(shelters.map((s) => [s.shelterId, s]));
  const total = shelters.reduce((n, s) => n + s.occupancy, 0);
  const capacity = (places?.shelters ?? []).reduce((n, s) => n + s.capacity, 0);
  return (
    <section className="wall-board shelters-board" data-testid="shelters-panel">
      <h2>
        {lang.t('sheltersTitle')}
        <span className="shelter-total" data-testid="shelters-total">{lang.t('shelterTotal')} <b className="count">{total}</b> / {capacity}</span>
      </h2>
      <ol className="shelter-rows">
        {(places?.shelters ?? []).map((place) => {
          const r = reported.get(place.id);
          const share = r ? r.occupancy / place.capacity : 0;
          const level = share >= 1 ? 'full' : share >= NEARLY_FULL ? 'nearly' : 'room';
          return (
            <li key={place.id} className={`shelter-row shelter-${level}`} data-testid="shelter-row" data-shelter-id={place.id} data-occupancy={r?.occupancy ?? ''}>
              <span className="shelter-name">{place.name}</span>
              <span className={`shelter-state${r?.open ? ' open' : ''}`}>{r ? lang.t(r.open ? 'shelterOpen' : 'shelterClosed') : lang.t('shelterNotReported')}</span>
              <span className="shelter-bar" aria-hidden="true"><span data-testid="shelter-bar" style={{ width: `${Math.min(100, 100 * share)}%` }} /></span>
              <span className="shelter-figures" data-testid="shelter-figures">{r ? r.occupancy : '—'} / {place.capacity}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
