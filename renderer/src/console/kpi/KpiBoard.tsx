// The KPI view (考核指标, S-5) on the console: the figures of today, this week, this month or a range of days as
// the hall computes them (the `kpi` route: the same answer the wall and the reports read), the chosen figure day
// by day and the units ranked by it (督查考核), the cases behind a figure or a unit, and the reports to download.
// Keys: D/W/M today/week/month, ←/→ the figure, G the ranking's units. The board keeps its choices while other
// tabs are shown and fetches only while it is.
import { useState } from 'react';
import { KPI_NAMES, type KpiName } from '../../../../electron/common/kpi/kpi-definitions.ts';
import { Keys } from '../../components/Keys.tsx';
import type { MessageKey } from '../../i18n/dictionary.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { useShortcuts, type Shortcut } from '../../use-shortcut.ts';
import { useSite } from '../../use-site.ts';
import { currentSpan, rangeProblem, trendSpan, type DaySpan, type PeriodKind } from './kpi-period.ts';
import { KpiDrillDown } from './KpiDrillDown.tsx';
import { KpiFigures } from './KpiFigures.tsx';
import { KpiRanking, RANK_DIMENSIONS, unitNamer, type RankDimension, type RankEntry } from './KpiRanking.tsx';
import { KpiTrend } from './KpiTrend.tsx';
import { ReportExports } from './ReportExports.tsx';
import { useKpi, type KpiLoad } from './use-kpi.ts';

const PERIODS: ReadonlyArray<[PeriodKind, MessageKey, Shortcut | null]> = [
  ['day', 'today', { code: 'KeyD' }], ['week', 'thisWeek', { code: 'KeyW' }], ['month', 'thisMonth', { code: 'KeyM' }], ['range', 'dateRange', null],
];
const PREVIOUS_FIGURE: Shortcut = { code: 'ArrowLeft' };
const NEXT_FIGURE: Shortcut = { code: 'ArrowRight' };
const NEXT_DIMENSION: Shortcut = { code: 'KeyG' };

/** What the drill-down shows: a figure of the period, or one unit's figure in the ranking. */
type Drill = { of: 'figure'; name: KpiName } | { of: 'unit'; key: string };

const ready = (load: KpiLoad, key: string | null) => !load.loading && load.answerKey === key && load.error === null;

interface Props {
  active: boolean;
  now: number;
  onOpenCase(id: string): void;
}

export function KpiBoard({ active, now, onOpenCase }: Props) {
  const lang = useLanguage();
  const site = useSite();
  const [kind, setKind] = useState<PeriodKind>('day');
  const [typedRange, setRange] = useState<DaySpan | null>(null);
  const range = typedRange ?? currentSpan('week', now);
  const [figure, setFigure] = useState<KpiName>('closure');
  const [dimension, setDimension] = useState<RankDimension>('department');
  const [drill, setDrill] = useState<Drill | null>(null);

  const problem = kind === 'range' ? rangeProblem(range) : null;
  const span = kind === 'range' ? (problem ? null : range) : currentSpan(kind, now);
  const shown = active && span !== null;
  const figuresQuery = shown ? { from: span.from, to: span.to, ids: '1' } : null;
  const trendQuery = shown ? { ...trendSpan(span), groupBy: 'day' } : null;
  const rankingQuery = shown ? { from: span.from, to: span.to, groupBy: dimension, rankBy: figure, ids: '1' } : null;
  const figures = useKpi(figuresQuery);
  const trend = useKpi(trendQuery);
  const ranking = useKpi(rankingQuery);
  const key = (q: object | null) => q && JSON.stringify(q);

  const choosePeriod = (k: PeriodKind) => {
    setKind(k);
    setDrill(null);
  };
  const stepFigure = (by: number) => setFigure((f) => KPI_NAMES[(KPI_NAMES.indexOf(f) + by + KPI_NAMES.length) % KPI_NAMES.length]!);
  const nextDimension = () => setDimension((d) => RANK_DIMENSIONS[(RANK_DIMENSIONS.findIndex(([x]) => x === d) + 1) % RANK_DIMENSIONS.length]![0]);
  useShortcuts(active ? [
    ...PERIODS.flatMap(([k, , shortcut]) => (shortcut ? [{ ...shortcut, run: () => choosePeriod(k) }] : [])),
    { ...PREVIOUS_FIGURE, run: () => stepFigure(-1) }, { ...NEXT_FIGURE, run: () => stepFigure(1) }, { ...NEXT_DIMENSION, run: nextDimension },
  ] : []);
  if (!active) return null;

  const drilled = drillOf(drill, figures, ranking);
  const unitWord = lang.t(RANK_DIMENSIONS.find(([d]) => d === dimension)![1]);
  const error = figures.error ?? trend.error ?? ranking.error;
  return (
    <section
      className="kpi-board" data-testid="kpi-board" aria-label={lang.t('tabKpi')}
      data-state={span === null ? 'invalid' : ready(figures, key(figuresQuery)) ? 'ready' : 'loading'} data-span={span ? `${span.from}/${span.to}` : ''} data-figure={figure}
    >
      <header className="kpi-head">
        <span role="group" aria-label={lang.t('period')} className="segmented">
          {PERIODS.map(([k, word, shortcut]) => (
            <button key={k} type="button" aria-pressed={kind === k} data-testid={`kpi-period-${k}`} onClick={() => choosePeriod(k)}>
              {lang.t(word)} {shortcut && <Keys shortcut={shortcut} />}
            </button>
          ))}
        </span>
        {kind === 'range' && (
          <span className="kpi-range">
            <label>{lang.t('rangeFrom')} <input type="date" data-testid="kpi-range-from" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} /></label>
            <label>{lang.t('rangeTo')} <input type="date" data-testid="kpi-range-to" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} /></label>
          </span>
        )}
        <span className="muted" data-testid="kpi-span">
          {span ? `${span.from} – ${span.to}` : <span className="status-failed" data-testid="kpi-range-problem">{lang.t(problem!)}</span>}
          {span && (figures.loading || trend.loading || ranking.loading) && ` · ${lang.t('kpiUpdating')}`}
        </span>
        {error && <span className="status-failed" data-testid="kpi-error">{lang.t('kpiFailed')}{error}</span>}
        <ReportExports now={now} />
      </header>
      <div className="kpi-body">
        <div className="kpi-main">
          {figures.answer && (
            <>
              <p className="muted kpi-keys">
                {lang.t('pickFigure')} · <Keys shortcut={PREVIOUS_FIGURE} />/<Keys shortcut={NEXT_FIGURE} /> {lang.t('previousNextFigure')}
              </p>
              <KpiFigures kpis={figures.answer.kpis} selected={figure} onSelect={setFigure} onDrill={(name) => setDrill({ of: 'figure', name })} />
            </>
          )}
          {drilled && (
            <KpiDrillDown
              title={drill?.of === 'unit' ? `${lang.kpi(figure)} · ${unitWord} ${unitNamer(dimension, site, lang)(drill.key)}` : lang.kpi(drill?.of === 'figure' ? drill.name : figure)}
              figure={drilled} onOpenCase={onOpenCase} onClose={() => setDrill(null)}
            />
          )}
        </div>
        {span && (
          <div className="kpi-charts">
            <KpiTrend answer={trend.answer} figure={figure} ready={ready(trend, key(trendQuery))} />
            <KpiRanking
              answer={ranking.answer} ready={ready(ranking, key(rankingQuery))} figure={figure} dimension={dimension} dimensionKey={NEXT_DIMENSION} span={span}
              onDimension={setDimension} onDrill={(e: RankEntry) => setDrill({ of: 'unit', key: e.key })}
            />
          </div>
        )}
      </div>
    </section>
  );
}

/** The figure the drill-down lists, from the current answers (so it follows them as they refresh). */
function drillOf(drill: Drill | null, figures: KpiLoad, ranking: KpiLoad) {
  if (drill?.of === 'figure') return figures.answer?.kpis[drill.name] ?? null;
  if (drill?.of === 'unit') return ranking.answer?.ranking?.find((e) => e.key === drill.key) ?? null;
  return null;
}
