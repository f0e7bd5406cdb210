// How the typhoon views write their figures: Beijing times to the minute, distances in km, the gale arrival as
// a time (and how far ahead of the instant looked from), or why there is none.
import { CATEGORY_INFO, type IntensityCategory } from '../../../electron/common/typhoon/categories.ts';
import type { GaleEta } from '../../../electron/common/typhoon/gale-eta.ts';
import { beijingDateTime } from '../beijing-time.ts';
import type { TyphoonWord } from './typhoon-words.ts';

const HOUR = 3_600_000;

/** `2024-09-16 01:54` */
export const beijingMinute = (t: number) => beijingDateTime(t).slice(0, 16);
export const km = (d: number) => `${d < 10 ? d.toFixed(1) : Math.round(d)} km`;
export const categoryName = (category: IntensityCategory, language: 'zh' | 'en') => CATEGORY_INFO[category][language];

/** The gale arrival seen from `from`: its time and lead, "in gale now", or why it is not given. */
export function galeText(gale: GaleEta, from: number, words: (w: TyphoonWord) => string): string {
  if (gale.entersAt === null) return words(gale.unknownFrom !== null ? 'typhoonGaleUnknown' : 'typhoonGaleNone');
  if (gale.entersAt <= from) return words('typhoonInGale');
  const lead = (gale.entersAt - from) / HOUR;
  const basis = gale.basis === 'forecast' ? ` · ${words('typhoonByForecast')} ${gale.agency ?? ''}` : '';
  return `${beijingMinute(gale.entersAt)}（${lead.toFixed(1)} ${words('typhoonInHours')}）${basis}`;
}
