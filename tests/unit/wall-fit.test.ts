// How the wall's panels follow their monitor (renderer/src/wall/wall-scale.ts, use-rows-that-fit.ts,
// card-placement.ts): sizes kept physical from 720p to 2160p with a legibility floor, list rows that fit,
// and the followed case's card kept whole on its monitor.
import { describe, expect, it } from 'vitest';
import { placeCard } from '../../renderer/src/wall/card-placement.ts';
import { rowsThatFit } from '../../renderer/src/wall/use-rows-that-fit.ts';
import { designPx, textPx, wallUnit } from '../../renderer/src/wall/wall-scale.ts';

describe('wall scale', () => {
  it('draws a design pixel as a 1080p pixel of the same monitor', () => {
    expect(wallUnit(1920, 1080)).toBe(1);
    expect(wallUnit(1280, 720)).toBeCloseTo(2 / 3);
    expect(wallUnit(3840, 2160)).toBe(2);
  });

  it('takes the smaller ratio, so a monitor of another shape still holds the panel', () => {
    expect(wallUnit(1920, 1200)).toBe(1);
    expect(wallUnit(2560, 1080)).toBe(1);
    expect(wallUnit(1080, 1920)).toBeCloseTo(0.5625);
  });

  it('keeps text physical but never under 16 px', () => {
    expect(textPx(20, wallUnit(1920, 1080))).toBe(20);
    expect(textPx(20, wallUnit(3840, 2160))).toBe(40);
    expect(textPx(20, wallUnit(1280, 720))).toBe(16);
    expect(textPx(40, wallUnit(1280, 720))).toBeCloseTo(26.67, 2);
    // Lengths other than text have no floor.
    expect(designPx(6, wallUnit(1280, 720))).toBe(4);
  });
});

describe('rows that fit', () => {
  it('counts whole rows with the gaps between them', () => {
    expect(rowsThatFit(400, 92, 8, 40)).toBe(4); // 4 × 92 + 3 × 8 = 392
    expect(rowsThatFit(392, 92, 8, 40)).toBe(4);
    expect(rowsThatFit(391.5, 92, 8, 40)).toBe(3);
  });

  it('shows at least one row and at most the cap; without a measured row, the cap', () => {
    expect(rowsThatFit(10, 92, 8, 40)).toBe(1);
    expect(rowsThatFit(10_000, 92, 8, 40)).toBe(40);
    expect(rowsThatFit(400, 0, 8, 40)).toBe(40);
  });
});

describe('followed case card', () => {
  const card = { width: 300, height: 200 };
  const area = { width: 1280, height: 680 };

  it('sits right of the case, centred on it', () => {
    expect(placeCard({ x: 400, y: 300 }, card, area, 24, 10)).toEqual({ left: 424, top: 200 });
  });

  it('goes left of a case near the right edge', () => {
    expect(placeCard({ x: 1100, y: 300 }, card, area, 24, 10)).toEqual({ left: 776, top: 200 });
  });

  it('stays inside the monitor next to a case at its top or bottom edge', () => {
    expect(placeCard({ x: 400, y: 20 }, card, area, 24, 10).top).toBe(10);
    expect(placeCard({ x: 400, y: 670 }, card, area, 24, 10).top).toBe(680 - 200 - 10);
  });

  it('stays inside the monitor when neither side has room', () => {
    const narrow = { width: 500, height: 680 };
    const { left } = placeCard({ x: 250, y: 300 }, card, narrow, 24, 10);
    expect(left).toBeGreaterThanOrEqual(10);
    expect(left + card.width).toBeLessThanOrEqual(narrow.width - 10);
  });
});
