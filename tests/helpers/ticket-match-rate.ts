// The geocoder's match rate on the district simulator's own tickets (S-4.1b): the tickets its ticket maker
// issues with the simulator's default files (site, gazetteer, no held-out doors), each address geocoded as the
// hall does on intake. The maker says which addresses it made deliberately bad (no place of the street), so the
// unmatched ones can be checked against exactly those. Shared by `npm run bench` and its Vitest floor.
import { geocode, type GeocodeResult, type MatchKind } from '../../electron/common/address/geocode.ts';
import type { TicketAddress } from '../../electron/common/address/ticket-addresses.ts';
import { parseDistrictConfig, type DistrictConfig } from '../../electron/district/config.ts';
import { loadResources } from '../../electron/district/resources.ts';
import { makeTicket, ticketSeed, type TicketContext } from '../../electron/district/ticket-maker.ts';
import { demoGazetteer } from './demo-site.ts';

export type Placement = MatchKind | 'unmatched';
export const PLACEMENTS: readonly Placement[] = ['exact', 'fuzzy', 'interpolated', 'landmark', 'unmatched'];

/** One address that did not come out as its maker meant. */
export interface Miss { address: TicketAddress; result: GeocodeResult }

export interface MatchRate {
  count: number;
  byPlacement: Record<Placement, number>;
  /** Addresses the maker made with no place. */
  bad: number;
  /** Of those, geocoded to a place anyway. */
  badPlaced: Miss[];
  /** Addresses with a place that the geocoder could not place. */
  goodUnmatched: Miss[];
  /** Placed, but in another micro grid than the one the address is in. */
  wrongGrid: Miss[];
}

/** `count` tickets of the simulator run with `seed` (serials 1…count, as its feed numbers them). */
export function ticketMatchRate(count: number, seed: number): MatchRate {
  const config = parseDistrictConfig([], {}) as DistrictConfig;
  const { site, gazetteer: data } = loadResources(config);
  const ctx: TicketContext = { site, addresses: { gazetteer: data, heldOut: [] } };
  const gazetteer = demoGazetteer();
  const at = Date.parse('2026-07-12T06:30:00Z');
  const rate: MatchRate = { count, byPlacement: { exact: 0, fuzzy: 0, interpolated: 0, landmark: 0, unmatched: 0 }, bad: 0, badPlaced: [], goodUnmatched: [], wrongGrid: [] };
  for (let serial = 1; serial <= count; serial++) {
    const { address } = makeTicket(ctx, ticketSeed(seed, serial), at, false);
    const r = geocode(gazetteer, address.text);
    rate.byPlacement[r.match]++;
    const miss = { address, result: r };
    if (address.truth === null) {
      rate.bad++;
      if (r.match !== 'unmatched') rate.badPlaced.push(miss);
    } else if (r.match === 'unmatched') {
      rate.goodUnmatched.push(miss);
    } else if (r.gridId !== address.truth.gridId) {
      rate.wrongGrid.push(miss);
    }
  }
  return rate;
}

export const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;

const shown = ({ address, result: r }: Miss) =>
  `${address.text} (${address.form}${address.truth ? `, in ${address.truth.gridId}` : ''}) → ${r.match === 'unmatched' ? `${r.code}: ${r.reason}` : `${r.match} ${r.standardAddress} in ${r.gridId}`}`;

/** The report `npm run bench` prints. */
export function matchRateLines(r: MatchRate): string[] {
  return [
    `geocoder on ${r.count.toLocaleString('en-US')} simulator tickets: ${PLACEMENTS.map((p) => `${p} ${percent(r.byPlacement[p], r.count)}`).join(', ')}`,
    `  placed ${percent(r.count - r.byPlacement.unmatched, r.count)}; deliberately bad ${r.bad} (${percent(r.bad, r.count)}), of them placed anyway ${r.badPlaced.length}; `
      + `good ones unmatched ${r.goodUnmatched.length}; placed in a wrong micro grid ${r.wrongGrid.length}`,
    ...r.badPlaced.map((m) => `  bad but placed: ${shown(m)}`), ...r.goodUnmatched.map((m) => `  good but unmatched: ${shown(m)}`), ...r.wrongGrid.map((m) => `  wrong grid: ${shown(m)}`),
  ];
}
