// Icons drawn once on small canvases and handed to Cesium billboards: no image files to ship, no request.
// Each comes with the key its billboards share it under, so a collection's texture atlas holds it once.
import type { Billboard, BillboardCollection, Cartesian3 } from '@cesium/engine';
import type { Department } from '../../../electron/common/protocol.ts';
import { departmentColor, MAP_BACKGROUND, POI_COLOR } from './map-style.ts';

/**
 * For every mark on the wall map (billboards and dots): drawn over whatever is in front of it. The street is
 * flat and the marks float above it, so the only things that could hide one are heat columns, which must not;
 * and it spares every billboard fragment Cesium's manual test against the globe's depth texture.
 */
export const ON_TOP = { disableDepthTestDistance: Number.POSITIVE_INFINITY } as const;
export interface Icon { key: string; image: HTMLCanvasElement }
/** An icon drawn only if the atlas it goes to does not hold its key yet (Cesium calls `draw` then, and keeps no canvas). */
export interface DrawnOnDemand { key: string; draw: () => HTMLCanvasElement }

/** Adds a mark to a collection, on top, its icon held once in the collection's atlas under the icon's key. */
export function addMark(marks: BillboardCollection, options: { id?: string; position: Cartesian3 }, icon: Icon | DrawnOnDemand): Billboard {
  const billboard = marks.add({ ...options, ...ON_TOP });
  billboard.setImage(icon.key, 'draw' in icon ? icon.draw : icon.image);
  return billboard;
}

const COUNT_FONT_PX = 24;
/** Room around a count's figures for their dark outline. */
const COUNT_PAD_PX = 3;
/** Width × height: a slim arrow, at least the wall's 20 px tall. */
const FORCE_ARROW_PX: [number, number] = [18, 24];

const drawn = new Map<string, HTMLCanvasElement>();
/** Draws an icon the first time its key is asked for; the same canvas after. */
const cached = (key: string, size: number | [number, number], draw: (g: CanvasRenderingContext2D) => void): Icon => {
  let image = drawn.get(key);
  if (!image) {
    const [width, height] = typeof size === 'number' ? [size, size] : size;
    image = document.createElement('canvas');
    image.width = width;
    image.height = height;
    draw(image.getContext('2d')!);
    drawn.set(key, image);
  }
  return { key, image };
};

/**
 * A cluster's count: white figures with a dark outline, on a clear image just as large as they are (the disc
 * under them is a point, map-dots.ts), at most `maxWidth` wide. Not kept here: one image per count would pile
 * up for as long as the wall runs (case-layer.ts replaces its atlas now and then).
 */
export function clusterCount(count: string, maxWidth: number): DrawnOnDemand {
  const font = `bold ${COUNT_FONT_PX}px 'Noto Sans CJK SC', sans-serif`;
  return {
    key: `count-${count}`,
    draw() {
      const image = document.createElement('canvas');
      const g = image.getContext('2d')!;
      g.font = font;
      const textWidth = Math.min(Math.ceil(g.measureText(count).width), maxWidth - 2 * COUNT_PAD_PX);
      image.width = textWidth + 2 * COUNT_PAD_PX;
      image.height = COUNT_FONT_PX + 2 * COUNT_PAD_PX;
      g.font = font; // resizing the canvas reset its context
      g.textAlign = 'center';
      g.textBaseline = 'middle';
      g.lineWidth = 3;
      g.strokeStyle = MAP_BACKGROUND;
      g.strokeText(count, image.width / 2, image.height / 2 + 1, textWidth);
      g.fillStyle = '#ffffff';
      g.fillText(count, image.width / 2, image.height / 2 + 1, textWidth);
      return image;
    },
  };
}

/** A point of interest: a dark rounded square (cases are round) with a coloured rim and a glyph. */
export function poiIcon(kind: keyof typeof POI_COLOR, glyph: string, size: number): Icon {
  return badgeIcon(`poi-${kind}`, { glyph, colour: POI_COLOR[kind], filled: false }, size);
}

/** A rounded square with a glyph: outlined in the colour on the map's dark ground, or filled with a dark glyph. */
export function badgeIcon(key: string, look: { glyph: string; colour: string; filled: boolean }, size: number): Icon {
  return cached(key, size, (g) => {
    const r = size / 2;
    g.beginPath();
    g.roundRect(2, 2, size - 4, size - 4, size / 5);
    g.fillStyle = look.filled ? look.colour : MAP_BACKGROUND;
    g.fill();
    g.lineWidth = 3;
    g.strokeStyle = look.colour;
    g.stroke();
    g.fillStyle = look.filled ? MAP_BACKGROUND : look.colour;
    g.font = `bold ${Math.round(size * 0.55)}px 'Noto Sans CJK SC', sans-serif`;
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText(look.glyph, r, r + 1);
  });
}

/**
 * A force: an arrow pointing up (north), turned on the map to its heading. Its image is only as wide as the
 * arrow: a software renderer pays for every pixel of a billboard's rectangle, drawn or transparent.
 */
export function forceArrow(department: Department, [width, height] = FORCE_ARROW_PX): Icon {
  return cached(`arrow-${department}`, [width, height], (g) => {
    g.beginPath();
    g.moveTo(width / 2, 1);
    g.lineTo(width - 2, height - 2);
    g.lineTo(width / 2, height * 0.68);
    g.lineTo(2, height - 2);
    g.closePath();
    g.fillStyle = departmentColor(department);
    g.fill();
    g.lineWidth = 2;
    g.strokeStyle = MAP_BACKGROUND;
    g.stroke();
  });
}
