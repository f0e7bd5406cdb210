import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../electron/common/domain/beijing-time.ts';
import { newCase } from '../../electron/common/domain/case-intake.ts';
import type { CaseSource, CaseView } from '../../electron/common/domain/case-model.ts';
import { copyToLeader, duplicateCandidates, persistentProblems } from '../../electron/common/domain/duplicates.ts';

const T0 = Date.UTC(2026, 10, 23, 2, 0);
const HERE = { lon: 121.23, lat: 31.0 };
const north = (m: number) => ({ lon: HERE.lon, lat: HERE.lat + m / 111_195 });

let no = 0;
function report(at: number, metres: number | null, extra: Partial<CaseView> = {}, source: CaseSource = 'hotline12345'): CaseView {
  no += 1;
  const view = newCase(
    {
      title: '占道经营', description: '', source, urgency: 'general', category: '街面秩序', address: '', gridId: 'M-001',
      ...(metres === null ? {} : { location: north(metres) }),
    },
    { id: `c${no}`, no, at, seat: null },
  );
  return { ...view, state: 'registered', ...extra };
}

describe('duplicateCandidates (50 m, 24 h, same category)', () => {
  const fresh = report(T0, 0);

  it('finds open cases of the same category nearby and recent, nearest first', () => {
    const near = report(T0 - HOUR, 30);
    const nearer = report(T0 - 2 * HOUR, 10);
    const found = duplicateCandidates(fresh, [near, nearer, fresh]);
    expect(found.map((f) => f.original.id)).toEqual([nearer.id, near.id]);
    expect(found[0]!.distanceM).toBeCloseTo(10, 1);
    expect(found[0]!.apartMs).toBe(2 * HOUR);
  });

  it('respects the radius and the window at their edges', () => {
    const at50 = report(T0 - HOUR, 49.999);
    const at51 = report(T0 - HOUR, 50.01);
    const day = report(T0 - DAY, 0);
    const dayAndMs = report(T0 - DAY - 1, 0);
    const later = report(T0 + DAY, 0);
    expect(duplicateCandidates(fresh, [at50, at51, day, dayAndMs, later]).map((f) => f.original.id)).toEqual([day.id, later.id, at50.id]);
  });

  it('ignores other categories, finished cases and cases already merged', () => {
    const others = [
      report(T0, 0, { category: '市容环境' }), report(T0, 0, { state: 'rejected' }), report(T0, 0, { state: 'closed' }),
      report(T0, 0, { state: 'evaluated' }), report(T0, 0, { duplicateOf: 'c0' }),
    ];
    expect(duplicateCandidates(fresh, others)).toEqual([]);
  });

  it('matches by grid when a location is missing, after the located matches', () => {
    const unplaced = report(T0 - HOUR, null);
    const located = report(T0 - 3 * HOUR, 20);
    const otherGrid = report(T0 - HOUR, null, { gridId: 'M-002' });
    expect(duplicateCandidates(fresh, [unplaced, located, otherGrid]).map((f) => [f.original.id, f.distanceM === null])).toEqual([
      [located.id, false], [unplaced.id, true],
    ]);
    const { gridId: _grid, ...nowhere } = report(T0, null);
    expect(duplicateCandidates(nowhere, [unplaced])).toEqual([]);
  });

  it('takes other thresholds; ties go to the closer time, then the older case', () => {
    const a = report(T0 - 2 * HOUR, 100);
    const b = report(T0 - HOUR, 100);
    const c = report(T0 + HOUR, 100);
    expect(duplicateCandidates(fresh, [a, b, c], { radiusM: 200, windowMs: 3 * HOUR }).map((f) => f.original.id)).toEqual([b.id, c.id, a.id]);
  });
});

describe('persistent problems (顽症) and copying to the leader (抄报)', () => {
  const options = { now: T0, windowMs: 30 * DAY, minCount: 3 };

  it('flags a category that occurred 3 times in one grid within 30 days, with its history', () => {
    const history = [report(T0 - 20 * DAY, 0), report(T0 - 10 * DAY, 200), report(T0 - DAY, 400)];
    const [cluster, ...rest] = persistentProblems([history[2]!, history[0]!, history[1]!], options);
    expect(rest).toEqual([]);
    expect(cluster).toMatchObject({
      gridId: 'M-001', category: '街面秩序', occurrences: 3, hotlineComplaints: 3, firstAt: T0 - 20 * DAY, lastAt: T0 - DAY,
    });
    expect(cluster!.cases.map((c) => c.id)).toEqual(history.map((c) => c.id));
  });

  it('needs the minimum count, within the window (both ends included), of real occurrences', () => {
    const edge = [report(T0 - 30 * DAY, 0), report(T0 - DAY, 0), report(T0, 0)];
    expect(persistentProblems(edge, options)).toHaveLength(1);
    const outside = [report(T0 - 30 * DAY - 1, 0), report(T0 - DAY, 0), report(T0, 0)];
    expect(persistentProblems(outside, options)).toEqual([]);
    const future = [report(T0 + 1, 0), report(T0 - DAY, 0), report(T0, 0)];
    expect(persistentProblems(future, options)).toEqual([]);
    const merged = [report(T0 - 2 * DAY, 0), report(T0 - DAY, 0), report(T0, 0, { duplicateOf: 'c1' })];
    expect(persistentProblems(merged, options)).toEqual([]);
    const rejected = [report(T0 - 2 * DAY, 0), report(T0 - DAY, 0), report(T0, 0, { state: 'rejected' })];
    expect(persistentProblems(rejected, options)).toEqual([]);
  });

  it('keeps grids and categories apart, and orders by occurrences', () => {
    const cases = [
      ...[1, 2, 3].map((d) => report(T0 - d * DAY, 0, { gridId: 'M-002' })),
      ...[1, 2, 3, 4].map((d) => report(T0 - d * DAY, 0)),
      report(T0, 0, { category: '市容环境' }), report(T0, 0, { category: '市容环境', gridId: 'M-002' }),
    ];
    expect(persistentProblems(cases, options).map((c) => [c.gridId, c.category, c.occurrences])).toEqual([
      ['M-001', '街面秩序', 4], ['M-002', '街面秩序', 3],
    ]);
  });

  it('with a radius, splits a grid into spots (chained within the radius)', () => {
    const corner = [report(T0 - 3 * DAY, 0), report(T0 - 2 * DAY, 40), report(T0 - DAY, 80)];
    const farAway = [report(T0 - 3 * DAY, 500), report(T0 - 2 * DAY, 520)];
    const unplaced = [report(T0 - DAY, null)];
    const clusters = persistentProblems([...corner, ...farAway, ...unplaced], { ...options, radiusM: 50 });
    expect(clusters.map((c) => c.cases.map((x) => x.id))).toEqual([corner.map((c) => c.id)]);
    expect(persistentProblems([...corner, ...farAway, ...unplaced], options)[0]!.occurrences).toBe(6);
  });

  it('copies to the leader at 3 hotline complaints, merged duplicates included', () => {
    const cases = [
      report(T0 - 3 * DAY, 0, {}, 'patrol'), report(T0 - 2 * DAY, 0, {}, 'hotline12345'), report(T0 - DAY, 0, {}, 'nonpolice110'),
      report(T0, 0, { duplicateOf: 'cX' }, 'hotline12319'),
    ];
    const [cluster] = persistentProblems(cases, options);
    expect(cluster).toMatchObject({ occurrences: 3, hotlineComplaints: 3 });
    expect(copyToLeader(cluster!)).toEqual({
      copy: true, reason: '网格M-001「街面秩序」问题反复发生，热线重复投诉3次，长效管理机制不健全，抄报分管领导',
    });
    const [fewer] = persistentProblems(cases.slice(0, 3), options);
    expect(copyToLeader(fewer!)).toEqual({ copy: false, reason: '热线投诉2次，未达抄报标准（3次）' });
    expect(copyToLeader(fewer!, { minHotlineComplaints: 2 }).copy).toBe(true);
  });
});
