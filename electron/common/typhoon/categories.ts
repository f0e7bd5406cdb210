// Intensity categories of China's tropical cyclone scale (GB/T 19201-2006, 热带气旋等级) and the wind levels whose
// circles the forecasts draw. Wind speeds are 2-minute means in m/s, as CMA reports them.
import { z } from 'zod';

export const IntensityCategory = z.enum(['BelowTD', 'TD', 'TS', 'STS', 'TY', 'STY', 'SuperTY', 'ET']);
export type IntensityCategory = z.infer<typeof IntensityCategory>;

export interface CategoryInfo {
  zh: string;
  en: string;
  /** Lowest maximum wind of the category (m/s); null where the scale does not define one by wind. */
  minWindMs: number | null;
}

export const CATEGORY_INFO: Readonly<Record<IntensityCategory, CategoryInfo>> = {
  BelowTD: { zh: '弱于热带低压', en: 'Weaker than TD', minWindMs: null },
  TD: { zh: '热带低压', en: 'Tropical Depression', minWindMs: 10.8 },
  TS: { zh: '热带风暴', en: 'Tropical Storm', minWindMs: 17.2 },
  STS: { zh: '强热带风暴', en: 'Severe Tropical Storm', minWindMs: 24.5 },
  TY: { zh: '台风', en: 'Typhoon', minWindMs: 32.7 },
  STY: { zh: '强台风', en: 'Severe Typhoon', minWindMs: 41.5 },
  SuperTY: { zh: '超强台风', en: 'Super Typhoon', minWindMs: 51.0 },
  ET: { zh: '变性温带气旋', en: 'Extratropical', minWindMs: null },
};

/** The intensity column of the CMA/STI best track (0 = weaker than TD or unknown, 9 = extratropical transition). */
export const CMA_CATEGORY_CODES: Readonly<Record<string, IntensityCategory>> = {
  '0': 'BelowTD',
  '1': 'TD',
  '2': 'TS',
  '3': 'STS',
  '4': 'TY',
  '5': 'STY',
  '6': 'SuperTY',
  '9': 'ET',
};

/** The category of an operational label such as `强热带风暴(STS)` or `超强台风(Super TY)`, by its Chinese name. */
export function categoryOfLabel(label: string): IntensityCategory | null {
  const zh = label.split(/[(（]/, 1)[0]?.trim() ?? '';
  for (const [category, info] of Object.entries(CATEGORY_INFO)) if (info.zh === zh) return category as IntensityCategory;
  return zh === '温带气旋' ? 'ET' : null;
}

/** The wind levels whose radii are reported (七级/十级/十二级风圈) and the lowest wind speed of each (m/s). */
export const WindLevel = z.enum(['r7', 'r10', 'r12']);
export type WindLevel = z.infer<typeof WindLevel>;

export const WIND_LEVEL_INFO: Readonly<Record<WindLevel, { beaufort: number; zh: string; minWindMs: number }>> = {
  r7: { beaufort: 7, zh: '七级风圈', minWindMs: 13.9 },
  r10: { beaufort: 10, zh: '十级风圈', minWindMs: 24.5 },
  r12: { beaufort: 12, zh: '十二级风圈', minWindMs: 32.7 },
};
