// Address normalisation (S-4.1b): width, traditional characters, numerals, part words, prefixes, position words;
// and the name distance that reads typos but never a direction.
import { describe, expect, it } from 'vitest';
import { nameDistance } from '../../electron/common/address/name-distance.ts';
import { normaliseAddress, normaliseName, numeralsToDigits } from '../../electron/common/address/normalise.ts';

const ZS = { city: '上海市', district: '松江区', street: '中山街道' };
const norm = (text: string) => normaliseAddress(text, ZS);

describe('numeralsToDigits', () => {
  it('reads numbers with units, and house numbers digit by digit', () => {
    const cases: Array<[string, string]> = [
      ['二十三', '23'], ['十', '10'], ['十五', '15'], ['一百零八', '108'], ['三百二十', '320'], ['一千零一', '1001'],
      ['两百', '200'], ['一百五', '150'], ['九十九', '99'], ['一八八', '188'], ['三〇二', '302'], ['零', '0'], ['幺八八', '188'],
    ];
    for (const [chinese, digits] of cases) expect(numeralsToDigits(chinese), chinese).toBe(digits);
  });
});

describe('normaliseAddress', () => {
  it('brings the ways one door is typed to one form', () => {
    for (const typed of ['荣乐东路88号', '荣乐东路 88 号', '荣乐东路八十八号', '荣乐东路八八号', '松江区荣樂東路88號', '荣乐东路８８号',
      '上海市松江区中山街道荣乐东路88号', '上海松江区 荣乐东路88号', '荣乐东路88#', '荣乐东路88号门口', '荣乐东路88号对面', '荣乐东路88号东侧50米',
      '荣乐东路88号,', '“荣乐东路88号”', '荣乐东路\u000088号', '荣乐东路\u200b88号']) {
      expect(norm(typed), typed).toBe('荣乐东路88号');
    }
    expect(norm('荣乐东路88')).toBe('荣乐东路88');
  });

  it('uses one word for each part of an address', () => {
    expect(norm('乐都苑5号楼3单元502室')).toBe('乐都苑5幢3单元502室');
    expect(norm('乐都苑5栋502房')).toBe('乐都苑5幢502室');
    expect(norm('乐都苑五座三单元')).toBe('乐都苑5幢3单元');
    expect(norm('荣乐东路188弄3支弄12号4层')).toBe('荣乐东路188弄3支弄12号4楼');
    expect(norm('乐都苑5 - 302')).toBe('乐都苑5-302');
    expect(norm('乐都苑5—3—502')).toBe('乐都苑5-3-502');
  });

  it('strips the administrative prefixes but not the street office, and keeps 路/街/大道', () => {
    expect(norm('中山街道办事处')).toBe('中山街道办事处');
    expect(norm('中山街道办事处门口')).toBe('中山街道办事处');
    expect(norm('上海市松江区中山街道办')).toBe('中山街道办');
    expect(norm('中山街道长桥街5号')).toBe('长桥街5号');
    expect(norm('浦东大道1号')).toBe('浦东大道1号');
    expect(normaliseName('中山街道社区卫生服务中心', ZS)).toBe('社区卫生服务中心');
    // Without prefixes given, nothing is stripped.
    expect(normaliseAddress('松江区荣乐东路1号')).toBe('松江区荣乐东路1号');
  });

  it('drops position words only at the end, and never a road name that looks like one', () => {
    expect(norm('中山小学门口')).toBe('中山小学');
    expect(norm('醉白池公园东门附近')).toBe('醉白池公园');
    expect(norm('南门路12号')).toBe('南门路12号');
    expect(norm('南门路')).toBe('南门路');
    expect(norm('荣乐东路人民北路十字路口')).toBe('荣乐东路人民北路路口');
    expect(norm('门口')).toBe('门口');
    // Names keep what queries drop.
    expect(normaliseName('菜场旁')).toBe('菜场旁');
  });

  it('keeps numerals inside names comparable on both sides', () => {
    expect(norm('松江二中门口')).toBe(normaliseName('松江二中', ZS));
    expect(norm('西林二村五号楼')).toBe('西林2村5幢');
  });

  it('turns what is not an address into the empty text, without throwing', () => {
    expect(norm('')).toBe('');
    expect(norm(' \t\n ')).toBe('');
    expect(norm('\u0000\u0007\u001b')).toBe('');
    expect(norm('。，！？')).toBe('');
  });
});

describe('nameDistance', () => {
  it('counts typos, and a direction character as two', () => {
    expect(nameDistance('容乐东路', '荣乐东路', 2)).toBe(1);
    expect(nameDistance('荣乐东', '荣乐东路', 2)).toBe(1);
    expect(nameDistance('荣乐西路', '荣乐东路', 2)).toBe(2);
    expect(nameDistance('荣乐路', '荣乐东路', 2)).toBe(2);
    expect(nameDistance('荣乐东路', '荣乐东路', 1)).toBe(0);
    // Beyond the limit it only says so.
    expect(nameDistance('万达广场', '荣乐东路', 1)).toBe(2);
    expect(nameDistance('荣', '荣乐东路广场', 1)).toBe(2);
  });
});
