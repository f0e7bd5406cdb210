// The simulator's view of the shipped load profile (derived by electron/hall/demo/load-profile-derivation.ts, whose
// own test holds it to the reference data): its shapes and its storm tail.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TicketLoadProfile, stormFactor } from '../../electron/district/load-profile.ts';

const committed = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../resources/demo-street/load-profile.json'), 'utf8')) as Record<string, unknown>;

describe('the load profile', () => {
  it('has a storm tail: storm days bring about fourteen ordinary days\' flooding complaints', () => {
    const profile = TicketLoadProfile.parse(committed);
    expect(stormFactor(profile)).toBeGreaterThan(10);
    expect(stormFactor(profile)).toBeLessThan(20);
  });

  it('is refused when its shapes do not hold', () => {
    const profile = TicketLoadProfile.parse(committed);
    const bad = (patch: object) => TicketLoadProfile.safeParse({ ...profile, ...patch }).success;
    expect(bad({ hourOfDay: { share: Array(24).fill(0.05) } })).toBe(false);
    expect(bad({ dayOfWeek: { multiplier: Array(7).fill(2) } })).toBe(false);
    expect(bad({ dailyVolume: { ...profile.dailyVolume, quantiles: [[0, 1], [1, 0]] } })).toBe(false);
    expect(bad({ dailyVolume: { ...profile.dailyVolume, storm: { quantile: 1 } } })).toBe(false);
  });
});
