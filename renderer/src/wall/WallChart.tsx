// A chart on a wall panel: the shared EChart with its text and margins scaled with the monitor (wall-scale.ts).
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from '../components/EChart.tsx';
import { designPx, textPx, useWallUnit } from './wall-scale.ts';

/** Chart text at 22 design px: read from the back of the hall too. */
export const chartText = (unit: number) => ({ fontSize: textPx(22, unit), color: '#cbd5e1', fontFamily: "'Noto Sans CJK SC', sans-serif" }) as const;

/** A legend in the chart's top right corner with keys sized for the wall. */
export const chartLegend = (unit: number) => ({
  top: 0, right: designPx(20, unit), textStyle: chartText(unit), itemWidth: designPx(28, unit), itemHeight: designPx(16, unit), itemGap: designPx(24, unit),
});

/** The plot's margins: the axes' labels are kept inside the chart by ECharts' outer bounds; these leave room for the legend. */
export const chartGrid = (unit: number) => ({ left: designPx(16, unit), right: designPx(30, unit), top: designPx(60, unit), bottom: designPx(8, unit) });

export function WallChart({ option, testId }: { option: EChartsCoreOption; testId: string }) {
  const unit = useWallUnit();
  const textStyle = useMemo(() => chartText(unit), [unit]);
  return <EChart option={option} testId={testId} className="wall-chart" textStyle={textStyle} />;
}
