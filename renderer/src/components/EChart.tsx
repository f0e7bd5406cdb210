// An ECharts chart in the hall's dark theme, drawn on canvas (no eval: the hall's CSP allows none) and resized
// with its box. The wall (wall/WallChart.tsx, text scaled with the monitor) and the console draw with it; only
// the chart types and components they use are bundled.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useEffectEvent, useRef } from 'react';

use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export interface EChartProps {
  option: EChartsCoreOption;
  testId: string;
  className: string;
  /** The chart's text: its size and colour for where it is read. */
  textStyle: object;
  /** A click on a bar or a point: its index in its series' data. */
  onItemClick?(dataIndex: number): void;
}

export function EChart({ option, testId, className, textStyle, onItemClick }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof init> | null>(null);
  const clicked = useEffectEvent((dataIndex: number) => onItemClick?.(dataIndex));
  useEffect(() => {
    const chart = init(ref.current!, 'dark', { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (p) => clicked(p.dataIndex));
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
    chartRef.current?.setOption({ backgroundColor: 'transparent', animation: false, textStyle, ...option }, { notMerge: true });
  }, [option, textStyle]);
  return <div ref={ref} className={className} data-testid={testId} />;
}
