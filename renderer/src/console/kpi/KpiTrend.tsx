// The chosen figure day by day (the `kpi` route grouped by day): its rate as a line with the target, the cases
// it counts as bars.
import { useMemo } from 'react';
import type { KpiAnswer } from '../../../../electron/common/http-api.ts';
import type { KpiName } from '../../../../electron/common/kpi/kpi-definitions.ts';
import { EChart } from '../../components/EChart.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import { CONSOLE_CHART_TEXT, trendOption } from './kpi-charts.ts';

export function KpiTrend({ answer, figure, ready }: { answer: KpiAnswer | null; figure: KpiName; ready: boolean }) {
  const lang = useLanguage();
  const option = useMemo(() => {
    const days = answer?.groups ?? [];
    return trendOption({
      days: days.map((g) => g.key), rates: days.map((g) => g.kpis[figure].rate), counts: days.map((g) => g.kpis[figure].denominator),
      rateName: lang.kpi(figure), countName: lang.t('casesCounted'), target: answer?.kpis[figure].target, targetWord: lang.t('target'),
    });
  }, [answer, figure, lang]);
  return (
    <section className="kpi-panel" data-testid="kpi-trend" data-state={ready ? 'ready' : 'loading'} aria-label={lang.t('trendTitle')}>
      <h3>{lang.t('trendTitle')} · {lang.kpi(figure)}</h3>
      <EChart option={option} testId="kpi-trend-chart" className="console-chart" textStyle={CONSOLE_CHART_TEXT} />
    </section>
  );
}
