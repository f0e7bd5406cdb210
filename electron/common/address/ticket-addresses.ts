// Addresses as 12345 callers give them (S-4.1b): for geocoder tests and for the district simulator. Each comes
// with where it really is (from the gazetteer, and from the doors held out of it when the generated street gives
// them), or with no place at all when it must stay unmatched: roads and places outside the street, a road without
// a number, numbers the road does not have in the street, vague places. Seeded: the same seed gives the same
// tickets. The messiness is written here independently of the geocoder's own tables.
import type { LonLat } from '../geo/projection.ts';
import { createRng, type Rng } from '../prng.ts';
import type { CompoundEntry, DoorEntry, GazetteerData, JunctionEntry, LandmarkEntry } from './gazetteer-schema.ts';

export type TicketForm =
  | 'door' | 'door-prefixed' | 'door-numerals' | 'door-unmarked' | 'door-traditional' | 'door-full-width' | 'door-near'
  | 'door-room' | 'building' | 'lane-building' | 'compound' | 'landmark' | 'junction' | 'between' | 'typo'
  | 'outside-road' | 'unknown-road' | 'unknown-place' | 'road-only' | 'beyond-range';

export interface TicketAddress {
  text: string;
  form: TicketForm;
  /** Where it is; null for an address that names no place of the street and must stay unmatched. */
  truth: { point: LonLat; gridId: string } | null;
}

/** Shares of the forms, in percent. */
const FORMS: ReadonlyArray<[TicketForm, number]> = [
  ['door', 13], ['door-prefixed', 6], ['door-numerals', 7], ['door-unmarked', 4], ['door-traditional', 3],
  ['door-full-width', 2], ['door-near', 5], ['door-room', 2], ['building', 12], ['lane-building', 6], ['compound', 3],
  ['landmark', 7], ['junction', 4], ['between', 8], ['typo', 7],
  ['outside-road', 2], ['unknown-road', 2], ['unknown-place', 2], ['road-only', 1.5], ['beyond-range', 1.5],
];

const PREFIXES = ['上海市松江区中山街道', '松江区', '上海市松江区', '中山街道', '上海松江区中山街道', '上海市 松江区 '];
const NEAR = ['门口', '对面', '旁边', '附近', '边上', '东侧50米', '往南100米', '大门口'];
const TRADITIONAL: Readonly<Record<string, string>> = {
  乐: '樂', 号: '號', 东: '東', 园: '園', 桥: '橋', 长: '長', 区: '區', 门: '門', 阳: '陽', 华: '華', 学: '學', 场: '場',
  单: '單', 楼: '樓', 树: '樹', 汇: '匯', 诚: '誠', 仓: '倉', 荣: '榮', 云: '雲', 松: '鬆', 兰: '蘭', 湾: '灣',
};
/** Characters typed for others of the same sound with a pinyin input method. */
const HOMOPHONES: Readonly<Record<string, string>> = {
  荣: '容', 乐: '勒', 玉: '育', 树: '数', 茸: '绒', 梅: '媒', 谷: '古', 阳: '杨', 景: '井', 德: '得', 长: '常', 桥: '乔',
  普: '谱', 照: '兆', 门: '们', 仓: '苍', 菊: '局', 园: '圆', 云: '运', 文: '闻', 诚: '成', 松: '淞', 汇: '会', 林: '琳',
  都: '督', 人: '仁', 民: '敏', 苑: '远', 村: '存', 花: '华', 家: '佳', 公: '工', 寓: '遇', 雅: '亚', 名: '明', 邸: '底',
  佳: '嘉', 坊: '方', 新: '心', 华: '化', 和: '合', 平: '坪', 安: '岸', 福: '富', 康: '抗', 金: '今', 银: '吟', 星: '新',
  紫: '子', 枫: '丰', 竹: '珠', 香: '乡', 翠: '脆', 秀: '绣', 锦: '紧', 碧: '必', 泉: '全', 晨: '辰', 鹤: '贺', 兰: '蓝',
  庭: '亭', 泰: '太', 丰: '峰', 祥: '详', 瑞: '睿', 润: '闰', 怡: '宜', 馨: '欣', 学: '雪', 场: '厂', 湖: '胡', 春: '椿',
};
/** Roads of other districts. */
const UNKNOWN_ROADS = ['南京东路', '淮海中路', '曹安公路', '漕宝路', '延安西路', '虹桥路', '共和新路', '浦东大道', '张杨路', '仙霞路'];
/** Places that are not in the street, and places too vague to put anywhere. */
const UNKNOWN_PLACES = [
  '万达广场', '开元地中海', '泰晤士小镇', '欢乐谷', '松江大学城', '辰山植物园', '紫藤苑3号楼', '星河湾12号', '御景华府',
  '小区门口', '家门口', '马路对面', '我家楼下', '学校门口', '公交车站', '河边',
];

/** What addresses are made from: the gazetteer, and the real doors left out of it (none in a shipped one). */
export interface AddressSource {
  gazetteer: GazetteerData;
  heldOut: readonly DoorEntry[];
}

export function ticketAddresses(addresses: AddressSource, count: number, seed: number): TicketAddress[] {
  const rng = createRng(seed);
  const entries = addresses.gazetteer.entries;
  const doors = entries.filter((e): e is DoorEntry => e.kind === 'door');
  const compounds = entries.filter((e): e is CompoundEntry => e.kind === 'compound');
  const landmarks = entries.filter((e): e is LandmarkEntry => e.kind === 'landmark');
  const junctions = entries.filter((e): e is JunctionEntry => e.kind === 'junction');
  const ranges = new Map<string, number>();
  for (const e of [...doors, ...compounds, ...addresses.heldOut]) ranges.set(e.road, Math.max(ranges.get(e.road) ?? 0, e.no));
  const roads = [...ranges.keys()];
  const one = <T>(items: readonly T[]): T => items[rng.int(items.length)]!;
  const at = (e: { p: readonly [number, number]; grid: string }) => ({ point: e.p, gridId: e.grid });
  const door = (d: DoorEntry) => `${d.road}${d.no}号`;

  const make = (form: TicketForm): TicketAddress => {
    switch (form) {
      case 'door': { const d = one(doors); return { form, text: door(d), truth: at(d) }; }
      case 'door-prefixed': { const d = one(doors); return { form, text: `${one(PREFIXES)}${rng.next() < 0.3 ? ' ' : ''}${door(d)}`, truth: at(d) }; }
      case 'door-numerals': { const d = one(doors); return { form, text: `${d.road}${chinese(d.no, rng)}号`, truth: at(d) }; }
      case 'door-unmarked': { const d = one(doors); return { form, text: `${d.road}${rng.next() < 0.5 ? ' ' : ''}${d.no}`, truth: at(d) }; }
      case 'door-traditional': { const d = one(doors); return { form, text: `松江区${[...door(d)].map((c) => TRADITIONAL[c] ?? c).join('')}`, truth: at(d) }; }
      case 'door-full-width': { const d = one(doors); return { form, text: fullWidth(`${d.road} ${d.no} 号`), truth: at(d) }; }
      case 'door-near': { const d = one(doors); return { form, text: `${door(d)}${one(NEAR)}`, truth: at(d) }; }
      case 'door-room': { const d = one(doors); return { form, text: `${door(d)}${one(['', '3楼', '二楼'])}${room(rng)}室`, truth: at(d) }; }
      case 'building': {
        const c = one(compounds);
        const b = one(c.buildings);
        return { form, text: `${one([c.name, ...c.aliases])}${buildingPart(b.no, 1 + rng.int(b.units), room(rng), rng)}`, truth: at(b) };
      }
      case 'lane-building': {
        const c = one(compounds);
        const b = one(c.buildings);
        return { form, text: `${c.road}${c.no}弄${b.no}号${rng.next() < 0.6 ? `${room(rng)}室` : ''}`, truth: at(b) };
      }
      case 'compound': { const c = one(compounds); return { form, text: `${c.name}${one(['', '小区', '门口', '北门'])}`, truth: at(c) }; }
      case 'landmark': {
        const l = one(landmarks);
        // A chain's shop is named with its road, as callers do when asked which one.
        const chain = landmarks.filter((x) => x.name === l.name).length > 1;
        const name = chain ? `${l.address!.replace(/\d+号$/, '')}${l.name}` : one([l.name, ...l.aliases]);
        return { form, text: `${name}${rng.next() < 0.6 ? one(NEAR) : ''}`, truth: at(l) };
      }
      case 'junction': {
        const j = one(junctions);
        const [a, b] = rng.next() < 0.5 ? j.roads : [j.roads[1], j.roads[0]];
        return { form, text: one([`${a}${b}路口`, `${a}与${b}交叉口`, `${a}${b}十字路口`, `${a}/${b}`]), truth: at(j) };
      }
      case 'between': {
        const d = one(addresses.heldOut);
        return { form, text: rng.next() < 0.7 ? door(d) : `${d.road}${chinese(d.no, rng)}号`, truth: at(d) };
      }
      case 'typo': {
        if (rng.next() < 0.6) {
          const d = one(doors);
          const typed = rng.next() < 0.25 ? d.road.replace(/[路街]$/, '') : misspell(d.road, rng);
          return { form, text: `${typed}${d.no}号`, truth: at(d) };
        }
        const c = one(compounds);
        const b = one(c.buildings);
        return { form, text: `${misspell(c.name, rng)}${b.no}号楼`, truth: at(b) };
      }
      case 'outside-road': return { form, text: `${one(addresses.gazetteer.outsideRoads)}${1 + rng.int(900)}号`, truth: null };
      case 'unknown-road': return { form, text: `${one(UNKNOWN_ROADS)}${1 + rng.int(1500)}号`, truth: null };
      case 'unknown-place': return { form, text: one(UNKNOWN_PLACES), truth: null };
      case 'road-only': return { form, text: `${one(roads)}${one(['', '上', '边上', '附近'])}`, truth: null };
      case 'beyond-range': {
        const road = one(roads);
        return { form, text: `${road}${ranges.get(road)! + 100 + rng.int(800)}号`, truth: null };
      }
    }
  };

  // Without held-out doors (a shipped gazetteer) there is nothing to interpolate between.
  const forms = addresses.heldOut.length ? FORMS : FORMS.filter(([form]) => form !== 'between');
  const total = forms.reduce((s, [, w]) => s + w, 0);
  return Array.from({ length: count }, () => {
    let r = rng.next() * total;
    const [form] = forms.find(([, w]) => (r -= w) < 0) ?? forms[forms.length - 1]!;
    return make(form);
  });
}

/** The building, unit and room in one of the ways people say them. */
function buildingPart(building: number, unit: number, roomNo: number, rng: Rng): string {
  switch (rng.int(6)) {
    case 0: return `${building}号楼`;
    case 1: return `${building}幢${unit}单元${roomNo}室`;
    case 2: return `${chinese(building, rng)}号楼${chinese(unit, rng)}单元`;
    case 3: return `${building}-${roomNo}`;
    case 4: return `${building}栋${roomNo}`;
    default: return `${building}号${roomNo}室`;
  }
}

const room = (rng: Rng) => (1 + rng.int(6)) * 100 + 1 + rng.int(4);

const CHINESE_DIGITS = '〇一二三四五六七八九';

/** A number in Chinese numerals: read with 十/百 (一百零八), or digit by digit (一〇八), as callers say them. */
function chinese(n: number, rng: Rng): string {
  const digits = [...String(n)].map((d) => CHINESE_DIGITS[Number(d)]!);
  if (n >= 1000 || rng.next() < 0.3) return digits.join('');
  const [h, t, u] = [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10];
  const hundreds = h > 0 ? `${CHINESE_DIGITS[h]}百` : '';
  const tens = t > 0 ? `${h > 0 || t > 1 ? CHINESE_DIGITS[t] : ''}十` : h > 0 && u > 0 ? '零' : '';
  return `${hundreds}${tens}${u > 0 ? CHINESE_DIGITS[u] : ''}` || '零';
}

function fullWidth(text: string): string {
  return [...text].map((c) => (c === ' ' ? '\u3000' : /\d/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
}

/** One character of the name (not a direction, not the road's 路/街) typed as a homophone, when it has one. */
function misspell(name: string, rng: Rng): string {
  const chars = [...name];
  const positions = chars.flatMap((c, i) => (HOMOPHONES[c] && !/[路街东西南北中]/.test(c) ? [i] : []));
  if (positions.length === 0) return name;
  const i = positions[rng.int(positions.length)]!;
  chars[i] = HOMOPHONES[chars[i]!]!;
  return chars.join('');
}
