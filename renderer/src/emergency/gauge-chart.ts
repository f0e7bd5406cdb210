// A gauge's last hours drawn on a canvas: the readings as a line against the warning line (dashed amber), the
// part above the line red and filled down to it, so a gauge over its line reads red from across the hall.
// No text on the canvas: the card beside it says value, line and state in words.
import type { GaugeView } from '../../../electron/common/emergency/gauge-model.ts';

export const CHART_COLOURS = { line: '#38bdf8', over: '#ef4444', overFill: 'rgba(239, 68, 68, 0.35)', warn: '#f59e0b', grid: '#1e293b' } as const;

/** Draws `series` (oldest first) over the `spanMs` before its last reading, in a canvas of `width` × `height` device pixels. */
export function drawGaugeChart(ctx: CanvasRenderingContext2D, width: number, height: number, series: GaugeView['series'], warnAt: number, spanMs: number): void {
  ctx.clearRect(0, 0, width, height);
  if (series.length === 0) return;
  const end = series.at(-1)![0];
  const start = end - spanMs;
  const values = series.map(([, v]) => v);
  const low = Math.min(warnAt, ...values);
  const high = Math.max(warnAt, ...values);
  const pad = Math.max((high - low) * 0.15, Math.abs(warnAt) * 0.02, 0.05);
  const [bottom, top] = [low - pad, high + pad];
  const stroke = Math.max(2, Math.round(height / 60));
  const x = (t: number) => ((t - start) / spanMs) * (width - stroke) + stroke / 2;
  const y = (v: number) => height - ((v - bottom) / (top - bottom)) * height;
  const warnY = y(warnAt);

  ctx.strokeStyle = CHART_COLOURS.grid;
  ctx.lineWidth = 1;
  for (let i = 1; i < 4; i++) {
    ctx.beginPath();
    ctx.moveTo(0, (height * i) / 4);
    ctx.lineTo(width, (height * i) / 4);
    ctx.stroke();
  }
  const path = () => {
    ctx.beginPath();
    series.forEach(([t, v], i) => (i === 0 ? ctx.moveTo(x(t), y(v)) : ctx.lineTo(x(t), y(v))));
  };
  ctx.lineJoin = 'round';
  ctx.lineWidth = stroke;
  ctx.strokeStyle = CHART_COLOURS.line;
  path();
  ctx.stroke();
  if (series.length === 1) {
    ctx.fillStyle = values[0]! >= warnAt ? CHART_COLOURS.over : CHART_COLOURS.line;
    ctx.fillRect(x(end) - stroke * 2, y(values[0]!) - stroke * 2, stroke * 4, stroke * 4);
  }
  // Above the warning line: the area down to the line filled, the line itself red.
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, width, warnY);
  ctx.clip();
  path();
  ctx.lineTo(x(end), warnY);
  ctx.lineTo(x(series[0]![0]), warnY);
  ctx.closePath();
  ctx.fillStyle = CHART_COLOURS.overFill;
  ctx.fill();
  ctx.strokeStyle = CHART_COLOURS.over;
  ctx.lineWidth = stroke * 1.5;
  path();
  ctx.stroke();
  ctx.restore();

  ctx.setLineDash([stroke * 4, stroke * 3]);
  ctx.strokeStyle = CHART_COLOURS.warn;
  ctx.lineWidth = stroke;
  ctx.beginPath();
  ctx.moveTo(0, warnY);
  ctx.lineTo(width, warnY);
  ctx.stroke();
  ctx.setLineDash([]);
}
