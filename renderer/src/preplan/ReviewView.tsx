// The after-action review (复盘, S-6.6) on the console: an ended emergency at a glance, its timeline (filterable by
// kind), how each plan action ended, and a replay on the mini map: a slider (or play) over the episode moves the
// map through its moments, showing the cases open and where the dispatched forces were then. Exports in the
// situation report's style (xlsx, PDF). Past emergencies can be picked.
import { useEffect, useMemo, useState } from 'react';
import { replayAt, type Review, type ReviewEntryKind } from '../../../electron/common/preplan/after-action.ts';
import { HAZARD_LABELS } from '../../../electron/common/cap/cn-profile.ts';
import { LEVEL_NUMERALS, type EmergencyEpisode } from '../../../electron/common/preplan/plan-model.ts';
import { durationText, ENTRY_KIND_WORDS, entryText, outcomeWord } from '../../../electron/common/preplan/review-words.ts';
import { MiniMap } from '../components/MiniMap.tsx';
import { downloadFile, fetchApi } from '../hall-api.ts';
import { useHall } from '../hall-context.tsx';
import { beijingDateTime } from '../beijing-time.ts';
import { useLanguage } from '../i18n/language.tsx';
import { useGrids } from '../use-grids.ts';
import { useSite } from '../use-site.ts';
import { DownloadStatus, useDownload } from './use-download.tsx';

const PLAY_STEP_MS = 400;
const KINDS = Object.keys(ENTRY_KIND_WORDS) as ReviewEntryKind[];

type Loaded = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; review: Review };

function useReview(episodeSeq: number): Loaded {
  const { bridge } = useHall();
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchApi(bridge, 'emergencyReview', { params: { episode: String(episodeSeq) }, signal: controller.signal }).then(
      (review) => setState({ status: 'ready', review }),
      (error: unknown) => controller.signal.aborted || setState({ status: 'failed', message: (error as Error).message }),
    );
    return () => controller.abort();
  }, [bridge, episodeSeq]);
  return state;
}

const episodeName = (e: Pick<EmergencyEpisode, 'hazard' | 'peakLevel' | 'drill'>, lang: 'zh' | 'en') =>
  `${HAZARD_LABELS[e.hazard][lang]} ${LEVEL_NUMERALS[e.peakLevel]}${lang === 'zh' ? '级' : ''}${e.drill ? (lang === 'zh' ? '（演练）' : ' (drill)') : ''}`;

/** The ended emergencies to pick from, the latest first. */
export function ReviewHistory({ selected, onSelect, refreshKey }: { selected: number | null; onSelect(seq: number): void; refreshKey: unknown }) {
  const lang = useLanguage();
  const { bridge } = useHall();
  const [episodes, setEpisodes] = useState<EmergencyEpisode[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    fetchApi(bridge, 'emergencies', { signal: controller.signal }).then(setEpisodes, () => undefined);
    return () => controller.abort();
  }, [bridge, refreshKey]);
  const ended = episodes.filter((e) => e.endedSeq !== null);
  return (
    <section className="plan-side-section" data-testid="review-history">
      <h3>{lang.t('reviewPick')}</h3>
      {ended.length === 0 && <p className="muted">{lang.t('reviewNone')}</p>}
      <ul className="review-history">
        {ended.map((e) => (
          <li key={e.seq}>
            <button type="button" className="link" aria-current={e.seq === selected} data-testid="review-episode" onClick={() => onSelect(e.seq)}>
              {beijingDateTime(e.startedAt).slice(0, 16)} {episodeName(e, lang.language)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ReviewView({ episodeSeq }: { episodeSeq: number }) {
  const lang = useLanguage();
  const loaded = useReview(episodeSeq);
  if (loaded.status === 'loading') return <p className="muted" data-testid="review-loading">{lang.t('reviewLoading')}</p>;
  if (loaded.status === 'failed') return <p className="command-outcome status-failed" data-testid="review-failed">{loaded.message}</p>;
  return <ReviewBody review={loaded.review} />;
}

function ReviewBody({ review }: { review: Review }) {
  const lang = useLanguage();
  const site = useSite();
  const { bridge } = useHall();
  const download = useDownload();
  const [kind, setKind] = useState<ReviewEntryKind | null>(null);
  const s = review.summary;
  const department = (id: string) => site.departmentName(id);
  const entries = kind ? review.entries.filter((e) => e.kind === kind) : review.entries;
  const name = `应急处置复盘-${beijingDateTime(review.startedAt).slice(0, 10)}`;
  return (
    <div className="review" data-testid="review" data-episode={review.episodeSeq}>
      <h3>
        {lang.t('reviewTitle')} · {episodeName(review, lang.language)}
        <span className="muted"> {beijingDateTime(review.startedAt).slice(0, 16)} – {beijingDateTime(review.endedAt).slice(0, 16)}</span>
        {(['xlsx', 'pdf'] as const).map((format) => (
          <button
            key={format} type="button" data-testid={`review-${format}`} disabled={download.working !== null}
            onClick={() => void download.run(format, `${name}.${format}`, () => downloadFile(bridge, 'emergencyReviewFile', { params: { episode: String(review.episodeSeq), format } }, `${name}.${format}`))}
          >
            {format.toUpperCase()}
          </button>
        ))}
      </h3>
      <DownloadStatus status={download.status} testId="review-download-status" />
      <dl className="review-summary" data-testid="review-summary">
        <dt>{lang.t('reviewDuration')}</dt><dd>{durationText(review.endedAt - review.startedAt, lang.language)}</dd>
        <dt>{lang.t('reviewPeak')}</dt><dd>{LEVEL_NUMERALS[review.peakLevel]}</dd>
        <dt>{lang.t('reviewSummaryActions')}</dt><dd>{s.actions.onTime} / {s.actions.late} / {s.actions.notDone}</dd>
        <dt>{lang.t('reviewSummaryCases')}</dt><dd>{s.casesOpened} / {s.casesClosed} / {s.casesOpenAtEnd}</dd>
        <dt>{lang.t('reviewSummaryForces')}</dt><dd>{s.dispatches} / {s.forcesDispatched}</dd>
        <dt>{lang.t('situationTitle')}</dt><dd>{s.reports}</dd>
      </dl>
      <Replay review={review} />
      <div className="review-columns">
        <section className="review-timeline" data-testid="review-timeline">
          <h4>{lang.t('reviewTimeline')} <span className="count">{entries.length}</span></h4>
          <div className="review-kinds" role="group">
            {[null, ...KINDS].map((k) => (
              <button key={k ?? 'all'} type="button" aria-pressed={kind === k} data-testid={`review-kind-${k ?? 'all'}`} onClick={() => setKind(k)}>
                {k ? ENTRY_KIND_WORDS[k][lang.language] : lang.t('reviewAllKinds')}
              </button>
            ))}
          </div>
          <ol className="review-entries">
            {entries.map((e, i) => (
              <li key={i} className={`review-entry kind-${e.kind}${e.kind === 'actionLate' || (e.kind === 'actionDone' && e.late) ? ' late' : ''}`} data-testid="review-entry" data-kind={e.kind}>
                <time>{beijingDateTime(e.at).slice(5, 16)}</time>
                <span className="review-entry-kind">{ENTRY_KIND_WORDS[e.kind][lang.language]}</span>
                <span>{entryText(e, lang.language, department)}</span>
              </li>
            ))}
          </ol>
        </section>
        <section className="review-actions" data-testid="review-actions">
          <h4>{lang.t('reviewActionsTitle')} <span className="count">{review.actions.length}</span></h4>
          <ul>
            {review.actions.map((a) => (
              <li key={`${a.planId}/${a.actionId}`} className={a.doneAt === null || a.late ? 'late' : 'done'} data-testid="review-action" data-action-id={a.actionId}>
                <span>{a.doneAt === null || a.late ? '⚠' : '✓'} {outcomeWord(a, lang.language)}</span> {a.title} <span className="muted">{department(a.department)} {a.done}/{a.total}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}

/** The episode on the mini map at a moment picked with the slider, or played through. */
function Replay({ review }: { review: Review }) {
  const lang = useLanguage();
  const grids = useGrids();
  const last = review.replay.frames.length - 1;
  const [frame, setFrame] = useState(last);
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => setFrame((f) => Math.min(f + 1, last)), PLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing, last]);
  if (playing && frame >= last) setPlaying(false);
  const at = useMemo(() => replayAt(review, frame), [review, frame]);
  return (
    <section className="review-replay" data-testid="review-replay">
      <h4>{lang.t('reviewReplay')}</h4>
      <div className="review-replay-controls">
        <button type="button" data-testid="review-play" onClick={() => { if (!playing && frame >= last) setFrame(0); setPlaying(!playing); }}>
          {playing ? `⏸ ${lang.t('reviewPause')}` : `▶ ${lang.t('reviewPlay')}`}
        </button>
        <input
          type="range" min={0} max={last} step={1} value={frame} aria-label={lang.t('reviewAt')} data-testid="review-slider"
          onChange={(e) => { setPlaying(false); setFrame(Number(e.target.value)); }}
        />
        <time data-testid="review-replay-time">{beijingDateTime(review.replay.frames[frame] ?? review.endedAt).slice(5)}</time>
        <span className="muted" data-testid="review-replay-counts">{lang.t('reviewOpenCases')} {at.cases.length} · {lang.t('reviewForces')} {at.forces.length}</span>
      </div>
      {grids.status === 'ready' && (
        <MiniMap
          grids={grids.grids} testId="review-map" label={lang.t('reviewReplay')}
          points={at.cases.flatMap((c) => (c.position ? [{ id: c.id, position: c.position, label: `#${c.no}` }] : []))}
          forces={at.forces.map((f) => ({ id: f.id, department: f.department, position: { lon: f.lon, lat: f.lat }, chosen: false }))}
        />
      )}
    </section>
  );
}
