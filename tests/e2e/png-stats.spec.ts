// The pixel checks the wall test relies on must reject what a broken map looks like: one flat colour.
import { expect, test } from '@playwright/test';
import { LEVEL_LINE } from '../../renderer/src/wall/map-style.ts';
import { GRID_MAP } from './map-expectation.ts';
import { decodePng, mapProblems, pixelStats, type RgbaImage } from './png-stats.ts';

function image(width: number, height: number, paint: (x: number, y: number) => [number, number, number]): RgbaImage {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rgba.set([...paint(x, y), 255], (y * width + x) * 4);
  }
  return { width, height, rgba };
}

const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

test('a uniform image fails every map check', () => {
  const flat = image(400, 300, () => [10, 20, 36]);
  expect(pixelStats(flat)).toMatchObject({ colourBuckets: 1, lumaStdDev: 0 });
  const problems = mapProblems(flat, GRID_MAP);
  expect(problems.length).toBe(2 + Object.keys(GRID_MAP.colours).length);
});

test('an image with the grid line colours on a dark ground passes (the thresholds are reachable)', () => {
  const levels = Object.values(LEVEL_LINE).map((l) => rgb(l.color));
  const gridLike = image(800, 600, (x, y) => {
    if (y % 40 < 2) return levels[Math.floor(y / 40) % levels.length]!;
    if (x % 50 < 2) return levels[Math.floor(x / 50) % levels.length]!;
    return [(x * 7) % 64, (y * 5) % 64, 40 + ((x + y) % 64)];
  });
  expect(mapProblems(gridLike, GRID_MAP)).toEqual([]);
});

test('a real Chromium screenshot of a blank dark page decodes and fails', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 200 });
  await page.setContent('<body style="margin:0;background:#0a1424"></body>');
  const decoded = decodePng(await page.screenshot());
  expect([decoded.width, decoded.height]).toEqual([320, 200]);
  expect(pixelStats(decoded).colourBuckets).toBe(1);
  expect(mapProblems(decoded, GRID_MAP)).not.toEqual([]);
});
