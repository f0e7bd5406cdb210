// S-3.4 patrol coverage: when a micro grid counts as patrolled (巡查覆盖) on a Beijing day, computed from the
// force tracks. The rule, documented once:
//
// - Whose fixes: every force of kind `patrol` (先行巡查: 责任区民警, 辅警, 网格监督员, 社保队员), whichever grid it
//   is posted to. Seed 004 makes the grids' patrols overlap on purpose (街面网格内的市容保洁、市容协管、治安巡逻…
//   多网合一; police and urban management patrol jointly, 2+X): a grid is patrolled when a patrol is there, not
//   only when its own people are. Who answers for a grid (its own people: the forces posted to it or to its small
//   grid) is shown beside an uncovered grid instead. Enforcement (后期执法) and volunteers do not count: they come to
//   handle cases, and seed 004 keeps 巡查 with the first-line forces.
// - Dwell: the time between two consecutive fixes of a force is split in half, each half credited to the grid of
//   its fix (and to the day and part of the day of that fix). Only plausible intervals count: none longer than
//   MAX_GAP (the terminal was off; the track is thinned to a fix every 5 s), and a fix that would need more
//   than MAX_SPEED from the force's last accepted fix is a jump of the positioning (a teleport) and is dropped
//   (the next fixes are measured from the last good one; after MAX_GAP the track starts afresh). Fixes and the
//   last patrol time count only fixes of plausible intervals: a lone fix (a terminal that reported once, the
//   registry's home position) is no patrol.
// - Covered: a part of the day counts as patrolled when the patrol forces' dwell in the grid adds up to at
//   least MIN_DWELL in it. Parts (S-3.4, seed 004: 白天以市容秩序管理为主，夜间以治安巡逻为主): day is office opening to
//   closing (08:30–17:30) on every calendar day, weekends included (as the duty roster's day shift); night is the
//   rest of the calendar day. A grid is covered on the day when it was patrolled in either part (seed 004:
//   每天有人在岗巡查); the report and the screens also show each part on its own.
import { MINUTE, dayOf, dayStart } from '../domain/beijing-time.ts';
import { DEFAULT_OFFICE_HOURS } from '../domain/office-hours.ts';
import type { GridLocator } from './grid-locator.ts';

export interface CoverageRule {
  minDwellMs: number;
  maxGapMs: number;
  maxSpeedMps: number;
  /** Minutes after Beijing midnight: the day part is [dayFromMin, dayToMin). */
  dayFromMin: number;
  dayToMin: number;
}

export const COVERAGE_RULE: CoverageRule = {
  minDwellMs: 10 * MINUTE,
  maxGapMs: 2 * MINUTE,
  // 108 km/h: no patrol, on foot, bicycle or in a car, goes faster inside a street.
  maxSpeedMps: 30,
  dayFromMin: DEFAULT_OFFICE_HOURS.openMin,
  dayToMin: DEFAULT_OFFICE_HOURS.closeMin,
};

export const DAY_PARTS = ['day', 'night'] as const;
export type DayPart = (typeof DAY_PARTS)[number];

const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/** The day part's hours as people read them: `08:30`–`17:30`. */
export const dayHours = (rule: CoverageRule = COVERAGE_RULE) => ({ from: hhmm(rule.dayFromMin), to: hhmm(rule.dayToMin) });

export function dayPartAt(t: number, rule: CoverageRule = COVERAGE_RULE): DayPart {
  const minute = (t - dayStart(dayOf(t))) / MINUTE;
  return minute >= rule.dayFromMin && minute < rule.dayToMin ? 'day' : 'night';
}

/** One force's plausible time and fixes in one grid, part and Beijing day (a day number, beijing-time.ts). */
export interface DwellDelta {
  day: number;
  gridId: string;
  part: DayPart;
  forceId: string;
  dwellMs: number;
  fixes: number;
  lastAt: number;
}

export interface Fix { id: string; lon: number; lat: number; at: number }

const METRES_PER_DEG = 111_320;
function metresBetween(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const dx = (b.lon - a.lon) * METRES_PER_DEG * Math.cos((a.lat * Math.PI) / 180);
  const dy = (b.lat - a.lat) * METRES_PER_DEG;
  return Math.sqrt(dx * dx + dy * dy);
}

export interface CoverageAccumulator {
  /** A force's last fix before the ones to come (e.g. the track's newest at start): continuity, no credit. */
  resume(fix: Fix): void;
  /** The next fix of a patrol force; each force's fixes must come in time order (older ones are ignored). */
  add(fix: Fix): void;
  /** What was credited since the last drain, one entry per day, grid, part and force. */
  drain(): DwellDelta[];
}

/** Folds patrol fixes into dwell per grid, part of the day and force. */
export function createCoverageAccumulator(locator: GridLocator, rule: CoverageRule = COVERAGE_RULE): CoverageAccumulator {
  /** Each force's last accepted fix (counted: as part of a plausible interval), and the entry it last credited
   *  (consecutive fixes mostly share it). */
  interface Track { lon: number; lat: number; at: number; grid: number; counted: boolean; entry: DwellDelta | null }
  const tracks = new Map<string, Track>();
  let deltas = new Map<string, DwellDelta>();

  const credit = (forceId: string, track: Track, grid: number, at: number, dwellMs: number, fixes: number) => {
    if (grid < 0) return;
    const day = dayOf(at);
    const part = dayPartAt(at, rule);
    let d = track.entry;
    if (!d || d.day !== day || d.part !== part || d.gridId !== locator.ids[grid]) {
      const key = `${day}|${grid}|${part}|${forceId}`;
      d = deltas.get(key) ?? { day, gridId: locator.ids[grid]!, part, forceId, dwellMs: 0, fixes: 0, lastAt: at };
      deltas.set(key, d);
      track.entry = d;
    }
    d.dwellMs += dwellMs;
    d.fixes += fixes;
    if (at > d.lastAt) d.lastAt = at;
  };

  return {
    resume(fix) {
      // Whatever it was worth was credited when it was stored.
      tracks.set(fix.id, { lon: fix.lon, lat: fix.lat, at: fix.at, grid: locator.locate(fix.lon, fix.lat), counted: true, entry: null });
    },
    add(fix) {
      const grid = locator.locate(fix.lon, fix.lat);
      const track = tracks.get(fix.id);
      if (!track) {
        tracks.set(fix.id, { lon: fix.lon, lat: fix.lat, at: fix.at, grid, counted: false, entry: null });
        return;
      }
      if (fix.at <= track.at) return;
      const dt = fix.at - track.at;
      // A lone fix (the first, or the first after a gap) is no patrol yet: it counts with the interval after it.
      if (dt <= rule.maxGapMs) {
        if (metresBetween(track, fix) > (rule.maxSpeedMps * dt) / 1000) return;
        const half = Math.floor(dt / 2);
        credit(fix.id, track, track.grid, track.at, half, track.counted ? 0 : 1);
        credit(fix.id, track, grid, fix.at, dt - half, 1);
      }
      track.lon = fix.lon;
      track.lat = fix.lat;
      track.at = fix.at;
      track.grid = grid;
      track.counted = dt <= rule.maxGapMs;
    },
    drain() {
      const out = [...deltas.values()];
      deltas = new Map();
      for (const track of tracks.values()) track.entry = null;
      return out;
    },
  };
}
