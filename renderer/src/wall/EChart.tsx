// An ECharts chart on the wall's dark theme, drawn on canvas (no eval: the hall's CSP allows none), resized
// with its box and its text scaled with the monitor (wall-scale.ts). Only the chart types the wall uses are
// bundled.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { designPx, textPx, useWallUnit } from './wall-scale.ts';

use([BarChart, LineChart, GridComponent, LegendComponent, CanvasRenderer]);

/** Chart text at 22 design px: read from the back of the hall too. */
export const chartText = (unit: number) => ({ fontSize: textPx(22, unit), color: '#cbd5e1', fontFamily: "'Noto Sans CJK SC', sans-serif" }) as const;

/** A legend in the chart's top right corner with keys sized for the wall. */
export const chartLegend = (unit: number) => ({
  top: 0, right: designPx(20, unit), textStyle: chartText(unit), itemWidth: designPx(28, unit), itemHeight: designPx(16, unit), itemGap: designPx(24, unit),
});

/** The plot's margins: the axes' labels are kept inside the chart by ECharts' outer bounds; these leave room for the legend. */
export const chartGrid = (unit: number) => ({ left: designPx(16, unit), right: designPx(30, unit), top: designPx(60, unit), bottom: designPx(8, unit) });

export function EChart({ option, testId }: { option: EChartsCoreOption; testId: string }) {
  const unit = useWallUnit();
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof init> | null>(null);
  useEffect(() => {
    const chart = init(ref.current!, 'dark', { renderer: 'canvas' });
    chartRef.current = chart;
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(ref.current!);
    return () => {
      resize.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);
  useEffect(() => {
    // Values change every few seconds; an animated bar that grows each time would be movement without meaning.
    chartRef.current?.setOption({ backgroundColor: 'transparent', animation: false, textStyle: chartText(unit), ...option }, { notMerge: true });
  }, [option, unit]);
  return <div ref={ref} className="wall-chart" data-testid={testId} />;
}
