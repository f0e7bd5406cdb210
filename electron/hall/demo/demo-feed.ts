// The embedded demo feed (S-1.4): until the district simulator of S-7.6 speaks the upstream protocol, this
// plays its part and brings a plausible case into the hall every few seconds, so a newcomer sees a live hall.
import type { CaseDraft, CaseSource, LonLat } from '../../common/protocol.ts';
import { createRng } from '../../common/prng.ts';

export interface FeedGrid { id: string; ring: LonLat[] }

const PROBLEMS: ReadonlyArray<[category: string, title: string]> = [
  ['市容环境', '共享单车乱停放堵塞人行道'], ['市容环境', '垃圾箱满溢未清运'], ['街面秩序', '占道经营'],
  ['街面秩序', '违章停车影响通行'], ['噪声扰民', '夜间施工噪声扰民'], ['设施管理', '窨井盖缺失'],
  ['设施管理', '路灯不亮'], ['防汛防台', '道路积水'], ['园林绿化', '树木倒伏'], ['市场监管', '无证经营小餐饮'],
  ['环境保护', '餐饮油烟扰民'], ['安全隐患', '广告牌松动'],
];
const SOURCES: readonly CaseSource[] = ['hotline12345', 'hotline12345', 'patrol', 'patrol', 'video', 'nonpolice110', 'qr'];

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/** One demo case: a problem at a point near the middle of a random micro grid. */
export function demoDraft(rand: () => number, grids: readonly FeedGrid[]): CaseDraft {
  const [category, title] = pick(rand, PROBLEMS);
  const grid = pick(rand, grids);
  const mean = (k: keyof LonLat) => grid.ring.reduce((s, p) => s + p[k], 0) / grid.ring.length;
  const location = { lon: mean('lon') + (rand() - 0.5) * 0.0004, lat: mean('lat') + (rand() - 0.5) * 0.0004 };
  const urgent = category === '防汛防台' || category === '安全隐患' || rand() < 0.1;
  return {
    title, category, description: '', source: pick(rand, SOURCES), urgency: urgent ? 'urgent' : 'general',
    address: `中山街道 ${grid.id} 网格内`, location, gridId: grid.id,
  };
}

export function startDemoFeed(opts: { intervalS: number; grids: readonly FeedGrid[]; seed: number; emit(draft: CaseDraft): void }): () => void {
  if (opts.intervalS <= 0 || opts.grids.length === 0) return () => {};
  const rand = createRng(opts.seed).next;
  const timer = setInterval(() => opts.emit(demoDraft(rand, opts.grids)), opts.intervalS * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
