// ECharts options of the console's KPI charts, in the console's dark theme (app.css :root colours): a figure's
// rate day by day over the cases it counts, and units ranked by a figure, best first, against its target.
// Colour carries meaning only beside a word or a number (UI guide): red bars are below target, and say so.
const THEME = { text: '#e6edf7', muted: '#8ea0b8', line: '#1e2a3d', accent: '#38bdf8', urgent: '#ef4444', bar: '#334155' } as const;

/** The console's chart text (the EChart's base text style). */
export const CONSOLE_CHART_TEXT = { fontSize: 13, color: THEME.text, fontFamily: "'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif" } as const;

const percent = (v: number) => `${Math.round(v * 1000) / 10}%`;
const axisLabel = { color: THEME.muted };
const splitLine = { lineStyle: { color: THEME.line } };

function targetLine(axis: 'xAxis' | 'yAxis', target: number | undefined, word: string) {
  if (target === undefined) return undefined;
  return {
    symbol: 'none', silent: true, data: [{ [axis]: target }],
    lineStyle: { color: THEME.text, type: 'dashed', width: 1.5 },
    // A ranking's category axis runs top down (inverse), so its vertical line starts at the top.
    label: { formatter: `${word} ${percent(target)}`, color: THEME.text, position: axis === 'xAxis' ? 'start' : 'insideEndTop' },
  };
}

export interface TrendInput {
  days: readonly string[];
  rates: ReadonlyArray<number | null>;
  counts: readonly number[];
  rateName: string;
  countName: string;
  target?: number;
  targetWord: string;
}

/** The rate as a line (a day without cases to judge breaks it), the denominator's cases as faint bars. */
export function trendOption(t: TrendInput) {
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, left: 0, textStyle: { color: THEME.text } },
    xAxis: { type: 'category', data: t.days.map((d) => d.slice(5)), axisLabel },
    yAxis: [
      { type: 'value', min: 0, max: 1, interval: 0.25, axisLabel: { ...axisLabel, formatter: percent }, splitLine },
      { type: 'value', minInterval: 1, axisLabel, splitLine: { show: false } },
    ],
    series: [
      { name: t.countName, type: 'bar', yAxisIndex: 1, data: [...t.counts], itemStyle: { color: THEME.bar }, barMaxWidth: 28 },
      {
        name: t.rateName, type: 'line', data: t.rates.map((r) => r ?? '-'), connectNulls: false,
        lineStyle: { width: 3, color: THEME.accent }, itemStyle: { color: THEME.accent }, symbolSize: 9,
        markLine: targetLine('yAxis', t.target, t.targetWord),
      },
    ],
  };
}

export interface RankingInput {
  units: readonly string[];
  rates: readonly number[];
  target?: number;
  rateName: string;
  targetWord: string;
}

/** Horizontal bars, best at the top, each with its rate; bars under the target in red. */
export function rankingOption(r: RankingInput) {
  return {
    grid: { left: 8, right: 56, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', min: 0, max: 1, interval: 0.25, axisLabel: { ...axisLabel, formatter: percent }, splitLine },
    yAxis: { type: 'category', inverse: true, data: [...r.units], axisLabel: { color: THEME.text } },
    series: [{
      name: r.rateName, type: 'bar', barMaxWidth: 22, cursor: 'pointer',
      data: r.rates.map((value) => ({ value, itemStyle: { color: r.target !== undefined && value < r.target ? THEME.urgent : THEME.accent } })),
      label: { show: true, position: 'right', color: THEME.text, formatter: ({ value }: { value: number }) => percent(value) },
      markLine: targetLine('xAxis', r.target, r.targetWord),
    }],
  };
}
