import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseDraft } from '../../electron/common/protocol.ts';
import { CaseQuery } from '../../electron/common/http-api.ts';
import { searchCases } from '../../electron/hall/store/case-search.ts';
import { caseCreatedSpec } from '../../electron/hall/commands.ts';
import { createEventLog } from '../../electron/hall/event-log.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { tempDataDir } from '../helpers/hall-process.ts';

const base: CaseDraft = { title: '', description: '', source: 'hotline12345', urgency: 'general', category: '市容环境', address: '' };

function seeded() {
  const store = openStore(join(tempDataDir('search-'), 'hall.db'));
  const log = createEventLog(store);
  const add = (d: Partial<CaseDraft>, at: number) => log.append(caseCreatedSpec({ ...base, ...d }, { origin: 'hall', seat: null, at }));
  add({ title: '荣乐东路积水严重', category: '防汛防台', gridId: 'M001', source: 'patrol' }, 1000);
  add({ title: '共享单车乱停放', address: '中山中路 88 号', gridId: 'M002' }, 2000);
  add({ title: '夜间施工噪音扰民', description: '工地22点后仍在打桩', gridId: 'M001', source: 'video' }, 3000);
  add({ title: '窨井盖缺失', address: '荣乐东路与人民北路口', gridId: 'M003' }, 4000);
  return store;
}
const q = (store: ReturnType<typeof seeded>, query: Partial<CaseQuery>) => searchCases(store, CaseQuery.parse(query)).map((c) => c.title);

describe('case search (S-4.8)', () => {
  const store = seeded();

  it('finds Chinese substrings of three or more characters through the trigram index, in any text field', () => {
    expect(q(store, { q: '荣乐东路' })).toEqual(['窨井盖缺失', '荣乐东路积水严重']);
    expect(q(store, { q: '22点后' })).toEqual(['夜间施工噪音扰民']);
  });

  it('falls back for one- and two-character terms', () => {
    expect(q(store, { q: '积水' })).toEqual(['荣乐东路积水严重']);
    expect(q(store, { q: '噪' })).toEqual(['夜间施工噪音扰民']);
  });

  it('treats quotes, % and _ in the text as plain characters', () => {
    expect(q(store, { q: '"荣乐' })).toEqual([]);
    expect(q(store, { q: '%' })).toEqual([]);
    expect(q(store, { q: '_' })).toEqual([]);
  });

  it('filters by grid, source, state and time, newest first', () => {
    expect(q(store, { grid: 'M001' })).toEqual(['夜间施工噪音扰民', '荣乐东路积水严重']);
    expect(q(store, { source: 'video' })).toEqual(['夜间施工噪音扰民']);
    expect(q(store, { state: 'reported', from: 2000, to: 4000 })).toEqual(['夜间施工噪音扰民', '共享单车乱停放']);
    expect(q(store, { q: '荣乐东路', grid: 'M003' })).toEqual(['窨井盖缺失']);
  });

  it('finds cases added after the last search: the index catches up before every text search', () => {
    const fresh = seeded();
    expect(q(fresh, { q: '古浦塘' })).toEqual([]);
    createEventLog(fresh).append(caseCreatedSpec({ ...base, title: '古浦塘水面漂浮物' }, { origin: 'hall', seat: null, at: 5000 }));
    expect(q(fresh, { q: '古浦塘' })).toEqual(['古浦塘水面漂浮物']);
    expect(q(fresh, { q: '漂' })).toEqual(['古浦塘水面漂浮物']);
  });

  it('rejects bad query parameters by name', () => {
    expect(() => CaseQuery.parse({ source: 'fax' })).toThrow(/source/);
    expect(() => CaseQuery.parse({ limit: '5000' })).toThrow(/limit/);
  });
});
