// Address text as callers and operators type it, brought to one form before matching (S-4.1b): full-width to
// half-width, common traditional characters to simplified, no spaces, punctuation or control characters, Chinese
// numerals as digits (二十三 → 23, 一八八 → 188), one word per address part (号楼/栋/座 → 幢, 房 → 室, 层 → 楼),
// no administrative prefix (上海市松江区中山街道) and, for queries, no trailing position words (门口, 对面, 50米 …).
// Gazetteer names go through the same steps (without the position words), so both sides compare alike.

/** Traditional → simplified, for the characters that occur in the street's addresses and in what people add. */
const TRADITIONAL = new Map(
  [
    '樂乐', '號号', '東东', '園园', '橋桥', '長长', '區区', '門门', '陽阳', '華华', '學学', '場场', '館馆', '單单', '樓楼',
    '棟栋', '層层', '環环', '廣广', '龍龙', '國国', '體体', '雲云', '匯汇', '滙汇', '鎮镇', '縣县', '裡里', '裏里', '內内',
    '側侧', '對对', '醫医', '衛卫', '農农', '貿贸', '藝艺', '術术', '書书', '電电', '車车', '鄰邻', '邊边', '蘭兰', '連连',
    '進进', '興兴', '豐丰', '寶宝', '鳳凤', '嶺岭', '灣湾', '濱滨', '黃黄', '綠绿', '榮荣', '徑径', '涇泾', '漢汉', '關关',
    '來来', '郵邮', '銀银', '業业', '處处', '舊旧', '廠厂', '辦办', '務务', '會会', '點点', '樹树', '誠诚', '倉仓', '穀谷',
    '蘇苏', '滬沪', '鬆松', '萬万', '臺台', '聖圣', '寧宁', '壩坝', '莊庄', '際际', '貨货', '廳厅',
    '鄉乡', '紀纪', '傑杰', '偉伟', '麗丽', '歡欢', '勝胜', '煙烟', '葉叶', '廟庙', '覺觉', '與与',
  ].map((pair): [string, string] => [pair[0]!, pair[1]!]),
);

const DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 幺: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const NUMERAL_RUN = /[〇零一幺二两三四五六七八九十百千]+/g;

/**
 * One run of Chinese numerals as Arabic digits: with 十/百/千 read as a number (二十三 → 23, 一百零八 → 108, colloquial
 * 一百五 → 150), without them digit by digit, as house and room numbers are read out (一八八 → 188, 三〇二 → 302).
 */
export function numeralsToDigits(run: string): string {
  const chars = [...run];
  if (!chars.some((c) => c in UNITS)) return chars.map((c) => DIGITS[c]).join('');
  let total = 0;
  let digit: number | null = null;
  let lastUnit = 1;
  let zeroSinceUnit = false;
  for (const c of chars) {
    const unit = UNITS[c];
    if (unit === undefined) {
      if (DIGITS[c] === 0) zeroSinceUnit = true;
      else digit = DIGITS[c]!;
      continue;
    }
    total += (digit ?? 1) * unit;
    [digit, lastUnit, zeroSinceUnit] = [null, unit, false];
  }
  if (digit !== null) total += zeroSinceUnit || lastUnit === 10 ? digit : (digit * lastUnit) / 10;
  return String(total);
}

/** What `normaliseName` and `normaliseAddress` strip from the front: the administrative names of the street. */
export interface AddressPrefixes {
  city: string;
  district: string;
  street: string;
}

/** Words after a place that say where near it (门口, 对面 …): the place is what the gazetteer knows. Not 处: 办事处. */
const POSITION_WORDS = [
  '大门口', '门口', '大门', '正门', '后门', '侧门', '东门', '南门', '西门', '北门', '附近', '旁边', '边上', '隔壁', '对面',
  '周边', '周围', '一带', '里面', '外面', '楼下', '路边', '东侧', '西侧', '南侧', '北侧', '东边', '西边', '南边', '北边',
  '东面', '西面', '南面', '北面', '前面', '后面', '内', '前', '旁', '边', '上',
];
const DISTANCE_SUFFIX = /(往|向)?[东南西北]?(边|侧|面)?约?[\d〇零一二两三四五六七八九十百]+(米|m)$/;

/** Control and format characters, spaces, punctuation and symbols; a hyphen between digits is kept as '-'. */
function bare(text: string): string {
  const simplified = [...text.normalize('NFKC')].map((c) => TRADITIONAL.get(c) ?? c).join('').toLowerCase();
  return simplified
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/(\d)\s*[-~—–―]+\s*(?=\d)/g, '$1\uE000')
    .replace(/(\d)\s*#/g, '$1号')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .replaceAll('\uE000', '-');
}

/** Digits for numerals and one word per address part. */
function canonical(text: string): string {
  return text
    .replace(NUMERAL_RUN, numeralsToDigits)
    .replace(/(\d)(号楼|号栋|栋|幢|座)/g, '$1幢')
    .replace(/(\d)(房间|房|室)/g, '$1室')
    .replace(/(\d)(层|楼)/g, '$1楼');
}

function withoutPrefixes(text: string, prefixes: AddressPrefixes | undefined): string {
  if (!prefixes) return text;
  const { city, district, street } = prefixes;
  // 中山街道办(事处) is an office, not the street.
  const leading = ['中国', city, city.replace(/市$/, ''), district].filter((p) => p.length > 0);
  let rest = text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const prefix of leading) {
      if (rest.startsWith(prefix) && rest.length > prefix.length) [rest, changed] = [rest.slice(prefix.length), true];
    }
    if (street && rest.startsWith(street) && rest.length > street.length && rest[street.length] !== '办') {
      [rest, changed] = [rest.slice(street.length), true];
    }
  }
  return rest;
}

/** A gazetteer name (road, compound, landmark) in the form addresses are compared in. */
export function normaliseName(text: string, prefixes?: AddressPrefixes): string {
  return withoutPrefixes(canonical(bare(text)), prefixes);
}

/** An address as typed, in the form it is matched in; position words at its end are dropped. */
export function normaliseAddress(text: string, prefixes?: AddressPrefixes): string {
  let rest = bare(text).replace(/十字路口|交叉口|交界处|交汇处|路口处/g, '路口');
  for (let changed = true; changed; ) {
    const before = rest;
    rest = rest.replace(DISTANCE_SUFFIX, '');
    const word = POSITION_WORDS.find((w) => rest.endsWith(w) && rest.length > w.length);
    if (word) rest = rest.slice(0, -word.length);
    changed = rest !== before;
  }
  return withoutPrefixes(canonical(rest), prefixes);
}
