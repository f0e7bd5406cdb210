// The console's typhoon section (应急指挥 › 台风路径): a track file chosen or dropped here goes to the hall, which
// stores it only when the whole file is good (the answer names what is wrong otherwise). Every imported storm is
// listed with its number, span and peak category and, for the street's centre, the distance as the data last
// saw it, when gale (七级风圈) first reaches the street and the closest approach. The wall shows the storm imported
// last until the commander puts another on it (上墙显示).
import '../styles/typhoon.css';
import { useMemo } from 'react';
import { galeEta } from '../../../electron/common/typhoon/gale-eta.ts';
import type { LatLon } from '../../../electron/common/typhoon/sphere.ts';
import type { StoredTyphoon } from '../../../electron/common/typhoon/stored-typhoon.ts';
import { stormName } from '../../../electron/common/typhoon/typhoon-import.ts';
import { typhoonSituation } from '../../../electron/common/typhoon/typhoon-situation.ts';
import { peakFix, trackSpan } from '../../../electron/common/typhoon/track-state.ts';
import { postFile } from '../hall-api.ts';
import { useHall, useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { CommandOutcome, useCommand } from '../use-command.tsx';
import { useFileImport } from '../use-file-import.ts';
import { beijingMinute, categoryName, galeText, km } from './typhoon-format.ts';
import { useStreetCentre } from './use-shown-typhoon.ts';
import { useTyphoonWords, type TyphoonWord } from './typhoon-words.ts';


export function TyphoonImport({ now }: { now: number }) {
  const words = useTyphoonWords();
  const { bridge } = useHall();
  const { typhoons } = useHallState();
  const street = useStreetCentre();
  const { outcome, over, upload, dropZone } = useFileImport((file: File) => postFile(bridge, 'typhoonImport', file, { query: { name: file.name } }));

  return (
    <section
      className={`typhoon-section${over ? ' drop-over' : ''}`} data-testid="emergency-typhoon" aria-labelledby="typhoon-title"
      {...dropZone}
    >
      <h2 id="typhoon-title">{words('typhoonTitle')}</h2>
      <label className="typhoon-file">
        {words('typhoonImport')}
        <input
          type="file" accept=".txt,.json,text/plain,application/json" data-testid="typhoon-file" disabled={outcome.kind === 'importing'}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // the same file chosen again imports again
            if (file) void upload(file);
          }}
        />
        <span className="muted">{words('typhoonDrop')}</span>
      </label>
      <p className="typhoon-import-result" data-testid="typhoon-import-result" role="status" aria-live="polite">
        {outcome.kind === 'importing' && <span className="muted">{words('typhoonImporting')} {outcome.file}</span>}
        {outcome.kind === 'failed' && <span className="status-failed">{outcome.message}</span>}
        {outcome.kind === 'answered' && outcome.answer.ok && (
          <span className="status-done" data-outcome="stored">{words('typhoonImported')} {outcome.file}: {outcome.answer.storms.map((s) => s.name).join('、')}</span>
        )}
        {outcome.kind === 'answered' && !outcome.answer.ok && (
          <span className="status-failed" data-outcome="refused">{words('typhoonRefused')}{outcome.file} — {outcome.answer.error}</span>
        )}
      </p>
      {typhoons.length === 0 ? (
        <p className="muted" data-testid="typhoon-none">{words('typhoonNone')}</p>
      ) : (
        <TrackTable typhoons={typhoons} street={street} now={now} words={words} />
      )}
      {!street && <p className="status-failed">{words('typhoonNoCentre')}</p>}
    </section>
  );
}

function TrackTable({ typhoons, street, now, words }: { typhoons: readonly StoredTyphoon[]; street: LatLon | null; now: number; words: (w: TyphoonWord) => string }) {
  const { language } = useLanguage();
  const { status, send } = useCommand();
  const onWall = typhoons.at(-1)?.id;
  // Newest first (the storm on the wall heads the list); the figures only change with the tracks (the present
  // moves them only for a live storm).
  const minute = Math.floor(now / 60_000);
  const rows = useMemo(() => [...typhoons].reverse().map((stored) => ({ stored, figures: street ? streetFigures(stored, street, minute * 60_000) : null })), [typhoons, street, minute]);
  return (
    <>
      <table className="typhoon-tracks" data-testid="typhoon-tracks">
        <thead>
          <tr>
            {(['typhoonName', 'typhoonNumber', 'typhoonSpan', 'typhoonPeak', 'typhoonSource', 'typhoonDistance', 'typhoonGale', 'typhoonClosest', 'typhoonWall'] as const).map((w) => <th key={w}>{words(w)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ stored: { id, track }, figures }) => {
            const span = trackSpan(track);
            const peak = peakFix(track);
            return (
              <tr key={id} data-testid="typhoon-row" data-id={id}>
                <td>{stormName(track)}</td>
                <td>{track.cmaNumber ?? '—'}</td>
                <td>{beijingMinute(span.start)} – {beijingMinute(span.end)}</td>
                <td data-testid="typhoon-peak">{categoryName(peak.category, language)}{peak.maxWindMs !== null ? ` ${peak.maxWindMs} m/s` : ''}</td>
                <td>{track.source === 'cma-bst' ? 'CMA' : 'JSON'}</td>
                <td data-testid="typhoon-distance">{figures?.distance ?? '—'}</td>
                <td data-testid="typhoon-gale">{figures?.gale ?? '—'}</td>
                <td data-testid="typhoon-closest">{figures?.closest ?? '—'}</td>
                <td>
                  <button
                    type="button" data-testid="typhoon-show" aria-pressed={id === onWall} disabled={id === onWall || status.kind === 'sending'}
                    onClick={() => void send({ kind: 'typhoon.show', typhoonId: id }, `${words('typhoonShownOnWall')}：${stormName(track)}`)}
                  >
                    {words(id === onWall ? 'typhoonOnWall' : 'typhoonShowOnWall')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <CommandOutcome status={status} testId="typhoon-show-outcome" />
    </>
  );

  /** The distance at the present or, for a storm whose data ended, at its last fix; gale and closest approach over the whole track. */
  function streetFigures({ track }: StoredTyphoon, point: LatLon, present: number) {
    const span = trackSpan(track);
    const asOf = Math.min(span.end, Math.max(span.start, present));
    const situation = typhoonSituation(track, point, asOf);
    const whole = galeEta(track, point, span.start);
    return {
      distance: situation.distanceKm === null ? null : `${km(situation.distanceKm)}（${beijingMinute(asOf)}）`,
      gale: whole.entersAt === null ? galeText(whole, span.start, words) : beijingMinute(whole.entersAt),
      closest: whole.closest ? `${km(whole.closest.distanceKm)}（${beijingMinute(whole.closest.t)}）` : null,
    };
  }
}
