// When and where the demo history's cases come in (S-1.4 seeded history), day by day: how many (the load
// profile's weekday shape, a storm-driven share on top), at what hour (its hour-of-day shape), of which
// category, from which source, at which grade, and where in the street. Pure and seeded.
//
// Volume: a street of 125 micro grids takes about 90 cases on an average day (seed 000's street: patrols find
// most of them): BASE_PER_DAY times the weekday multiplier (about 48 on a Sunday, 115 on a Wednesday), plus
// WEATHER_PER_DAY times the day's storm multiplier for the weather-driven problems (积水, 倒伏 …). The month's
// storm multipliers are drawn stratified from the profile's quantiles (one day per 1/N of the distribution,
// in shuffled order), so every month has its calm days and one stormy one, as the NYC record has.
import type { GridKind } from '../../common/geo/grid-schema.ts';
import type { GazetteerData } from '../../common/address/gazetteer-schema.ts';
import { HOUR, dateKey, dayOf, dayStart, weekdayOf } from '../../common/domain/beijing-time.ts';
import type { CaseDraft, CaseSource, LonLat } from '../../common/protocol.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import { pointInRing, ringCentroid } from '../../common/geo/ring.ts';
import { hourAt, quantileValue, type LoadProfile } from './load-profile.ts';
import type { Rng } from '../../common/prng.ts';

export const BASE_PER_DAY = 90;
export const WEATHER_PER_DAY = 5;

export interface HistoryGrid { id: string; kind: GridKind; ring: ReadonlyArray<readonly [number, number]> }
/** A place callers and patrols name: a door plate, a compound, a landmark, a junction. */
export interface HistoryPlace { gridId: string; address: string; point: LonLat }

export interface Arrival {
  /** Stable within a history: the Beijing date and the day's running number. */
  key: string;
  at: number;
  /** The day's volume was a storm day's (above the profile's storm multiplier). */
  storm: boolean;
  draft: CaseDraft;
}

/** Problems of the demo street's categories and how their reports come in: `proactive`, the share our own
 *  patrols and cameras find before anyone calls (the rest are complaints). Shares in percent of the base load. */
const CATEGORIES: Readonly<Record<string, { share: number; proactive: number; titles: readonly string[] }>> = {
  市容环境: { share: 22, proactive: 0.93, titles: ['垃圾箱满溢未清运', '共享单车乱停放堵塞人行道', '暴露垃圾', '乱张贴小广告', '沿街晾晒衣物'] },
  街面秩序: { share: 19, proactive: 0.93, titles: ['占道经营', '违章停车影响通行', '跨门营业', '流动摊贩'] },
  设施管理: { share: 11, proactive: 0.93, titles: ['路灯不亮', '窨井盖缺失', '人行道板破损', '护栏损坏'] },
  噪声扰民: { share: 5, proactive: 0.45, titles: ['夜间施工噪声扰民', '广场舞噪声扰民', '商铺外放音响'] },
  市场监管: { share: 7, proactive: 0.85, titles: ['无证经营小餐饮', '销售过期食品', '价格标示不清'] },
  园林绿化: { share: 5, proactive: 0.93, titles: ['绿地被占用', '行道树枝条遮挡信号灯', '绿化带缺株'] },
  物业管理: { share: 4, proactive: 0.6, titles: ['楼道堆物', '小区门禁损坏', '电梯故障困人'] },
  环境保护: { share: 5, proactive: 0.8, titles: ['餐饮油烟扰民', '河道漂浮物', '露天焚烧垃圾'] },
  违法建筑: { share: 4, proactive: 0.9, titles: ['楼顶违章搭建', '破墙开店', '违章搭建棚屋'] },
  治安防控: { share: 4, proactive: 0.85, titles: ['可疑人员徘徊', '电动车被盗', '人员聚集'] },
  安全隐患: { share: 4, proactive: 0.9, titles: ['广告牌松动', '电动车楼道充电', '燃气泄漏气味'] },
  群租: { share: 1.5, proactive: 0.5, titles: ['群租房', '隔断出租'] },
  安全生产: { share: 2, proactive: 0.85, titles: ['违规动火作业', '仓库违规存放危化品'] },
  防汛防台: { share: 1.5, proactive: 0.85, titles: ['道路积水', '下水道堵塞冒溢'] },
};
/** Categories of a site this table does not know: a small share each, named by their category. */
const OTHER = { share: 1, proactive: 0.85 };
/** The weather-driven problems, by share of the storm load; residents call about them more than usual. */
const WEATHER: ReadonlyArray<{ category: string; share: number; titles: readonly string[] }> = [
  { category: '防汛防台', share: 0.7, titles: ['道路积水', '下水道堵塞冒溢', '地下车库进水', '低洼小区进水'] },
  { category: '园林绿化', share: 0.2, titles: ['树木倒伏', '断枝坠落'] },
  { category: '设施管理', share: 0.1, titles: ['窨井冒溢', '路灯杆倾斜'] },
];
const WEATHER_PROACTIVE = 0.6;
const PROACTIVE: ReadonlyArray<[CaseSource, number]> = [['patrol', 0.7], ['video', 0.3]];
const COMPLAINTS: ReadonlyArray<[CaseSource, number]> = [['hotline12345', 0.75], ['nonpolice110', 0.1], ['qr', 0.07], ['hotline12319', 0.05], ['walkin', 0.03]];
/** Street-front grids (沿街商铺, traffic) see far more than residential ones; extended grids (parks, schools) between. */
const GRID_WEIGHT: Readonly<Record<GridKind, number>> = { streetfront: 4, extended: 1.5, residential: 1 };
/** A grade one step more (or less) urgent than its category's, in the site's order. */
const GRADE_UP = 0.12;
const GRADE_DOWN = 0.25;

export function weighted<T>(rand: () => number, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let u = rand() * total;
  for (const [item, w] of items) {
    if ((u -= w) < 0) return item;
  }
  return items.at(-1)![0];
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/** A standard normal deviate (Box–Muller). */
const gaussian = (rand: () => number) => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

/** Fisher–Yates, seeded. */
function shuffled<T>(rand: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface ArrivalInput {
  profile: LoadProfile;
  site: SiteRules;
  grids: readonly HistoryGrid[];
  places: readonly HistoryPlace[];
  /** Beijing days [firstDay, lastDay]; cases at or after `until` are not there yet. */
  firstDay: number;
  until: number;
}

/** Every case that arrives in the period, oldest first. */
export function planArrivals(input: ArrivalInput, rng: Rng): Arrival[] {
  const { profile, site } = input;
  const rand = rng.next;
  const days = dayOf(input.until - 1) - input.firstDay + 1;
  const storms = shuffled(rand, Array.from({ length: days }, (_, i) => quantileValue(profile.dailyVolume.quantiles, (i + 0.5) / days)));
  const categories = site.site.categories.map((c) => [c.name, (CATEGORIES[c.name] ?? OTHER).share] as const);
  const weather = WEATHER.filter((w) => site.category(w.category)).map((w) => [w, w.share] as const);
  const gridChoices = input.grids.map((g) => [g, GRID_WEIGHT[g.kind]] as const);
  const placesByGrid = new Map<string, HistoryPlace[]>();
  for (const p of input.places) {
    const list = placesByGrid.get(p.gridId);
    if (list) list.push(p);
    else placesByGrid.set(p.gridId, [p]);
  }
  /** A day's count around its mean (normal approximation of a Poisson count). */
  const count = (mean: number) => Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rand)));

  const arrivals: Arrival[] = [];
  for (let d = 0; d < days; d++) {
    const day = input.firstDay + d;
    const storm = storms[d]! > profile.dailyVolume.storm.multiplier;
    const base = count(BASE_PER_DAY * profile.dayOfWeek.multiplier[weekdayOf(day)]!);
    const stormLoad = weather.length ? count(WEATHER_PER_DAY * storms[d]!) : 0;
    const isWeather = shuffled(rand, [...Array<boolean>(base).fill(false), ...Array<boolean>(stormLoad).fill(true)]);
    const times = isWeather.map(() => dayStart(day) + hourAt(profile, rand()) * HOUR + Math.floor((rand() * HOUR) / 1000) * 1000).sort((a, b) => a - b);
    isWeather.forEach((byWeather, i) => {
      const at = times[i]!;
      if (at >= input.until) return;
      const w = byWeather ? weighted(rand, weather) : null;
      const category = w ? w.category : weighted(rand, categories);
      const known = CATEGORIES[category];
      const title = pick(rand, w?.titles ?? known?.titles ?? [category]);
      const proactive = rand() < (w ? WEATHER_PROACTIVE : (known ?? OTHER).proactive);
      const grid = weighted(rand, gridChoices);
      const place = placeIn(rand, grid, placesByGrid.get(grid.id));
      arrivals.push({
        key: `${dateKey(day)}-${String(i + 1).padStart(3, '0')}`,
        at,
        storm,
        draft: {
          title, category, description: '', source: weighted(rand, proactive ? PROACTIVE : COMPLAINTS),
          urgency: gradeOf(rand, site, category), address: place.address, location: place.point, gridId: grid.id, demo: true,
        },
      });
    });
  }
  return arrivals.sort((a, b) => a.at - b.at);
}

/** The category's grade, now and then one step up or down the site's order. */
function gradeOf(rand: () => number, site: SiteRules, category: string): string {
  const grades = site.site.urgencies.map((u) => u.id);
  const at = grades.indexOf(site.urgencyFor(category));
  const u = rand();
  const step = u < GRADE_UP ? -1 : u < GRADE_UP + GRADE_DOWN ? 1 : 0;
  return grades[Math.min(grades.length - 1, Math.max(0, at + step))]!;
}

/** A named place of the grid a few metres off, or a point inside a grid that has none. */
function placeIn(rand: () => number, grid: HistoryGrid, places: readonly HistoryPlace[] | undefined): { address: string; point: LonLat } {
  if (places?.length) {
    const place = pick(rand, places);
    const jitter = () => (rand() - 0.5) * 0.0002;
    return { address: place.address, point: { lon: place.point.lon + jitter(), lat: place.point.lat + jitter() } };
  }
  const lons = grid.ring.map((p) => p[0]);
  const lats = grid.ring.map((p) => p[1]);
  const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  for (let tries = 0; tries < 100; tries++) {
    const p = [w + rand() * (e - w), s + rand() * (n - s)] as const;
    if (pointInRing(p, grid.ring) === 'inside') return { address: `${grid.id} 网格内`, point: { lon: p[0], lat: p[1] } };
  }
  const [lon, lat] = ringCentroid(grid.ring);
  return { address: `${grid.id} 网格内`, point: { lon: lon!, lat: lat! } };
}

/** The gazetteer's places as a caller or a patrol names them. */
export function placesOf(gazetteer: GazetteerData): HistoryPlace[] {
  return gazetteer.entries.map((e) => {
    const address = e.kind === 'door' ? `${e.road}${e.no}号`
      : e.kind === 'compound' ? `${e.road}${e.no}弄${e.name}`
        : e.kind === 'landmark' ? e.name
          : `${e.roads[0]}${e.roads[1]}路口`;
    return { gridId: e.grid, address, point: { lon: e.p[0], lat: e.p[1] } };
  });
}
