// The load profile that shapes ticket timing (resources/demo-street/load-profile.json), derived from real
// reference data by the hall's electron/hall/demo/load-profile-derivation.ts. Only the parts the simulator uses are read (other fields of the
// file are ignored):
//   hourOfDay.share       share of a day's calls in each hour, hour 0 first (SF fire calls)
//   dayOfWeek.multiplier  each weekday's volume over the mean day, Sunday first (NYC 311 street flooding)
//   dailyVolume           each day's volume over the mean day as quantiles, storm days above storm.quantile
import { z } from 'zod';

const share = z.number().min(0).max(1);
/** Ascending [quantile, value] pairs from quantile 0 to quantile 1. */
export const QuantileTable = z
  .array(z.tuple([share, z.number().min(0)]))
  .min(2)
  .refine((t) => t[0]![0] === 0 && t.at(-1)![0] === 1, 'a quantile table runs from 0 to 1')
  .refine((t) => t.every(([q, v], i) => i === 0 || (q > t[i - 1]![0] && v >= t[i - 1]![1])), 'quantiles and values must ascend');
export type QuantileTable = z.infer<typeof QuantileTable>;

export const TicketLoadProfile = z.object({
  hourOfDay: z.object({
    share: z.array(share).length(24).refine((s) => Math.abs(s.reduce((a, b) => a + b, 0) - 1) < 1e-3, 'hour shares must sum to 1'),
  }),
  dayOfWeek: z.object({
    multiplier: z.array(z.number().positive()).length(7).refine((m) => Math.abs(m.reduce((a, b) => a + b, 0) / 7 - 1) < 1e-2, 'weekday multipliers must average 1'),
  }),
  dailyVolume: z.object({
    quantiles: QuantileTable,
    storm: z.object({ quantile: share.refine((q) => q > 0 && q < 1, 'between 0 and 1') }).loose(),
  }),
});
export type TicketLoadProfile = z.infer<typeof TicketLoadProfile>;

/** Mean of the table's values between two quantiles (the area under the quantile function over the width). */
function meanBetween(table: QuantileTable, from: number, to: number): number {
  let area = 0;
  for (let i = 1; i < table.length; i++) {
    const [q0, v0] = table[i - 1]!;
    const [q1, v1] = table[i]!;
    const a = Math.max(q0, from);
    const b = Math.min(q1, to);
    if (b <= a) continue;
    const at = (q: number) => v0 + ((v1 - v0) * (q - q0)) / (q1 - q0);
    area += ((at(a) + at(b)) / 2) * (b - a);
  }
  return area / (to - from);
}

/** How many times an ordinary day's volume a storm day brings, in the record the profile was derived from. */
export function stormFactor(profile: TicketLoadProfile): number {
  const { quantiles, storm } = profile.dailyVolume;
  const ordinary = meanBetween(quantiles, 0, storm.quantile);
  if (ordinary <= 0) throw new Error('the load profile has no volume on ordinary days');
  return meanBetween(quantiles, storm.quantile, 1) / ordinary;
}
