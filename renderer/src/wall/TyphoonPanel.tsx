// The typhoon on the wall (S-6.5): the storm the hall imported last, at the replay's instant (the map's replay
// controls move it; every wall window follows): its category, wind and pressure, how far its centre is from the
// street, when gale (七级风圈) reaches the street and the closest approach, and its intensity over time with the
// replay instant marked.
import '../styles/typhoon.css';
import { useMemo } from 'react';
import { typhoonSituation } from '../../../electron/common/typhoon/typhoon-situation.ts';
import type { TyphoonTrack } from '../../../electron/common/typhoon/track-schema.ts';
import { stormName } from '../../../electron/common/typhoon/typhoon-import.ts';
import { useLanguage } from '../i18n/language.tsx';
import { beijingMinute, categoryName, galeText, km } from '../typhoon/typhoon-format.ts';
import { useReplayInstant, useTyphoonReplay } from '../typhoon/replay-clock.ts';
import { useShownTyphoon, useStreetCentre, type ShownTyphoon } from '../typhoon/use-shown-typhoon.ts';
import { useTyphoonWords, type TyphoonWord } from '../typhoon/typhoon-words.ts';
import { TYPHOON } from './map-style.ts';
import { chartGrid, chartText, WallChart } from './WallChart.tsx';
import { useWallUnit } from './wall-scale.ts';

/** The chart's replay mark moves in steps of this much storm time, not every frame. */
const MARK_STEP_MS = 10 * 60_000;

export function TyphoonPanel() {
  const shown = useShownTyphoon();
  const words = useTyphoonWords();
  if (!shown) {
    return (
      <section className="wall-board typhoon-board" data-testid="typhoon-panel">
        <h2>{words('typhoonView')}</h2>
        <p className="queue-empty" data-testid="typhoon-none">{words('typhoonNone')}</p>
      </section>
    );
  }
  return <TyphoonBoard key={shown.stored.id} shown={shown} words={words} />;
}

function TyphoonBoard({ shown, words }: { shown: ShownTyphoon; words: (w: TyphoonWord) => string }) {
  const { language } = useLanguage();
  const street = useStreetCentre();
  const { track } = shown.stored;
  const replay = useTyphoonReplay(shown.stored.id, shown.span, shown.latest);
  const at = useReplayInstant(replay);
  const minute = Math.floor(at / 60_000) * 60_000;
  const situation = useMemo(() => (street ? typhoonSituation(track, street, minute) : null), [track, street, minute]);
  const state = situation?.state ?? null;
  const figure = (label: TyphoonWord, value: string, testId: string, extra = '') => (
    <div className={`kpi-figure typhoon-figure${extra}`} data-testid={testId}>
      <span className="kpi-label">{words(label)}</span>
      <span className="kpi-value">{value}</span>
    </div>
  );
  return (
    <section className="wall-board typhoon-board" data-testid="typhoon-panel" data-track-id={shown.stored.id} data-at={minute}>
      <h2>
        {words('typhoonView')} {stormName(track)} <span className="count">{track.cmaNumber ?? ''}</span>
        <span className="typhoon-at" data-testid="typhoon-at">{words('typhoonReplayAt')} {beijingMinute(minute)}</span>
      </h2>
      <div className="kpi-headlines">
        {figure('typhoonNow', state ? categoryName(state.category, language) : words('typhoonNotThere'), 'typhoon-category', state ? ` category-${state.category}` : '')}
        {figure('typhoonWind', state?.maxWindMs != null ? `${Math.round(state.maxWindMs)} m/s` : '—', 'typhoon-wind')}
        {figure('typhoonPressure', state?.pressureHpa != null ? `${Math.round(state.pressureHpa)} hPa` : '—', 'typhoon-pressure')}
        {figure('typhoonDistance', situation?.distanceKm != null ? km(situation.distanceKm) : '—', 'typhoon-distance', situation?.inGale ? ' alarm' : '')}
      </div>
      <p className="typhoon-line" data-testid="typhoon-gale">
        <span className="kpi-label">{words('typhoonGale')}</span> {situation ? galeText(situation.gale, minute, words) : words('typhoonNoCentre')}
      </p>
      <p className="typhoon-line" data-testid="typhoon-closest">
        <span className="kpi-label">{words('typhoonClosest')}</span>{' '}
        {situation?.gale.closest ? `${km(situation.gale.closest.distanceKm)}（${beijingMinute(situation.gale.closest.t)}）` : '—'}
      </p>
      <IntensityChart track={track} at={Math.floor(at / MARK_STEP_MS) * MARK_STEP_MS} words={words} />
    </section>
  );
}

function IntensityChart({ track, at, words }: { track: TyphoonTrack; at: number; words: (w: TyphoonWord) => string }) {
  const unit = useWallUnit();
  const option = useMemo(() => {
    const text = chartText(unit);
    const hourLabel = (t: number) => `${beijingMinute(t).slice(5, 13)}时`;
    return {
      grid: chartGrid(unit),
      xAxis: { type: 'time', axisLabel: { ...text, formatter: hourLabel, hideOverlap: true }, splitLine: { show: false } },
      yAxis: { type: 'value', name: words('typhoonChartWind'), nameTextStyle: text, axisLabel: text, splitLine: { lineStyle: { color: '#1e2a3d' } } },
      series: [{
        type: 'line', showSymbol: true, symbolSize: 6 * unit + 4, lineStyle: { color: TYPHOON.category.TY, width: 4 * unit + 1 },
        data: track.fixes.filter((f) => f.maxWindMs !== null).map((f) => ({ value: [f.t, f.maxWindMs], itemStyle: { color: TYPHOON.category[f.category] } })),
        areaStyle: { color: 'rgba(168, 85, 247, 0.18)' },
        markLine: { symbol: 'none', silent: true, label: { show: false }, lineStyle: { color: '#ffffff', width: 3 * unit + 1, type: 'solid' }, data: [{ xAxis: at }] },
      }],
    };
  }, [track, at, unit, words]);
  return <WallChart option={option} testId="typhoon-chart" />;
}
