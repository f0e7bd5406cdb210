// Case intake at the console (受理): the operator types a ticket from any source — hotline tickets with their
// number and deadline — and places it by its address (the hall's gazetteer, offline: 定位 or on leaving the
// field), by picking a grid or by clicking the mini map. The hall's answer (ack with
// the case number, or its reason for refusing) is shown right here, and so are possible duplicates and the
// persistent problem the new case belongs to (shown, never blocking).
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { beijing } from '../../../electron/common/domain/beijing-time.ts';
import type { GeocodeAnswer } from '../../../electron/common/http-api.ts';
import { CaseDraft, CaseSource, describeIssues, type CaseView, type LonLat, type Urgency } from '../../../electron/common/protocol.ts';
import { CaseWarnings } from '../components/CaseWarnings.tsx';
import { Keys } from '../components/Keys.tsx';
import { MiniMap } from '../components/MiniMap.tsx';
import { gridPoint, microGridAt } from '../grid-geometry.ts';
import { fetchApi } from '../hall-api.ts';
import { useHall, useHallState } from '../hall-context.tsx';
import { CommandRejected } from '../hall-client.ts';
import { useLanguage } from '../i18n/language.tsx';
import { useSite } from '../use-site.ts';
import { useGrids } from '../use-grids.ts';
import { useShortcut } from '../use-shortcut.ts';

/** Frequent categories offered as suggestions (those with responsibility rules first); the field stays free text. */
const CATEGORY_SUGGESTIONS = ['市容环境', '治安防控', '街面秩序', '噪声扰民', '违法建筑', '市场监管', '设施管理', '园林绿化', '防汛防台', '群租', '安全隐患', '环境保护'];
/** Sources whose tickets carry a number and a deadline. */
const TICKETED: ReadonlySet<CaseSource> = new Set(['hotline12345', 'hotline12319', 'nonpolice110']);
const NEW_KEY = { code: 'KeyN', alt: true };
const URGENCY_KEY = { code: 'KeyU', alt: true };
const SUBMIT_KEY = { code: 'Enter', ctrl: true };

type Status =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'done'; no: number }
  | { kind: 'failed'; message: string };

const EMPTY = { title: '', category: '', address: '', description: '', externalId: '', due: '' };
type Place = { gridId: string; location: LonLat } | null;
/** The gazetteer's answer for the address typed, while it is the one in the field. */
type Found = { address: string; answer: GeocodeAnswer } | { address: string; failed: string } | null;

export function IntakeForm({ onCreated, now }: { onCreated(no: number): void; now: number }) {
  const { client, bridge } = useHall();
  const { link, cases, mode } = useHallState();
  const lang = useLanguage();
  const site = useSite();
  const grids = useGrids();
  const formRef = useRef<HTMLFormElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const [fields, setFields] = useState(EMPTY);
  const [source, setSource] = useState<CaseSource>('hotline12345');
  // null: the site's grade for the category (or its default) until the operator picks one.
  const [picked, setUrgency] = useState<Urgency | null>(null);
  const urgency = picked ?? site.urgencyFor(fields.category.trim());
  const [place, setPlace] = useState<Place>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [found, setFound] = useState<Found>(null);

  const microGrids = useMemo(
    () => (grids.status === 'ready' ? grids.grids.filter((g) => g.properties.level === 'micro').sort((a, b) => a.properties.id.localeCompare(b.properties.id)) : []),
    [grids],
  );
  const created: CaseView | undefined = status.kind === 'done' ? cases.find((c) => c.no === status.no) : undefined;

  useShortcut(NEW_KEY, () => titleRef.current?.focus());
  // Marks the case with the site's most urgent grade, or back to its default (the other grades are a click away).
  useShortcut(URGENCY_KEY, () => {
    const most = site.site.urgencies[0]!.id;
    setUrgency(urgency === most ? site.site.defaultUrgency : most);
  });
  useShortcut(SUBMIT_KEY, () => formRef.current?.requestSubmit());

  const pickGrid = (gridId: string) => {
    const grid = microGrids.find((g) => g.properties.id === gridId);
    const location = grid && gridPoint(grid);
    setPlace(grid && location ? { gridId, location } : null);
  };
  const pickPoint = (location: LonLat) => {
    if (grids.status !== 'ready') return;
    const grid = microGridAt(location, grids.grids);
    setPlace(grid ? { gridId: grid.properties.id, location } : null);
  };

  const locate = async () => {
    const address = fields.address.trim();
    if (address === '' || (found && found.address === address)) return;
    try {
      const answer = await fetchApi(bridge, 'geocode', { query: { address } });
      setFound({ address, answer });
      if (answer.match !== 'unmatched') setPlace({ gridId: answer.gridId, location: answer.point });
    } catch (error) {
      setFound({ address, failed: String(error) });
    }
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (status.kind === 'sending') return;
    const [dueDate, dueTime] = fields.due.split('T');
    const ticketed = TICKETED.has(source);
    const draft = CaseDraft.safeParse({
      title: fields.title, category: fields.category, address: fields.address, description: fields.description, source, urgency,
      ...(place ?? {}),
      ...(ticketed && fields.externalId.trim() ? { externalId: fields.externalId } : {}),
      ...(ticketed && dueDate && dueTime ? { dueAt: beijing(dueDate, dueTime) } : {}),
    });
    if (!draft.success) return setStatus({ kind: 'failed', message: describeIssues(draft.error) });
    setStatus({ kind: 'sending' });
    try {
      const ack = await client.sendCommand({ kind: 'case.create', draft: draft.data });
      setStatus({ kind: 'done', no: ack.eventSeq });
      onCreated(ack.eventSeq);
      setFields(EMPTY);
      setUrgency(null);
      setPlace(null);
      setFound(null);
      titleRef.current?.focus();
    } catch (error) {
      const message = error instanceof CommandRejected ? `${lang.t('rejectedBy')}${error.message}` : String(error);
      setStatus({ kind: 'failed', message });
    }
  };

  const text = (name: keyof typeof EMPTY) => ({
    id: `intake-${name}`,
    name,
    'data-testid': `intake-${name}`,
    value: fields[name],
    onChange: (e: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: e.target.value })),
  });

  return (
    <form ref={formRef} className="intake" data-testid="intake-form" onSubmit={onSubmit} aria-labelledby="intake-heading">
      <h2 id="intake-heading">{lang.t('intakeTitle')}</h2>

      <label htmlFor="intake-title">{lang.t('fieldTitle')} <Keys shortcut={NEW_KEY} /></label>
      <input ref={titleRef} {...text('title')} required maxLength={200} autoComplete="off" autoFocus />

      <div className="intake-pair">
        <span>
          <label htmlFor="intake-source">{lang.t('fieldSource')}</label>
          <select id="intake-source" data-testid="intake-source" value={source} onChange={(e) => setSource(CaseSource.parse(e.target.value))}>
            {CaseSource.options.map((s) => (
              <option key={s} value={s}>{lang.source(s)}</option>
            ))}
          </select>
        </span>
        <span>
          <label htmlFor="intake-category">{lang.t('fieldCategory')}</label>
          <input {...text('category')} required maxLength={50} list="intake-category-suggestions" autoComplete="off" />
          <datalist id="intake-category-suggestions">
            {/* In emergency command its categories (倒伏树木, 积水 …, with their own clocks) come first. */}
            {mode.target.mode === 'emergency' && site.emergencyCategories().map((c) => <option key={c.name} value={c.name} />)}
            {CATEGORY_SUGGESTIONS.map((c) => <option key={c} value={c} />)}
          </datalist>
        </span>
      </div>

      {TICKETED.has(source) && (
        <div className="intake-pair">
          <span>
            <label htmlFor="intake-externalId">{lang.t('ticketNo')}</label>
            <input {...text('externalId')} maxLength={80} autoComplete="off" />
          </span>
          <span>
            <label htmlFor="intake-due">{lang.t('ticketDue')}</label>
            <input {...text('due')} type="datetime-local" />
          </span>
        </div>
      )}

      <fieldset className="intake-urgency">
        <legend>{lang.t('fieldUrgency')} <Keys shortcut={URGENCY_KEY} /></legend>
        {site.site.urgencies.map(({ id, urgent }) => (
          <label key={id} className={`urgency-choice urgency-${urgent ? 'urgent' : 'general'}`}>
            <input type="radio" name="urgency" value={id} data-testid={`intake-urgency-${id}`} checked={urgency === id} onChange={() => setUrgency(id)} />
            {site.urgencyName(id)}
          </label>
        ))}
      </fieldset>

      <label htmlFor="intake-address">{lang.t('fieldAddress')}</label>
      <span className="intake-address">
        <input {...text('address')} maxLength={200} autoComplete="off" onBlur={() => void locate()} />
        <button type="button" data-testid="intake-geocode" onClick={() => void locate()} disabled={fields.address.trim() === ''}>{lang.t('geocode')}</button>
      </span>
      {found && found.address === fields.address.trim() && <GeocodeLine found={found} />}

      <label htmlFor="intake-grid">{lang.t('fieldLocation')}</label>
      <select id="intake-grid" data-testid="intake-grid" value={place?.gridId ?? ''} onChange={(e) => pickGrid(e.target.value)}>
        <option value="">{lang.t('pickGridOrMap')}</option>
        {microGrids.map((g) => <option key={g.properties.id} value={g.properties.id}>{g.properties.id} {g.properties.name}</option>)}
      </select>
      {grids.status === 'ready' && (
        <MiniMap grids={grids.grids} casePoint={place?.location} highlightGridId={place?.gridId} onPick={pickPoint} label={lang.t('intakeMap')} testId="intake-map" />
      )}
      {grids.status === 'failed' && <p className="status-failed">{lang.t('mapFailed')}{grids.message}</p>}
      <p className="intake-place muted" data-testid="intake-place">
        {place ? `${place.gridId} · ${place.location.lon.toFixed(5)}, ${place.location.lat.toFixed(5)}` : lang.t('noLocation')}
      </p>

      <label htmlFor="intake-description">{lang.t('fieldDescription')}</label>
      <textarea {...text('description')} maxLength={4000} rows={2} />

      <button type="submit" className="primary" data-testid="intake-submit" disabled={status.kind === 'sending'}>
        {lang.t('submit')} <Keys shortcut={SUBMIT_KEY} />
      </button>
      <p className={`intake-status status-${status.kind}`} data-testid="intake-status" role="status" aria-live="polite">
        {status.kind === 'sending' && (link === 'live' ? lang.t('submitting') : lang.t('queuedOffline'))}
        {status.kind === 'done' && `${lang.t('reported')} #${status.no}`}
        {status.kind === 'failed' && status.message}
      </p>
      {created && <CaseWarnings view={created} now={now} />}
    </form>
  );
}

/** Where the gazetteer placed the address, how sure it is, or why it could not (then: a grid or the map). */
function GeocodeLine({ found }: { found: NonNullable<Found> }) {
  const lang = useLanguage();
  if ('failed' in found) return <p className="status-failed" data-testid="intake-geocode-result" data-match="error">{found.failed}</p>;
  const { answer } = found;
  if (answer.match === 'unmatched') {
    return <p className="geocode-unmatched" data-testid="intake-geocode-result" data-match="unmatched" title={answer.reason}>⚠ {lang.t('geocodeUnmatched')}：{lang.unmatched(answer.code)} · {lang.t('placeOnMap')}</p>;
  }
  return (
    <p className="geocode-found" data-testid="intake-geocode-result" data-match={answer.match}>
      ✓ {lang.matchKind(answer.match)} · {answer.standardAddress} · {answer.gridId}
    </p>
  );
}
