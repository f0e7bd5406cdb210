// The console KPI view's pure parts: the periods it asks the hall for (Beijing days, whatever the PC's zone),
// the typed range's checks, the trend's days and the ranking's CSV.
import { describe, expect, it } from 'vitest';
import { beijing } from '../../electron/common/domain/beijing-time.ts';
import { currentSpan, rangeProblem, trendSpan } from '../../renderer/src/console/kpi/kpi-period.ts';
import { rankingCsv } from '../../renderer/src/console/kpi/ranking-csv.ts';

describe('KPI view periods', () => {
  it('are the Beijing day, Monday-first week and month containing now', () => {
    // Sunday 2026-11-22 23:30 Beijing is 15:30 UTC: still that Sunday, in the week of Monday 11-16.
    const now = beijing('2026-11-22', '23:30');
    expect(currentSpan('day', now)).toEqual({ from: '2026-11-22', to: '2026-11-22' });
    expect(currentSpan('week', now)).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(currentSpan('month', now)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    // Monday 00:00 Beijing (Sunday 16:00 UTC) is the new week already.
    expect(currentSpan('week', beijing('2026-11-23', '00:00'))).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(currentSpan('month', beijing('2028-02-10'))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('check a typed range: both days, in order, at most 366 days', () => {
    expect(rangeProblem({ from: '2026-11-01', to: '2026-11-30' })).toBeNull();
    expect(rangeProblem({ from: '2026-11-05', to: '2026-11-05' })).toBeNull();
    expect(rangeProblem({ from: '', to: '2026-11-30' })).toBe('rangeIncomplete');
    expect(rangeProblem({ from: '2026-02-30', to: '2026-03-01' })).toBe('rangeIncomplete');
    expect(rangeProblem({ from: '2026-12-01', to: '2026-11-30' })).toBe('rangeReversed');
    expect(rangeProblem({ from: '2024-01-01', to: '2024-12-31' })).toBeNull(); // a leap year's 366 days
    expect(rangeProblem({ from: '2024-01-01', to: '2025-01-01' })).toBe('rangeTooLong');
  });

  it('draw a trend over at least the 7 days ending with the period', () => {
    expect(trendSpan({ from: '2026-11-22', to: '2026-11-22' })).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(trendSpan({ from: '2026-11-01', to: '2026-11-30' })).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(trendSpan({ from: '2026-12-29', to: '2027-01-02' })).toEqual({ from: '2026-12-27', to: '2027-01-02' });
  });
});

describe('ranking CSV', () => {
  it('opens in Excel as UTF-8 with quoted fields, unranked units without a rank', () => {
    const csv = rankingCsv(['名次', '单位', '结案率', '分子', '分母', '目标', '达标'], [
      { rank: 1, unit: '城管中队', rate: 2 / 3, numerator: 2, denominator: 3, target: 0.97, verdict: '未达标' },
      { rank: 0, unit: '网格 "A", 北', rate: null, numerator: 0, denominator: 0, verdict: '暂无数据' },
    ]);
    expect(csv).toBe('\uFEFF名次,单位,结案率,分子,分母,目标,达标\r\n1,城管中队,66.7%,2,3,97.0%,未达标\r\n,"网格 ""A"", 北",,0,0,,暂无数据\r\n');
  });
});
