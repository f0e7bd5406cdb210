// The console's gauges, flood points, pumps and shelters (S-6.5), a section of the 应急指挥 tab: every gauge's latest
// reading against its line; each flood-prone point's status and depth, each pump's status and each shelter's
// opening and occupancy, reported from here (the hall checks occupancy against capacity and says why it refuses).
import '../styles/emergency.css';
import { useState, type FormEvent } from 'react';
import { FloodPointStatus, PumpStatus, type FloodPointView, type PumpView, type ShelterView } from '../../../electron/common/emergency/asset-model.ts';
import { beijingTime } from '../beijing-time.ts';
import { useHallState } from '../hall-context.tsx';
import type { MessageKey } from '../i18n/dictionary.ts';
import { useLanguage } from '../i18n/language.tsx';
import { CommandOutcome, useCommand } from '../use-command.tsx';
import { useSite } from '../use-site.ts';
import { KIND_WORD, TREND, gaugeValue } from './gauge-words.ts';
import { useFloodPlaces, type FloodPointPlace, type ShelterPlace } from './use-flood-places.ts';

const FLOOD_WORD: Readonly<Record<FloodPointStatus, MessageKey>> = { normal: 'floodNormal', ponding: 'floodPonding', closed: 'floodClosed' };
const PUMP_WORD: Readonly<Record<PumpStatus, MessageKey>> = { running: 'pumpRunning', stopped: 'pumpStopped', fault: 'pumpFault' };

export function GaugesSection() {
  const lang = useLanguage();
  const places = useFloodPlaces();
  const { floodPoints, pumps, shelters } = useHallState();
  const site = useSite();
  const byPoint = new Map(floodPoints.map((p) => [p.pointId, p]));
  const byPump = new Map(pumps.map((p) => [p.pumpId, p]));
  const byShelter = new Map(shelters.map((s) => [s.shelterId, s]));
  return (
    <section className="emergency-section emergency-gauges" data-testid="emergency-gauges">
      <GaugeTable />
      <div className="emergency-columns">
        <div>
          <h3>{lang.t('sheltersTitle')}</h3>
          <ul className="asset-rows">
            {places?.shelters.map((s) => <ShelterEdit key={s.id} place={s} view={byShelter.get(s.id)} />)}
          </ul>
        </div>
        <div>
          <h3>{lang.t('floodPointsTitle')}</h3>
          <ul className="asset-rows">
            {places?.floodPoints.map((p) => <FloodPointEdit key={p.id} place={p} view={byPoint.get(p.id)} />)}
          </ul>
          <h3>{lang.t('pumpsTitle')}</h3>
          <ul className="asset-rows">
            {site.site.pumps.map((p) => <PumpEdit key={p.id} id={p.id} name={p.name} view={byPump.get(p.id)} />)}
          </ul>
        </div>
      </div>
    </section>
  );
}

function GaugeTable() {
  const lang = useLanguage();
  const site = useSite();
  const { gauges } = useHallState();
  const byId = new Map(gauges.map((g) => [g.gaugeId, g]));
  return (
    <table className="gauge-table" data-testid="gauge-table">
      <caption>{lang.t('gaugesTitle')}</caption>
      <tbody>
        {site.site.gauges.map((g) => {
          const v = byId.get(g.id);
          return (
            <tr key={g.id} className={v?.over ? 'over' : ''} data-testid="gauge-line" data-gauge-id={g.id} data-over={v ? String(v.over) : 'none'}>
              <th scope="row">{g.name}</th>
              <td>{lang.t(KIND_WORD[g.kind])}</td>
              <td className="num">{v ? gaugeValue(g.kind, v.value) : lang.t('gaugeNoReading')}</td>
              <td className="num">{lang.t('gaugeWarnAt')} {gaugeValue(g.kind, g.warnAt)}</td>
              <td>{v && (v.over ? `⚠ ${lang.t('gaugeOver')}` : lang.t('gaugeUnder'))}</td>
              <td>{v && `${TREND[v.trend].glyph} ${lang.t(TREND[v.trend].word)}`}</td>
              <td className="muted">{v && beijingTime(v.at)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ShelterEdit({ place, view }: { place: ShelterPlace; view: ShelterView | undefined }) {
  const lang = useLanguage();
  const command = useCommand();
  const [open, setOpen] = useState(view?.open ?? false);
  const [people, setPeople] = useState(String(view?.occupancy ?? 0));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const occupancy = Number(people);
    if (!/^\d+$/.test(people.trim()) || occupancy > place.capacity) return command.fail(lang.t('shelterBadNumber'));
    void command.send({ kind: 'shelter.set', shelterId: place.id, open, occupancy }, lang.t('shelterSaved'));
  };
  return (
    <li data-testid="shelter-edit" data-shelter-id={place.id}>
      {/* The form's own check, not the browser's bubble: the message says what is allowed. */}
      <form className="asset-row" onSubmit={submit} noValidate>
        <span className="asset-name">{place.name}</span>
        <label><input type="checkbox" data-testid="shelter-open" checked={open} onChange={(e) => setOpen(e.target.checked)} /> {lang.t('shelterOpen')}</label>
        <label>
          {lang.t('shelterOccupancy')}
          <input type="number" min={0} max={place.capacity} step={1} data-testid="shelter-occupancy" value={people} onChange={(e) => setPeople(e.target.value)} />
        </label>
        <span className="muted">/ {place.capacity}</span>
        <button type="submit" data-testid="shelter-save">{lang.t('shelterSave')}</button>
        <span className="muted">{view ? `${view.occupancy} · ${beijingTime(view.at)}` : lang.t('notReported')}</span>
        <CommandOutcome status={command.status} testId="shelter-outcome" />
      </form>
    </li>
  );
}

function FloodPointEdit({ place, view }: { place: FloodPointPlace; view: FloodPointView | undefined }) {
  const lang = useLanguage();
  const command = useCommand();
  const [status, setStatus] = useState<FloodPointStatus>(view?.status ?? 'normal');
  const [depth, setDepth] = useState(view?.depthCm == null ? '' : String(view.depthCm));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const depthCm = status === 'normal' || depth.trim() === '' ? null : Number(depth);
    void command.send({ kind: 'floodPoint.set', pointId: place.id, status, depthCm }, lang.t('floodSaved'));
  };
  return (
    <li data-testid="flood-edit" data-point-id={place.id} data-status={view?.status ?? 'none'}>
      <form className="asset-row" onSubmit={submit}>
        <span className="asset-name">{place.name}</span>
        <select data-testid="flood-status" value={status} onChange={(e) => setStatus(e.target.value as FloodPointStatus)}>
          {FloodPointStatus.options.map((s) => <option key={s} value={s}>{lang.t(FLOOD_WORD[s])}</option>)}
        </select>
        <label>
          {lang.t('floodDepth')}
          <input type="number" min={0} max={500} step={1} data-testid="flood-depth" value={depth} disabled={status === 'normal'} onChange={(e) => setDepth(e.target.value)} />
        </label>
        <button type="submit" data-testid="flood-save">{lang.t('shelterSave')}</button>
        <CommandOutcome status={command.status} testId="flood-outcome" />
      </form>
    </li>
  );
}

function PumpEdit({ id, name, view }: { id: string; name: string; view: PumpView | undefined }) {
  const lang = useLanguage();
  const command = useCommand();
  return (
    <li data-testid="pump-edit" data-pump-id={id} data-status={view?.status ?? 'none'}>
      <div className="asset-row">
        <span className="asset-name">{name}</span>
        <select
          data-testid="pump-status" value={view?.status ?? ''} aria-label={name}
          onChange={(e) => void command.send({ kind: 'pump.set', pumpId: id, status: e.target.value as PumpStatus }, lang.t('pumpSaved'))}
        >
          {!view && <option value="">{lang.t('notReported')}</option>}
          {PumpStatus.options.map((s) => <option key={s} value={s}>{lang.t(PUMP_WORD[s])}</option>)}
        </select>
        <CommandOutcome status={command.status} testId="pump-outcome" />
      </div>
    </li>
  );
}
