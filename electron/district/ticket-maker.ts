// What a district ticket says (12345 / 12319 / 110 non-police): a problem of one of the site's categories, its
// source, urgency grade and deadline, an address as the caller gave it (common/address/ticket-addresses.ts),
// and whether the district will later change it (a deadline extension, a caller's addition) or cancel it.
// Pure and seeded: the same seed and serial give the same ticket.
import { ticketAddresses, type AddressSource, type TicketAddress } from '../common/address/ticket-addresses.ts';
import { DAY, MINUTE } from '../common/domain/beijing-time.ts';
import { createRng, type Rng } from '../common/prng.ts';
import type { SiteConfig } from '../common/site/site-config.ts';
import type { Ticket } from '../common/upstream-protocol.ts';

/** Problems callers report, by the demo street's categories, with their share of an ordinary day's tickets. */
const ORDINARY: ReadonlyArray<{ category: string; weight: number; titles: readonly string[] }> = [
  { category: '市容环境', weight: 20, titles: ['垃圾箱满溢未清运', '共享单车乱停放堵塞人行道', '建筑垃圾乱堆放', '沿街店铺跨门经营'] },
  { category: '街面秩序', weight: 14, titles: ['占道经营', '违章停车影响通行', '流动摊贩聚集', '非机动车乱停放'] },
  { category: '噪声扰民', weight: 10, titles: ['夜间施工噪声扰民', '广场舞音响声音过大', '商铺高音喇叭招揽顾客'] },
  { category: '设施管理', weight: 10, titles: ['路灯不亮', '窨井盖缺失', '人行道地砖破损', '交通护栏损坏'] },
  { category: '物业管理', weight: 9, titles: ['小区电梯故障', '楼道堆物', '物业不作为', '小区门禁损坏'] },
  { category: '市场监管', weight: 7, titles: ['无证经营小餐饮', '商品价格未明码标价', '销售过期食品'] },
  { category: '园林绿化', weight: 6, titles: ['绿化带杂草丛生', '树枝遮挡路灯', '行道树枯死'] },
  { category: '环境保护', weight: 5, titles: ['餐饮油烟扰民', '河道水面漂浮垃圾', '露天焚烧'] },
  { category: '违法建筑', weight: 4, titles: ['屋顶违法搭建', '擅自拆改承重墙', '围墙外私搭棚屋'] },
  { category: '防汛防台', weight: 4, titles: ['雨水口堵塞', '小区排水不畅'] },
  { category: '群租', weight: 3, titles: ['疑似群租', '一房多租人员混杂'] },
  { category: '治安防控', weight: 3, titles: ['小区电瓶车被盗', '可疑人员徘徊', '楼道电动车充电'] },
  { category: '安全生产', weight: 3, titles: ['工地未设围挡', '仓库违规住人'] },
  { category: '安全隐患', weight: 2, titles: ['广告牌松动', '外墙瓷砖脱落'] },
];

/** What a storm brings (the surge of ticket-timing.ts). */
const WEATHER: ReadonlyArray<{ category: string; weight: number; titles: readonly string[] }> = [
  { category: '防汛防台', weight: 55, titles: ['道路积水', '小区积水进入底楼', '地下车库进水', '窨井冒溢', '下立交积水'] },
  { category: '园林绿化', weight: 20, titles: ['树木倒伏', '树枝折断压住电线', '行道树倾斜'] },
  { category: '设施管理', weight: 12, titles: ['窨井盖被冲开', '路灯杆倾斜', '交通信号灯不亮'] },
  { category: '安全隐患', weight: 13, titles: ['广告牌被风吹落', '围墙有倒塌危险', '临时搭建物被吹倒', '高空坠物'] },
];

const CANCEL_REASONS = ['市民来电撤销诉求', '重复工单,已并入其他工单', '经核实不属本街道管辖,退回区平台'];
const ADDITIONS = ['市民再次来电催办,问题仍未解决', '市民补充:情况比首次反映时更严重', '市民补充:现场有老人和儿童,请尽快处理'];

/** Shares of ticket changes: a later deadline or more description, and a cancellation. */
const UPDATE_SHARE = 0.1;
const CANCEL_SHARE = 0.03;

export interface TicketPlan {
  ticket: Omit<Ticket, 'ticketNo'>;
  followUp: { action: 'update' | 'cancel'; at: number } | null;
  /** The ticket's address as it was made: its form and where it really is (null: deliberately no place). */
  address: TicketAddress;
}

export interface TicketContext {
  site: SiteConfig;
  addresses: AddressSource;
}

/** A seed for one ticket of a run: distinct serials give unrelated streams. */
export const ticketSeed = (seed: number, serial: number) => (Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) ^ Math.imul(serial, 0x9e3779b1)) >>> 0;

function weighted<T extends { weight: number }>(rng: Rng, items: readonly T[]): T {
  let r = rng.next() * items.reduce((s, i) => s + i.weight, 0);
  return items.find((i) => (r -= i.weight) < 0) ?? items[items.length - 1]!;
}

const one = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(items.length)]!;

/** The site's categories with their problems; a category the table does not know is reported in general terms. */
function problemsOf(site: SiteConfig, table: typeof ORDINARY) {
  const known = new Set(site.categories.map((c) => c.name));
  const listed = table.filter((p) => known.has(p.category));
  if (listed.length) return listed;
  return site.categories.map((c) => ({ category: c.name, weight: 1, titles: [`${c.name}问题反映`] }));
}

/** The grade: the category's own, else mostly the site's default, less often the others (urgent ones rarest). */
function gradeOf(rng: Rng, site: SiteConfig, category: string): string {
  const own = site.categories.find((c) => c.name === category)?.urgency;
  if (own) return own;
  const d = site.urgencies.findIndex((u) => u.id === site.defaultUrgency);
  const before = site.urgencies.slice(0, d);
  const after = site.urgencies.slice(d + 1);
  const weights = site.urgencies.map((_, i) => {
    if (i === d) return 1 - (before.length ? 0.15 : 0) - (after.length ? 0.2 : 0);
    if (i < d) return (0.15 * (i + 1)) / ((before.length * (before.length + 1)) / 2);
    return 0.2 / after.length;
  });
  return weighted(rng, site.urgencies.map((u, i) => ({ id: u.id, weight: weights[i]! }))).id;
}

function sourceOf(rng: Rng, category: string): Ticket['source'] {
  const r = rng.next();
  if (['治安防控', '噪声扰民', '街面秩序'].includes(category) && r < 0.4) return 'nonpolice110';
  if (['设施管理', '市容环境', '违法建筑', '物业管理', '防汛防台'].includes(category) && r < 0.25) return 'hotline12319';
  return 'hotline12345';
}

/** One ticket reported at `at` (a storm's own when `weather`); its category and grade may be given. */
export function makeTicket(ctx: TicketContext, seed: number, at: number, weather: boolean, given: { category?: string; urgency?: string } = {}): TicketPlan {
  const rng = createRng(seed);
  const problems = problemsOf(ctx.site, weather ? WEATHER : ORDINARY);
  const problem = given.category === undefined ? weighted(rng, problems)
    : problems.find((p) => p.category === given.category) ?? ORDINARY.find((p) => p.category === given.category)
      ?? { category: given.category, weight: 1, titles: [`${given.category}问题反映`] };
  const title = one(rng, problem.titles);
  const made = ticketAddresses(ctx.addresses, 1, rng.int(2 ** 31))[0]!;
  const address = made.text;
  const urgency = given.urgency ?? gradeOf(rng, ctx.site, problem.category);
  const grade = ctx.site.urgencies.find((u) => u.id === urgency)!;
  // The district dispatches minutes after the call; its deadline follows the grade.
  const reportedAt = Math.round(at - rng.range(2, 15) * MINUTE);
  const dueAt = reportedAt + (grade.resultMin !== null ? grade.resultMin * MINUTE : (grade.dueWorkingDays ?? 5) * DAY);
  const source = sourceOf(rng, problem.category);
  const caller = { hotline12345: '12345市民服务热线', hotline12319: '12319城建热线', nonpolice110: '110非警务警情' }[source];
  const r = rng.next();
  const followUp = r < CANCEL_SHARE ? { action: 'cancel' as const, at: at + Math.round(rng.range(10, 120) * MINUTE) }
    : r < CANCEL_SHARE + UPDATE_SHARE ? { action: 'update' as const, at: at + Math.round(rng.range(20, 240) * MINUTE) }
    : null;
  return {
    ticket: {
      source, title, category: problem.category, urgency, address, reportedAt, dueAt,
      description: `${caller}转派:市民反映${address}${title},请核实处理并按时反馈。`,
    },
    followUp,
    address: made,
  };
}

/** A later change to a ticket: more time (the deadline two days on) or the caller's addition. */
export function makeUpdate(seed: number, dueAt: number | null, description: string): { dueAt?: number; description?: string } {
  const rng = createRng(seed);
  if (dueAt !== null && rng.next() < 0.5) return { dueAt: dueAt + 2 * DAY };
  return { description: `${description}\n${one(rng, ADDITIONS)}` };
}

export const cancelReason = (seed: number) => one(createRng(seed), CANCEL_REASONS);
