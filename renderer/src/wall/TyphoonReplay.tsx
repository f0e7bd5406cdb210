// The typhoon on a map monitor: feeds the storm the wall shows and the shared replay clock to the map (every map
// window, so one picture shows one instant) and, on the region's first monitor, the replay controls: the typhoon
// view toggle, play/pause, speed (hours of storm a second), a time slider over the track and its forecasts, and
// the legend of the layer's colours.
import { useEffect } from 'react';
import type { IntensityCategory, WindLevel } from '../../../electron/common/typhoon/categories.ts';
import { useLanguage } from '../i18n/language.tsx';
import { REPLAY_SPEEDS, useReplayInstant, useTyphoonReplay } from '../typhoon/replay-clock.ts';
import { beijingMinute, categoryName } from '../typhoon/typhoon-format.ts';
import { useStreetCentre, type ShownTyphoon } from '../typhoon/use-shown-typhoon.ts';
import { useTyphoonWords } from '../typhoon/typhoon-words.ts';
import { TYPHOON } from './map-style.ts';
import type { WallMap } from './wall-map.ts';

const LEGEND_CATEGORIES: readonly IntensityCategory[] = ['TD', 'TS', 'STS', 'TY', 'STY', 'SuperTY'];
const CIRCLE_WORDS: ReadonlyArray<[WindLevel, string]> = [['r7', '7'], ['r10', '10'], ['r12', '12']];
/** The slider moves in steps of ten minutes of storm time. */
const SLIDER_STEP_MS = 10 * 60_000;
const HOUR = 3_600_000;

export function TyphoonReplay({ map, shown, view, setView, controls }: {
  map: WallMap | null; shown: ShownTyphoon; view: boolean; setView(on: boolean): void; controls: boolean;
}) {
  const words = useTyphoonWords();
  const { language } = useLanguage();
  const street = useStreetCentre();
  const replay = useTyphoonReplay(shown.stored.id, shown.span, shown.latest);
  const at = useReplayInstant(replay);
  const { clock } = replay;

  useEffect(() => map?.showTyphoon(shown.stored.track, street), [map, shown, street]);
  useEffect(() => map?.setTyphoonView(view), [map, view]);
  useEffect(() => map?.setReplay(clock, shown.span), [map, clock, shown.span]);

  if (!controls) return null;
  return (
    <div className="typhoon-replay" data-testid="typhoon-replay">
      <button type="button" className="wall-toggle" aria-pressed={view} data-testid="typhoon-view-toggle" onClick={() => setView(!view)}>
        <span aria-hidden="true">◎</span> {words('typhoonView')}
      </button>
      {view && (
        <>
          <button type="button" className="wall-toggle" data-testid="typhoon-play" aria-pressed={clock.playing} onClick={() => replay.play(!clock.playing)}>
            {clock.playing ? `❚❚ ${words('typhoonPause')}` : `▶ ${words('typhoonPlay')}`}
          </button>
          <div className="wall-toggle-group" role="group">
            {REPLAY_SPEEDS.map((speed) => (
              <button key={speed} type="button" aria-pressed={clock.speed === speed} data-testid={`typhoon-speed-${speed / HOUR}`} onClick={() => replay.setSpeed(speed)}>
                {speed / HOUR} {words('typhoonHoursPerSecond')}
              </button>
            ))}
          </div>
          <input
            type="range" className="typhoon-slider" data-testid="typhoon-slider" aria-label={words('typhoonReplayAt')}
            min={shown.span.start} max={shown.span.end} step={SLIDER_STEP_MS} value={at}
            onChange={(e) => replay.seek(Number(e.target.value))}
          />
          <span className="typhoon-replay-time" data-testid="typhoon-replay-time" data-at={Math.floor(at / 60_000) * 60_000}>{beijingMinute(at)}</span>
          <ul className="typhoon-legend" data-testid="typhoon-legend">
            {LEGEND_CATEGORIES.map((c) => (
              <li key={c}><span className="swatch" style={{ background: TYPHOON.category[c] }} aria-hidden="true" /> {categoryName(c, language)}</li>
            ))}
            <li><span className="swatch dashed" aria-hidden="true" /> {words('typhoonLegendForecast')}</li>
            <li>
              {CIRCLE_WORDS.map(([level, n]) => <span key={level} className="ring" style={{ borderColor: TYPHOON.circles[level] }} aria-hidden="true">{n}</span>)} {words('typhoonLegendCircles')}
            </li>
          </ul>
        </>
      )}
    </div>
  );
}
