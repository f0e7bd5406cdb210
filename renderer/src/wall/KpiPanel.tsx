// The KPI board (考核指标): today's figures from the cases the wall holds, computed by the shared KPI code
// (the same numbers as the daily report), headline figures large enough to read from the back of the hall,
// and today's cases hour by hour.
import { useMemo } from 'react';
import { DAY, HOUR, dayOf, dayStart } from '../../../electron/common/domain/beijing-time.ts';
import { slaStatus, type SlaPolicy } from '../../../electron/common/domain/sla.ts';
import { KPI_LABELS, computeKpis, isClosed, isCounted, type KpiName, type KpiResult } from '../../../electron/common/kpi/kpi-definitions.ts';
import { inPeriod } from '../../../electron/common/kpi/periods.ts';
import type { CaseView } from '../../../electron/common/protocol.ts';
import { useHallState } from '../hall-context.tsx';
import { useNow } from '../use-now.ts';
import { useSite } from '../use-site.ts';
import { chartGrid, chartLegend, chartText, WallChart } from './WallChart.tsx';
import { designPx, useWallUnit } from './wall-scale.ts';
import { useWallWords } from './wall-words.ts';

const RATES: readonly KpiName[] = ['closure', 'proactiveDiscovery', 'onTime', 'urgentArrival15m', 'satisfaction'];
/** Figures move with minutes, not seconds. */
const KPI_REFRESH_MS = 10_000;

export function KpiPanel() {
  const { cases } = useHallState();
  const words = useWallWords();
  const now = useNow(KPI_REFRESH_MS);
  const unit = useWallUnit();
  const today = useMemo(() => ({ from: dayStart(dayOf(now)), to: dayStart(dayOf(now)) + DAY }), [now]);
  const site = useSite();
  const kpis = useMemo(() => computeKpis(cases, today, now, site.kpiRules), [cases, today, now, site]);
  const counted = useMemo(() => cases.filter(isCounted), [cases]);
  const open = counted.filter((c) => !isClosed(c));
  const overdue = open.filter((c) => isOverdue(c, now, site.policy)).length;
  const option = useMemo(() => hourlyOption(counted, today.from, words('kpiReported'), words('kpiClosed'), unit), [counted, today.from, words, unit]);

  return (
    <section className="wall-board kpi-board" data-testid="kpi-panel">
      <h2>{words('kpiTitle')}</h2>
      <div className="kpi-headlines">
        <Figure label={words('kpiCasesToday')} value={String(counted.filter((c) => inPeriod(c.createdAt, today)).length)} />
        <Figure label={words('kpiOpen')} value={String(open.length)} />
        <Figure label={words('kpiOverdue')} value={String(overdue)} alarm={overdue > 0} icon="■" />
        {RATES.map((name) => (
          <Figure key={name} label={KPI_LABELS[name]} {...rateFigure(kpis[name], words('kpiNoData'), words('kpiTarget'))} />
        ))}
      </div>
      <h3>{words('kpiByHour')}</h3>
      <WallChart option={option} testId="kpi-chart" />
    </section>
  );
}

function isOverdue(c: CaseView, now: number, policy: SlaPolicy): boolean {
  const sla = slaStatus(c, now, policy);
  return sla.clock !== null && sla.level === 'overdue';
}

interface FigureProps { label: string; value: string; note?: string; alarm?: boolean; noData?: boolean; icon?: string }

function Figure({ label, value, note, alarm, noData, icon }: FigureProps) {
  return (
    <div className={`kpi-figure${alarm ? ' alarm' : ''}${noData ? ' no-data' : ''}`} data-testid="kpi-figure">
      <span className="kpi-label">
        {icon && <span aria-hidden="true">{icon} </span>}
        {label}
      </span>
      <span className="kpi-value">{value}</span>
      {note && <span className="kpi-note">{note}</span>}
    </div>
  );
}

function rateFigure(result: KpiResult, noData: string, targetWord: string): Omit<FigureProps, 'label'> {
  const value = result.rate === null ? noData : `${(result.rate * 100).toFixed(1)}%`;
  const target = result.target === undefined ? undefined : `${targetWord} ≥ ${Math.round(result.target * 100)}% · ${result.numerator}/${result.denominator}`;
  return { value, note: target ?? `${result.numerator}/${result.denominator}`, alarm: result.met === false, noData: result.rate === null };
}

function hourlyOption(cases: readonly CaseView[], dayFrom: number, reportedName: string, closedName: string, unit: number) {
  const hours = Array.from({ length: 24 }, (_, h) => h);
  const byHour = (at: (c: CaseView) => number | null) => {
    const counts = hours.map(() => 0);
    for (const c of cases) {
      const t = at(c);
      if (t !== null && t >= dayFrom && t < dayFrom + DAY) counts[Math.floor((t - dayFrom) / HOUR)]!++;
    }
    return counts;
  };
  return {
    grid: chartGrid(unit),
    legend: chartLegend(unit),
    xAxis: { type: 'category', data: hours.map((h) => `${h}时`), axisLabel: { ...chartText(unit), interval: 2 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: chartText(unit), splitLine: { lineStyle: { color: '#1e2a3d' } } },
    series: [
      { name: reportedName, type: 'bar', data: byHour((c) => c.createdAt), itemStyle: { color: '#38bdf8' } },
      {
        name: closedName, type: 'line', data: byHour((c) => c.closedAt),
        lineStyle: { width: designPx(4, unit), color: '#e2e8f0' }, itemStyle: { color: '#e2e8f0' }, symbolSize: designPx(10, unit),
      },
    ],
  };
}
