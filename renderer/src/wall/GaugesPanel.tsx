// Water and rain gauges on the wall (S-6.5): a card for each of the site's gauges with its latest reading, its
// warning line, the state in a word (超警戒 in red over the line) and the trend, and its last hours drawn as a
// chart against the line (emergency/gauge-chart.ts). A gauge with no reading yet says so.
import '../styles/emergency-wall.css';
import { useEffect, useRef } from 'react';
import { GAUGE_CHART_MS, type GaugeSite, type GaugeView } from '../../../electron/common/emergency/gauge-model.ts';
import { beijingTime } from '../beijing-time.ts';
import { drawGaugeChart } from '../emergency/gauge-chart.ts';
import { KIND_WORD, TREND, gaugeValue } from '../emergency/gauge-words.ts';
import { useHallState } from '../hall-context.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useSite } from '../use-site.ts';

export function GaugesPanel() {
  const lang = useLanguage();
  const site = useSite();
  const { gauges } = useHallState();
  const byId = new Map(gauges.map((g) => [g.gaugeId, g]));
  const over = gauges.filter((g) => g.over).length;
  return (
    <section className="wall-board gauges-board" data-testid="gauges-panel">
      <h2>
        {lang.t('gaugesTitle')}
        {over > 0 && <span className="gauge-over-count" data-testid="gauges-over">⚠ {lang.t('gaugeOver')} {over}</span>}
      </h2>
      <div className="gauge-cards">
        {site.site.gauges.map((g) => <GaugeCard key={g.id} gauge={g} view={byId.get(g.id)} />)}
      </div>
    </section>
  );
}

function GaugeCard({ gauge, view }: { gauge: GaugeSite; view: GaugeView | undefined }) {
  const lang = useLanguage();
  const trend = view && TREND[view.trend];
  return (
    <article className={`gauge-card${view?.over ? ' over' : ''}`} data-testid="gauge-card" data-gauge-id={gauge.id} data-over={view ? String(view.over) : 'none'}>
      <header>
        <span className="gauge-name">{gauge.name}</span>
        <span className="gauge-kind">{lang.t(KIND_WORD[gauge.kind])}</span>
      </header>
      <p className="gauge-figures">
        <span className="gauge-value" data-testid="gauge-value">{view ? gaugeValue(gauge.kind, view.value) : lang.t('gaugeNoReading')}</span>
        {trend && <span className="gauge-trend">{trend.glyph} {lang.t(trend.word)}</span>}
      </p>
      <p className="gauge-line">
        <span>{lang.t('gaugeWarnAt')} {gaugeValue(gauge.kind, gauge.warnAt)}</span>
        {view && <span className="gauge-state" data-testid="gauge-state">{view.over ? `⚠ ${lang.t('gaugeOver')}` : lang.t('gaugeUnder')}</span>}
        {view && <span className="gauge-at">{beijingTime(view.at)}</span>}
      </p>
      <GaugeChart series={view?.series ?? []} warnAt={gauge.warnAt} />
    </article>
  );
}

/** The chart canvas at its box's size in device pixels, drawn again when the box or the readings change. */
export function GaugeChart({ series, warnAt }: { series: GaugeView['series']; warnAt: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const draw = () => {
      const box = canvas.getBoundingClientRect();
      canvas.width = Math.max(1, Math.round(box.width * devicePixelRatio));
      canvas.height = Math.max(1, Math.round(box.height * devicePixelRatio));
      const ctx = canvas.getContext('2d');
      if (ctx) drawGaugeChart(ctx, canvas.width, canvas.height, series, warnAt, GAUGE_CHART_MS);
    };
    draw();
    const observer = new ResizeObserver(draw);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [series, warnAt]);
  return <canvas ref={ref} className="gauge-chart" data-testid="gauge-chart" aria-hidden="true" />;
}
