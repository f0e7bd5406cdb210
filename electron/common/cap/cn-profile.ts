// The Chinese national profile of CAP (GB/T 35965.1-2018 应急信息交互协议 第1部分:预警信息) and what the hall
// reads from a warning: the identifier's parts, CPEAS administrative geocodes, the zh-CN <info>, the hazard and
// the level IV/III/II/I (蓝/黄/橙/红).
import { z } from 'zod';
import type { CapInfo, Severity, ValuePair } from './cap-model.ts';
import { checkDateTime } from './parse-cap.ts';

/** Response and warning levels, from the lowest: IV 蓝色 (general) … I 红色 (especially serious). */
export const WarningLevel = z.enum(['IV', 'III', 'II', 'I']);
export type WarningLevel = z.infer<typeof WarningLevel>;

export const Hazard = z.enum([
  'typhoon', 'highTide', 'rainstorm', 'flood', 'thunderstorm', 'gale', 'hail', 'fog', 'haze', 'heat', 'coldWave',
  'snowstorm', 'roadIcing', 'geological',
]);
export type Hazard = z.infer<typeof Hazard>;

/** Hazard names for screens, reports and proposals: the one table of them. */
export const HAZARD_LABELS: Readonly<Record<Hazard, { zh: string; en: string }>> = {
  typhoon: { zh: '台风', en: 'Typhoon' }, highTide: { zh: '风暴潮', en: 'Storm tide' }, rainstorm: { zh: '暴雨', en: 'Rainstorm' },
  flood: { zh: '洪水', en: 'Flood' }, thunderstorm: { zh: '雷电', en: 'Thunderstorm' }, gale: { zh: '大风', en: 'Gale' },
  hail: { zh: '冰雹', en: 'Hail' }, fog: { zh: '大雾', en: 'Fog' }, haze: { zh: '霾', en: 'Haze' }, heat: { zh: '高温', en: 'Heat' },
  coldWave: { zh: '寒潮', en: 'Cold wave' }, snowstorm: { zh: '暴雪', en: 'Snowstorm' }, roadIcing: { zh: '道路结冰', en: 'Road icing' },
  geological: { zh: '地质灾害', en: 'Geological hazard' },
};

// --- Identifier ----------------------------------------------------------------------------------------------------

/**
 * GB/T 35965.1 annex A.1.1: ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N. The sender code is a 6-digit GB/T 2260 region code,
 * a 3-digit GB/T 4657 agency code (416 = meteorology), a 3-digit unit code and a 2-digit extension; the time is
 * when the warning was entered, Beijing time; N is the serial of warnings entered by one sender in the same
 * second, from 0. Real CMA alerts omit `_N` (e.g. 13060041600000_20240712213138), so it is optional here.
 */
export const CnIdentifier = z.object({
  senderCode: z.string().regex(/^\d{14}$/),
  regionCode: z.string().regex(/^\d{6}$/),
  agencyCode: z.string().regex(/^\d{3}$/),
  unitCode: z.string().regex(/^\d{3}$/),
  extension: z.string().regex(/^\d{2}$/),
  /** The entry time as an ISO dateTime in Beijing time. */
  enteredAt: z.string(),
  serial: z.number().int().min(0).max(9).nullable(),
});
export type CnIdentifier = z.infer<typeof CnIdentifier>;

const CN_IDENTIFIER = /^((\d{6})(\d{3})(\d{3})(\d{2}))_(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:_(\d))?$/;

/** The parts of a GB/T 35965.1 identifier, or null when the identifier does not follow it. */
export function parseCnIdentifier(identifier: string): CnIdentifier | null {
  const m = CN_IDENTIFIER.exec(identifier);
  if (!m) return null;
  const [, senderCode, regionCode, agencyCode, unitCode, extension, y, mo, d, h, mi, s, n] = m;
  const enteredAt = checkDateTime(`${y}-${mo}-${d}T${h}:${mi}:${s}+08:00`);
  if (enteredAt === null) return null;
  return { senderCode: senderCode!, regionCode: regionCode!, agencyCode: agencyCode!, unitCode: unitCode!, extension: extension!, enteredAt, serial: n === undefined ? null : Number(n) };
}

// --- Geocodes ------------------------------------------------------------------------------------------------------

/** CMA writes "CPEAS Geographic Code" (国家突发事件预警信息发布系统); GB/T 2260-style names are accepted too. */
const ADMIN_SCHEME = /CPEAS|GB\/?T\s*2260|行政区划/i;

/**
 * An administrative code as 12 digits (CPEAS: 2 province, 2 city, 2 county, 3 township, 3 village), or null.
 * 6-digit county codes (CMA sends some for Chongqing) and 9-digit township codes are padded with zeros.
 */
export function normalizeAdminCode(code: string): string | null {
  const c = code.trim();
  return /^(\d{6}|\d{9}|\d{12})$/.test(c) ? c.padEnd(12, '0') : null;
}

/** The administrative codes among an area's geocodes, as 12 digits. */
export function adminCodesOf(geocodes: readonly ValuePair[]): string[] {
  const codes = geocodes.filter((g) => ADMIN_SCHEME.test(g.valueName)).map((g) => normalizeAdminCode(g.value));
  return [...new Set(codes.filter((c): c is string => c !== null))];
}

const LEVEL_DIGITS = [2, 4, 6, 9, 12];

/** The significant head of a 12-digit code: 310117000000 → 310117 (松江区), 310000000000 → 31 (上海市). */
function adminPrefix(code: string): string {
  const digits = LEVEL_DIGITS.find((n) => /^0*$/.test(code.slice(n))) ?? 12;
  return /^0*$/.test(code) ? '' : code.slice(0, digits);
}

/**
 * Whether two 12-digit administrative areas overlap: one is the other, contains it (a district or city code
 * names a street inside it) or lies inside it (a community warning touches part of the street).
 */
export function adminAreasOverlap(a: string, b: string): boolean {
  const pa = adminPrefix(a);
  const pb = adminPrefix(b);
  return pa.startsWith(pb) || pb.startsWith(pa);
}

// --- Language ------------------------------------------------------------------------------------------------------

/** The <info> the hall reads: zh-CN first, then other Simplified Chinese, then any Chinese, then the first. */
export function pickInfo(infos: readonly CapInfo[]): CapInfo | null {
  const rank = (language: string) => {
    const l = language.toLowerCase();
    return l === 'zh-cn' ? 0 : /^zh-(hans|sg)\b/.test(l) ? 1 : /^zh(-|$)/.test(l) ? 2 : 3;
  };
  let best: CapInfo | null = null;
  for (const info of infos) if (best === null || rank(info.language) < rank(best.language)) best = info;
  return best;
}

// --- Hazard --------------------------------------------------------------------------------------------------------

/** Words per hazard, most specific first (风暴潮 before 暴雨, 雷雨大风 before 大风). */
const HAZARD_WORDS: ReadonlyArray<readonly [Hazard, RegExp]> = [
  ['typhoon', /台风|热带风暴|热带气旋|\btyphoon|\btropical (storm|cyclone)|\bhurricane/i],
  ['highTide', /风暴潮|天文大潮|高潮位|\bstorm surge|\bhigh tide|\bcoastal flood/i],
  ['rainstorm', /暴雨|强降雨|强降水|\brainstorm|\bheavy rain/i],
  ['flood', /洪水|内涝|山洪|洪涝|渍涝|\bflood/i],
  ['thunderstorm', /雷雨大风|雷电|雷暴|强对流|\bthunder|\blightning/i],
  ['gale', /大风|\bgale|\bhigh wind|\bstrong wind/i],
  ['hail', /冰雹|\bhail/i],
  ['fog', /大雾|浓雾|\bfog\b/i],
  ['haze', /霾|\bhaze/i],
  ['heat', /高温|\bheat\b/i],
  ['coldWave', /寒潮|\bcold wave/i],
  ['snowstorm', /暴雪|\bsnowstorm|\bblizzard|\bheavy snow/i],
  ['roadIcing', /道路结冰|\bicy roads?\b/i],
  ['geological', /地质灾害|\blandslide/i],
];

/**
 * Event type codes of the national warning release system (突发事件预警信息 事件类型代码, 11B = meteorological).
 * 11B17 大雾 is confirmed by real CMA data; the others follow the same published list and must be checked against
 * the standard's annex before they are relied on. Flood and high-tide codes are not listed: their words decide.
 */
const CN_EVENT_CODES: Readonly<Record<string, Hazard>> = {
  '11B01': 'typhoon', '11B03': 'rainstorm', '11B04': 'snowstorm', '11B05': 'coldWave', '11B06': 'gale',
  '11B09': 'heat', '11B14': 'thunderstorm', '11B15': 'hail', '11B17': 'fog', '11B19': 'haze', '11B20': 'thunderstorm',
  '11B21': 'roadIcing',
};

export function hazardInText(text: string): Hazard | null {
  return HAZARD_WORDS.find(([, words]) => words.test(text))?.[0] ?? null;
}

function hazardInEventCode(code: ValuePair): Hazard | null {
  return CN_EVENT_CODES[code.value.trim().toUpperCase()] ?? hazardInText(code.value);
}

// --- Level ---------------------------------------------------------------------------------------------------------

const COLOR_LEVEL: Readonly<Record<string, WarningLevel>> = { 红: 'I', 橙: 'II', 黄: 'III', 蓝: 'IV' };
const EN_COLOR_LEVEL: Readonly<Record<string, WarningLevel>> = { red: 'I', orange: 'II', yellow: 'III', blue: 'IV' };
const NUMERAL_LEVEL: Readonly<Record<string, WarningLevel>> = {
  Ⅰ: 'I', Ⅱ: 'II', Ⅲ: 'III', Ⅳ: 'IV', I: 'I', II: 'II', III: 'III', IV: 'IV', 一: 'I', 二: 'II', 三: 'III', 四: 'IV',
};
const NUMERAL = '(Ⅳ|Ⅲ|Ⅱ|Ⅰ|IV|III|II|I|四|三|二|一)';

/** "[Ⅲ级/较重]", "[IV/一般]", "[Level III/Heavy]": CMA headlines end with the current level in brackets. */
const BRACKETED = new RegExp(`[[【(（]\\s*(?:Level\\s*)?${NUMERAL}\\s*级?\\s*[/／]`, 'i');
/** "升级为红色", "降级为黄色": the level after a change. */
const CHANGED_TO = /(?:升级|降级|调整|更新|变更|改)为\s*(红|橙|黄|蓝)色/;
const COLOR = /(红|橙|黄|蓝)色(?:预警|警报|信号)?/g;
const NUMBERED = new RegExp(`(?<![A-Za-z十])${NUMERAL}\\s*级`);
const EN_COLOR = /\b(red|orange|yellow|blue) (?:warning|alert|signal)\b/i;
const EN_LEVEL = /\bLevel (IV|III|II|I)\b/i;
/** An eventCode value that is only a level: "橙色", "Orange", "II", "Ⅱ级". */
const LEVEL_TOKEN = new RegExp(`^(?:(红|橙|黄|蓝)色?|(red|orange|yellow|blue)|${NUMERAL}\\s*级?)$`, 'i');

/** The warning level a headline or event text states, or null. */
export function levelInText(text: string): WarningLevel | null {
  const bracketed = BRACKETED.exec(text)?.[1];
  if (bracketed) return NUMERAL_LEVEL[bracketed.toUpperCase()] ?? null;
  const changed = CHANGED_TO.exec(text)?.[1];
  if (changed) return COLOR_LEVEL[changed]!;
  const colors = [...text.matchAll(COLOR)];
  // Several colours without a change word ("解除暴雨红色预警,发布暴雨橙色预警"): the last one stands.
  const lastColor = colors[colors.length - 1]?.[1];
  if (lastColor) return COLOR_LEVEL[lastColor]!;
  const numbered = NUMBERED.exec(text)?.[1];
  if (numbered) return NUMERAL_LEVEL[numbered.toUpperCase()] ?? null;
  const enColor = EN_COLOR.exec(text)?.[1];
  if (enColor) return EN_COLOR_LEVEL[enColor.toLowerCase()]!;
  const enLevel = EN_LEVEL.exec(text)?.[1];
  return enLevel ? NUMERAL_LEVEL[enLevel.toUpperCase()]! : null;
}

function levelInEventCode(code: ValuePair): WarningLevel | null {
  const value = code.value.trim();
  const token = LEVEL_TOKEN.exec(value);
  if (token) {
    const [, zh, en, numeral] = token;
    if (zh) return COLOR_LEVEL[zh]!;
    if (en) return EN_COLOR_LEVEL[en.toLowerCase()]!;
    return NUMERAL_LEVEL[numeral!.toUpperCase()] ?? null;
  }
  return levelInText(value);
}

/** GB/T 35965.1 ties severity to the colour: Extreme 红 I, Severe 橙 II, Moderate 黄 III, Minor 蓝 IV. */
const SEVERITY_LEVEL: Readonly<Partial<Record<Severity, WarningLevel>>> = { Extreme: 'I', Severe: 'II', Moderate: 'III', Minor: 'IV' };

export const LevelSource = z.enum(['eventCode', 'headline', 'event', 'severity']);
export type LevelSource = z.infer<typeof LevelSource>;
export const HazardSource = z.enum(['eventCode', 'event', 'headline']);
export type HazardSource = z.infer<typeof HazardSource>;

export interface HazardReading {
  hazard: Hazard | null;
  hazardFrom: HazardSource | null;
  level: WarningLevel | null;
  levelFrom: LevelSource | null;
}

/**
 * Hazard and level of one <info>: from its eventCodes when they say, else from the headline and the event text;
 * the level falls back on the severity only for a warning of the Chinese profile, where the standard fixes that
 * mapping (elsewhere severity is no colour scale).
 */
export function readHazard(info: CapInfo, chineseProfile: boolean): HazardReading {
  const firstOf = <T,>(pairs: ReadonlyArray<readonly [T | null, string]>) => pairs.find(([v]) => v !== null) ?? [null, null];
  const [hazard, hazardFrom] = firstOf<Hazard>([
    ...info.eventCodes.map((c) => [hazardInEventCode(c), 'eventCode'] as const),
    [hazardInText(info.event), 'event'],
    [info.headline === undefined ? null : hazardInText(info.headline), 'headline'],
  ]);
  const [level, levelFrom] = firstOf<WarningLevel>([
    ...info.eventCodes.map((c) => [levelInEventCode(c), 'eventCode'] as const),
    [info.headline === undefined ? null : levelInText(info.headline), 'headline'],
    [levelInText(info.event), 'event'],
    [chineseProfile ? (SEVERITY_LEVEL[info.severity] ?? null) : null, 'severity'],
  ]);
  return { hazard, hazardFrom: hazardFrom as HazardSource | null, level, levelFrom: levelFrom as LevelSource | null };
}
