// When tickets arrive: a Poisson process whose rate follows the load profile's weekday and hour shape (Beijing
// time), times the storm's surge when a storm is on. Pure: the rate is piecewise constant by the hour, and the
// next arrival is drawn by walking the hours until an exponential draw of the integrated rate is used up.
import { HOUR, dayOf, dayStart, weekdayOf } from '../common/domain/beijing-time.ts';
import type { Rng } from '../common/prng.ts';
import { stormFactor, type TicketLoadProfile } from './load-profile.ts';

/** Share of an ordinary day's tickets in categories a storm multiplies (积水, 倒树, 窨井, 广告牌 …). */
export const WEATHER_SHARE = 0.23;

export interface TicketShape {
  /** Tickets on an average ordinary day. */
  perDay: number;
  hourShare: readonly number[];
  weekday: readonly number[];
  /** Extra tickets in a storm, as a multiple of the ordinary load (the weather share times the record's surge). */
  stormSurge: number;
}

export function ticketShape(profile: TicketLoadProfile, perDay: number): TicketShape {
  return {
    perDay,
    hourShare: profile.hourOfDay.share,
    weekday: profile.dayOfWeek.multiplier,
    stormSurge: WEATHER_SHARE * (stormFactor(profile) - 1),
  };
}

/** Ordinary tickets per millisecond at instant t (storm surge left out). */
export function ordinaryRate(shape: TicketShape, t: number): number {
  const day = dayOf(t);
  const hour = Math.floor((t - dayStart(day)) / HOUR);
  return (shape.perDay * shape.weekday[weekdayOf(day)]! * shape.hourShare[hour]!) / HOUR;
}

/** Tickets per millisecond at instant t. */
export function rateAt(shape: TicketShape, t: number, storm: boolean): number {
  return ordinaryRate(shape, t) * (storm ? 1 + shape.stormSurge : 1);
}

/** Of the tickets arriving in a storm, the share that is the storm's own. */
export const surgeShare = (shape: TicketShape) => shape.stormSurge / (1 + shape.stormSurge);

/** The instant of the next arrival after `from`, or null when the rate is zero throughout (no tickets). */
export function nextArrival(shape: TicketShape, from: number, storm: boolean, rng: Rng): number | null {
  if (shape.perDay <= 0) return null;
  let need = -Math.log(1 - rng.next());
  let t = from;
  // A week of zero rate (a profile with empty hours) would mean none ever: stop looking then.
  for (let steps = 0; steps < 24 * 8; steps++) {
    // Beijing hours start on UTC hours (the offset is whole hours).
    const hourEnd = (Math.floor(t / HOUR) + 1) * HOUR;
    const rate = rateAt(shape, t, storm);
    const have = rate * (hourEnd - t);
    if (have >= need) return t + need / rate;
    need -= have;
    t = hourEnd;
  }
  return null;
}
