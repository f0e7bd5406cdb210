// Chinese names of the units KPIs are grouped by, for reports and boards.
import type { CaseSource } from '../domain/case-model.ts';
import type { SiteRules } from '../site/site-config.ts';
import { NO_UNIT, type UnitDimension } from './kpi-grouping.ts';

export const SOURCE_LABELS: Readonly<Record<CaseSource, string>> = {
  hotline12345: '12345热线', nonpolice110: '110非警情', hotline12319: '12319热线', patrol: '网格巡查', video: '智能发现',
  qr: '市民扫码', walkin: '来电来访',
};

const NO_UNIT_LABELS: Record<UnitDimension, string> = { grid: '未定网格', department: '未派单', source: '未知来源', category: '未分类' };

export function unitLabel(by: UnitDimension, key: string, site: SiteRules): string {
  if (key === NO_UNIT) return NO_UNIT_LABELS[by];
  if (by === 'department') return site.department(key).zh;
  if (by === 'source') return SOURCE_LABELS[key as CaseSource] ?? key;
  return key;
}
