// Icons drawn once on small canvases and handed to Cesium billboards: no image files to ship, no request.
import type { Department } from '../../../electron/common/protocol.ts';
import { DEPARTMENT_COLOR, MAP_BACKGROUND, POI_COLOR } from './map-style.ts';

const canvasOf = (size: number, draw: (g: CanvasRenderingContext2D) => void): HTMLCanvasElement => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  draw(canvas.getContext('2d')!);
  return canvas;
};

/** A point of interest: a dark rounded square (cases are round) with a coloured rim and a glyph. */
export function poiIcon(kind: keyof typeof POI_COLOR, glyph: string, size: number): HTMLCanvasElement {
  return canvasOf(size, (g) => {
    const r = size / 2;
    g.beginPath();
    g.roundRect(2, 2, size - 4, size - 4, size / 5);
    g.fillStyle = MAP_BACKGROUND;
    g.fill();
    g.lineWidth = 3;
    g.strokeStyle = POI_COLOR[kind];
    g.stroke();
    g.fillStyle = POI_COLOR[kind];
    g.font = `bold ${Math.round(size * 0.55)}px 'Noto Sans CJK SC', sans-serif`;
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText(glyph, r, r + 1);
  });
}

/** A force: an arrow pointing up (north), turned on the map to its heading. */
export function forceArrow(department: Department, size = 26): HTMLCanvasElement {
  return canvasOf(size, (g) => {
    g.beginPath();
    g.moveTo(size / 2, 1);
    g.lineTo(size - 3, size - 2);
    g.lineTo(size / 2, size * 0.68);
    g.lineTo(3, size - 2);
    g.closePath();
    g.fillStyle = DEPARTMENT_COLOR[department];
    g.fill();
    g.lineWidth = 2;
    g.strokeStyle = MAP_BACKGROUND;
    g.stroke();
  });
}
