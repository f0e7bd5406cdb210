// S-5 figures over a fixed, hand-written day of 20 cases. Every expected number was worked out by hand from
// the table below (see the comment above each assertion), not by running the code.
import { describe, expect, it } from 'vitest';
import { beijing } from '../../electron/common/domain/beijing-time.ts';
import { newCase } from '../../electron/common/domain/case-intake.ts';
import type { CaseView } from '../../electron/common/domain/case-model.ts';
import { computeKpis, deadlineOf, patrolCoverage, SEED_001_KPI_RULES as RULES } from '../../electron/common/kpi/kpi-definitions.ts';
import { dailyTrend, kpisByPeriod, kpisByUnit, rankUnits } from '../../electron/common/kpi/kpi-grouping.ts';
import { beijingDay, isoBeijing, splitPeriod } from '../../electron/common/kpi/periods.ts';

/** 2026-11-20, Beijing time, at hh:mm[:ss]. */
const t = (time: string, date = '2026-11-20') => beijing(date, time);

type Fields = Partial<CaseView> & Pick<CaseView, 'source' | 'urgency' | 'state' | 'createdAt'>;
let no = 0;
function kase(id: string, f: Fields): CaseView {
  const base = newCase({ title: id, description: '', source: f.source, urgency: f.urgency, category: '市容环境', address: '' }, { id, no: ++no, at: f.createdAt, seat: null });
  return { ...base, ...f };
}

// id   source  urg  grid lead    created       registered    onScene  handled(self)   closed          due          evaluated          state
// c01  patrol  gen  g1   urban   08:00         08:05         08:30    09:00 (self)    10:00           20:00        12:00 满意 解决     evaluated
// c02  patrol  gen  g1   urban   09:00         09:05         -        11:00 (self)    11-21 01:00     18:00        -                  closed
// c03  video   urg  g2   police  10:00         10:00         10:10    10:50           10:55           -            -                  closed
// c04  video   urg  g2   police  11:00         11:00         11:20    12:30           13:00           -            -                  closed
// c05  12345   urg  g1   urban   14:00         14:00         -        -               -               -            -                  dispatched
// c06  12345   gen  g3   market  15:00         15:10         -        15:50           16:00           11-22 00:00  11-21 08:00 基本   evaluated
// c07  patrol  gen  g3   -       16:00         -             -        -               -               -            -                  reported
// c08  patrol  gen  g2   urban   23:59:59.999  23:59:59.999  -        -               -               -            -                  registered
// c09  patrol  gen  g2   -       11-21 00:00   11-21 00:00   -        -               -               -            -                  registered
// c10  qr      gen  g1   -       12:00         -             -        -               -               -            -                  rejected
// c11  patrol  gen  g1   urban   12:30         12:35         -        12:38 (self)    12:40           -            -                  closed, duplicate of c01
// c12  patrol  gen  g3   urban   11-19 20:00   11-19 20:10   -        09:00 (self)    09:30           12:00        15:00 不满意 未解决 evaluated
// c13  video   urg  g3   police  08:55         08:55         09:10    09:55           09:55           -            -                  closed
// c14  video   urg  g2   police  23:50         23:50         -        -               -               -            -                  dispatched
// c15  patrol  gen  g1   urban   07:00         07:05         -        08:00           08:30           -            13:00 基本 解决     evaluated
// c16  12319   gen  g2   other   13:00         13:30         -        -               -               -            -                  suspended
// c17  walkin  gen  -    command 17:00         17:05         -        17:30           -               -            -                  handled
// c18  video   gen  g3   urban   18:00         18:01         -        18:50           19:00           11-21 18:00  -                  reopened
// c19  110     urg  g1   police  19:00         19:00         19:14    20:30           -               -            -                  handled
// c20  patrol  gen  g2   urban   00:00         00:00         -        -               -               -            -                  registered
const CASES: CaseView[] = [
  kase('c01', { source: 'patrol', urgency: 'general', gridId: 'g1', lead: 'urban', createdAt: t('08:00'), registeredAt: t('08:05'), dispatchedAt: t('08:10'), onSceneAt: t('08:30'), handledAt: t('09:00'), selfHandled: true, closedAt: t('10:00'), dueAt: t('20:00'), evaluatedAt: t('12:00'), satisfaction: 'satisfied', resolved: true, state: 'evaluated' }),
  kase('c02', { source: 'patrol', urgency: 'general', gridId: 'g1', lead: 'urban', createdAt: t('09:00'), registeredAt: t('09:05'), handledAt: t('11:00'), selfHandled: true, closedAt: t('01:00', '2026-11-21'), dueAt: t('18:00'), state: 'closed' }),
  kase('c03', { source: 'video', urgency: 'urgent', gridId: 'g2', lead: 'police', createdAt: t('10:00'), registeredAt: t('10:00'), dispatchedAt: t('10:02'), onSceneAt: t('10:10'), handledAt: t('10:50'), closedAt: t('10:55'), state: 'closed' }),
  kase('c04', { source: 'video', urgency: 'urgent', gridId: 'g2', lead: 'police', createdAt: t('11:00'), registeredAt: t('11:00'), onSceneAt: t('11:20'), handledAt: t('12:30'), closedAt: t('13:00'), state: 'closed' }),
  kase('c05', { source: 'hotline12345', urgency: 'urgent', gridId: 'g1', lead: 'urban', createdAt: t('14:00'), registeredAt: t('14:00'), dispatchedAt: t('14:05'), state: 'dispatched' }),
  kase('c06', { source: 'hotline12345', urgency: 'general', gridId: 'g3', lead: 'market', createdAt: t('15:00'), registeredAt: t('15:10'), handledAt: t('15:50'), closedAt: t('16:00'), dueAt: t('00:00', '2026-11-22'), evaluatedAt: t('08:00', '2026-11-21'), satisfaction: 'basic', resolved: false, state: 'evaluated' }),
  kase('c07', { source: 'patrol', urgency: 'general', gridId: 'g3', createdAt: t('16:00'), state: 'reported' }),
  kase('c08', { source: 'patrol', urgency: 'general', gridId: 'g2', lead: 'urban', createdAt: t('23:59:59') + 999, registeredAt: t('23:59:59') + 999, state: 'registered' }),
  kase('c09', { source: 'patrol', urgency: 'general', gridId: 'g2', createdAt: t('00:00', '2026-11-21'), registeredAt: t('00:00', '2026-11-21'), state: 'registered' }),
  kase('c10', { source: 'qr', urgency: 'general', gridId: 'g1', createdAt: t('12:00'), state: 'rejected' }),
  kase('c11', { source: 'patrol', urgency: 'general', gridId: 'g1', lead: 'urban', createdAt: t('12:30'), registeredAt: t('12:35'), handledAt: t('12:38'), selfHandled: true, closedAt: t('12:40'), duplicateOf: 'c01', state: 'closed' }),
  kase('c12', { source: 'patrol', urgency: 'general', gridId: 'g3', lead: 'urban', createdAt: t('20:00', '2026-11-19'), registeredAt: t('20:10', '2026-11-19'), handledAt: t('09:00'), selfHandled: true, closedAt: t('09:30'), dueAt: t('12:00'), evaluatedAt: t('15:00'), satisfaction: 'unsatisfied', resolved: false, state: 'evaluated' }),
  kase('c13', { source: 'video', urgency: 'urgent', gridId: 'g3', lead: 'police', createdAt: t('08:55'), registeredAt: t('08:55'), onSceneAt: t('09:10'), handledAt: t('09:55'), closedAt: t('09:55'), state: 'closed' }),
  kase('c14', { source: 'video', urgency: 'urgent', gridId: 'g2', lead: 'police', createdAt: t('23:50'), registeredAt: t('23:50'), dispatchedAt: t('23:51'), state: 'dispatched' }),
  kase('c15', { source: 'patrol', urgency: 'general', gridId: 'g1', lead: 'urban', createdAt: t('07:00'), registeredAt: t('07:05'), dispatchedAt: t('07:10'), handledAt: t('08:00'), closedAt: t('08:30'), evaluatedAt: t('13:00'), satisfaction: 'basic', resolved: true, state: 'evaluated' }),
  kase('c16', { source: 'hotline12319', urgency: 'general', gridId: 'g2', lead: 'other', createdAt: t('13:00'), registeredAt: t('13:30'), state: 'suspended' }),
  kase('c17', { source: 'walkin', urgency: 'general', lead: 'command', createdAt: t('17:00'), registeredAt: t('17:05'), handledAt: t('17:30'), state: 'handled' }),
  kase('c18', { source: 'video', urgency: 'general', gridId: 'g3', lead: 'urban', createdAt: t('18:00'), registeredAt: t('18:01'), handledAt: t('18:50'), closedAt: t('19:00'), dueAt: t('18:00', '2026-11-21'), reopens: 1, state: 'reopened' }),
  kase('c19', { source: 'nonpolice110', urgency: 'urgent', gridId: 'g1', lead: 'police', createdAt: t('19:00'), registeredAt: t('19:00'), dispatchedAt: t('19:01'), onSceneAt: t('19:14'), handledAt: t('20:30'), state: 'handled' }),
  kase('c20', { source: 'patrol', urgency: 'general', gridId: 'g2', lead: 'urban', createdAt: t('00:00'), registeredAt: t('00:00'), state: 'registered' }),
];

const DAY = beijingDay('2026-11-20')!;
/** The report is made at the end of the day: c14 (urgent, registered 23:50) still has its clocks running. */
const NOW = t('00:00', '2026-11-21');
const ids = (...n: number[]) => n.map((i) => `c${String(i).padStart(2, '0')}`);

describe('Beijing-time periods', () => {
  it('puts 23:59:59.999 in the day and 00:00 in the next, whatever the machine time zone', () => {
    expect(DAY).toEqual({ from: Date.UTC(2026, 10, 19, 16), to: Date.UTC(2026, 10, 20, 16) });
    expect(beijingDay('2026-02-30')).toBeUndefined();
    expect(beijingDay('20261120')).toBeUndefined();
    expect(isoBeijing(Date.UTC(2026, 10, 20, 6, 5))).toBe('2026-11-20T14:05:00+08:00');
  });

  it('splits into Monday weeks and calendar months, clipped to the period', () => {
    // 2026-11-16 is a Monday; a period from Friday 11-20 to Thursday 12-03 touches two weeks.
    const weeks = splitPeriod({ from: t('00:00'), to: t('00:00', '2026-12-03') }, 'week');
    expect(weeks.map((w) => w.label)).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
    expect(weeks[0]!.from).toBe(t('00:00'));
    expect(weeks[1]).toMatchObject({ from: t('00:00', '2026-11-23'), to: t('00:00', '2026-11-30') });
    expect(weeks[2]!.to).toBe(t('00:00', '2026-12-03'));
    const months = splitPeriod({ from: t('00:00'), to: t('00:00', '2026-12-05') }, 'month');
    expect(months).toEqual([
      { label: '2026-11', from: t('00:00'), to: t('00:00', '2026-12-01') },
      { label: '2026-12', from: t('00:00', '2026-12-01'), to: t('00:00', '2026-12-05') },
    ]);
  });
});

describe('S-5 figures for 2026-11-20', () => {
  const k = computeKpis(CASES, DAY, NOW, RULES);

  it('先行发现率: patrol/video ÷ counted cases reported in the day', () => {
    // Reported in the day, counted: c01-c08, c13-c20 = 16 (c09 is 00:00 next day, c12 the day before, c10
    // rejected, c11 a duplicate). Patrol/video among them: c01 c02 c03 c04 c07 c08 c13 c14 c15 c18 c20 = 11.
    expect(k.proactiveDiscovery).toMatchObject({ numerator: 11, denominator: 16, rate: 11 / 16, target: 0.85, met: false });
    expect(k.proactiveDiscovery.denominatorIds.sort()).toEqual(ids(1, 2, 3, 4, 5, 6, 7, 8, 13, 14, 15, 16, 17, 18, 19, 20));
    expect(k.proactiveDiscovery.numeratorIds.sort()).toEqual(ids(1, 2, 3, 4, 7, 8, 13, 14, 15, 18, 20));
  });

  it('结案率: closed now ÷ registered in the day', () => {
    // Registered in the day: c01-c06, c08, c13-c20 = 15 (c07 never registered). Closed or evaluated now:
    // c01 c02 c03 c04 c06 c13 c15 = 7 (c18 was closed but is reopened).
    expect(k.closure).toMatchObject({ numerator: 7, denominator: 15, rate: 7 / 15, target: 0.97, met: false });
    expect(k.closure.numeratorIds.sort()).toEqual(ids(1, 2, 3, 4, 6, 13, 15));
  });

  it('按时办结率: closed by the deadline ÷ closed in the day with a deadline', () => {
    // Closed in the day with a deadline: c01 (10:00 ≤ due 20:00), c03 (10:55 ≤ reg+1h 11:00), c04 (13:00 > 12:00),
    // c06 (16:00 ≤ 11-22), c12 (09:30 ≤ 12:00), c13 (09:55 = 09:55, on time) = 6; c02 closed next day, c15 has
    // no deadline, c18 is reopened, c11 a duplicate. On time: all but c04 = 5.
    expect(k.onTime).toMatchObject({ numerator: 5, denominator: 6, rate: 5 / 6 });
    expect(k.onTime.denominatorIds.sort()).toEqual(ids(1, 3, 4, 6, 12, 13));
    expect(k.onTime).not.toHaveProperty('target');
    expect(deadlineOf(CASES[2]!, RULES)).toBe(t('11:00'));
    expect(deadlineOf(CASES[14]!, RULES)).toBeNull();
  });

  it('实际解决率 and 群众满意率 over the callbacks of the day', () => {
    // Evaluated in the day: c01 (满意, 解决), c12 (不满意, 未解决), c15 (基本满意, 解决) = 3; c06 was evaluated
    // the next morning. Resolved: c01 c15 = 2. Satisfied or basically satisfied: c01 c15 = 2.
    expect(k.actualResolution).toMatchObject({ numerator: 2, denominator: 3, numeratorIds: ids(1, 15), denominatorIds: ids(1, 12, 15) });
    expect(k.satisfaction).toMatchObject({ numerator: 2, denominator: 3, numeratorIds: ids(1, 15) });
  });

  it('urgent 15-minute arrival and 1-hour result over urgent cases whose outcome is decided', () => {
    // Urgent, registered in the day: c03 c04 c05 c13 c14 c19. c14 (23:50) is undecided at 24:00 for both.
    // Arrival: c03 10 min ✓, c04 20 ✗, c05 never arrived ✗, c13 exactly 15 ✓, c19 14 ✓ → 3/5.
    expect(k.urgentArrival15m).toMatchObject({ numerator: 3, denominator: 5, numeratorIds: ids(3, 13, 19), denominatorIds: ids(3, 4, 5, 13, 19) });
    // Result: c03 50 min ✓, c04 90 ✗, c05 none ✗, c13 exactly 60 ✓, c19 90 ✗ → 2/5.
    expect(k.urgentResult1h).toMatchObject({ numerator: 2, denominator: 5, numeratorIds: ids(3, 13) });
    // An hour later c14 is decided: it missed both.
    const later = computeKpis(CASES, DAY, t('01:00', '2026-11-21'), RULES);
    expect(later.urgentArrival15m).toMatchObject({ numerator: 3, denominator: 6 });
    expect(later.urgentResult1h).toMatchObject({ numerator: 2, denominator: 6 });
  });

  it('网格自行处置率: self-handled ÷ handled in the day', () => {
    // Handled in the day: c01 c02 c03 c04 c06 c12 c13 c15 c17 c18 c19 = 11; self-handled: c01 c02 c12 = 3.
    expect(k.gridSelfHandling).toMatchObject({ numerator: 3, denominator: 11, rate: 3 / 11, numeratorIds: ids(1, 2, 12) });
  });

  it('巡查覆盖率: covered micro grids ÷ all micro grids', () => {
    const grids = ['m1', 'm2', 'm3', 'm4', 'm5'].map((gridId, i) => ({ gridId, covered: i % 2 === 0 }));
    expect(patrolCoverage(grids)).toEqual({ numerator: 3, denominator: 5, rate: 0.6, numeratorIds: ['m1', 'm3', 'm5'], denominatorIds: ['m1', 'm2', 'm3', 'm4', 'm5'] });
  });

  it('gives rate null (and no met) when a denominator is empty', () => {
    const none = computeKpis([], DAY, NOW, RULES);
    for (const r of Object.values(none)) expect(r).toMatchObject({ numerator: 0, denominator: 0, rate: null, numeratorIds: [], denominatorIds: [] });
    expect(none.closure).not.toHaveProperty('met');
    expect(patrolCoverage([]).rate).toBeNull();
  });
});

describe('grouping, trends and rankings', () => {
  it('breaks the figures down by lead department so that the units add up to the whole', () => {
    const byDept = kpisByUnit(CASES, 'department', DAY, NOW, RULES);
    expect(byDept.map((g) => g.key)).toEqual(['-', 'command', 'market', 'other', 'police', 'urban']);
    const closure = Object.fromEntries(byDept.map((g) => [g.key, [g.kpis.closure.numerator, g.kpis.closure.denominator]]));
    // urban: registered c01 c02 c05 c08 c15 c18 c20 (c12 the day before, c11 duplicate), closed c01 c02 c15.
    // police: c03 c04 c13 c14 c19, closed c03 c04 c13. market c06 1/1, other c16 0/1, command c17 0/1, none 0/0.
    expect(closure).toEqual({ '-': [0, 0], command: [0, 1], market: [1, 1], other: [0, 1], police: [3, 5], urban: [3, 7] });
    expect(byDept.find((g) => g.key === 'urban')!.kpis.closure.denominatorIds.sort()).toEqual(ids(1, 2, 5, 8, 15, 18, 20));
  });

  it('groups by grid and by source', () => {
    const byGrid = kpisByUnit(CASES, 'grid', DAY, NOW, RULES);
    expect(byGrid.map((g) => g.key)).toEqual(['-', 'g1', 'g2', 'g3']);
    // g1 reported in the day, counted: c01 c02 c05 c15 c19; patrol among them c01 c02 c15.
    expect(byGrid[1]!.kpis.proactiveDiscovery).toMatchObject({ numerator: 3, denominator: 5, denominatorIds: ids(1, 2, 5, 15, 19) });
    const bySource = kpisByUnit(CASES, 'source', DAY, NOW, RULES);
    expect(bySource.map((g) => [g.key, g.kpis.proactiveDiscovery.denominator])).toEqual([
      ['hotline12319', 1], ['hotline12345', 2], ['nonpolice110', 1], ['patrol', 6], ['qr', 0], ['video', 5], ['walkin', 1],
    ]);
  });

  it('ranks units best first, ties sharing a rank and units without data last', () => {
    const ranking = rankUnits(kpisByUnit(CASES, 'department', DAY, NOW, RULES), 'closure');
    // market 1/1, police 3/5, urban 3/7, command 0/1 and other 0/1 tie, '-' has no registered case.
    expect(ranking.map((r) => [r.rank, r.key])).toEqual([[1, 'market'], [2, 'police'], [3, 'urban'], [4, 'command'], [4, 'other'], [0, '-']]);
  });

  it('draws a per-day trend and per-period buckets', () => {
    const period = { from: t('00:00', '2026-11-19'), to: t('00:00', '2026-11-22') };
    // 11-19: c12 (patrol) 1/1; 11-20: 11/16 as above; 11-21: c09 (patrol, 00:00) 1/1.
    expect(dailyTrend(CASES, 'proactiveDiscovery', period, NOW, RULES)).toEqual([
      { date: '2026-11-19', numerator: 1, denominator: 1, rate: 1 },
      { date: '2026-11-20', numerator: 11, denominator: 16, rate: 11 / 16 },
      { date: '2026-11-21', numerator: 1, denominator: 1, rate: 1 },
    ]);
    const [week] = kpisByPeriod(CASES, 'week', period, NOW, RULES);
    expect(week).toMatchObject({ label: '2026-11-16', from: period.from, to: period.to });
    expect(week!.kpis.proactiveDiscovery).toMatchObject({ numerator: 13, denominator: 18 });
  });
});
