// An ECharts chart on the wall's dark theme, drawn on canvas (no eval: the hall's CSP allows none) and
// resized with its panel. Only the chart types the wall uses are bundled.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, LineChart, GridComponent, LegendComponent, CanvasRenderer]);

/** Chart text is read from the back of the hall too: nothing under 20 px. */
export const CHART_TEXT = { fontSize: 22, color: '#cbd5e1', fontFamily: "'Noto Sans CJK SC', sans-serif" } as const;

export function EChart({ option, testId }: { option: EChartsCoreOption; testId: string }) {
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
    chartRef.current?.setOption({ backgroundColor: 'transparent', animation: false, textStyle: CHART_TEXT, ...option }, { notMerge: true });
  }, [option]);
  return <div ref={ref} className="wall-chart" data-testid={testId} />;
}
