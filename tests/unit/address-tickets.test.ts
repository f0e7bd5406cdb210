// The geocoder on 2,000 addresses as 12345 callers give them (S-4.1b): how many of the placeable ones land in
// the right micro grid, how many in a wrong one, and that none of the unknown ones is taken for an exact match.
// The figures are printed for the report.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../electron/common/address/gazetteer.ts';
import { geocode, type GeocodeResult } from '../../electron/common/address/geocode.ts';
import { pointInRing } from '../../electron/common/geo/ring.ts';
import { generateDemoLayers, loadDemoAddresses } from '../../electron/hall/demo/demo-layers.ts';
import { loadDemoGrids } from '../../electron/hall/demo/demo-street.ts';
import { ticketAddresses, type TicketForm } from '../../electron/common/address/ticket-addresses.ts';

const RESOURCES = resolve(import.meta.dirname, '../../resources');
const micro = loadDemoGrids(RESOURCES).features.filter((g) => g.properties.level === 'micro')
  .map((g) => ({ id: g.properties.id, ring: g.geometry.coordinates[0]! }));
const ringOf = new Map(micro.map((g) => [g.id, g.ring]));
const addresses = generateDemoLayers().addresses;
const TICKETS = 2000;
const tickets = ticketAddresses(addresses, TICKETS, 12345);

describe('ticket addresses', () => {
  it('are seeded, cover every form, and know where the placeable ones are', () => {
    expect(ticketAddresses(addresses, 50, 12345)).toEqual(tickets.slice(0, 50));
    expect(ticketAddresses(addresses, 50, 7).map((t) => t.text)).not.toEqual(tickets.slice(0, 50).map((t) => t.text));
    const forms = new Set(tickets.map((t) => t.form));
    expect(forms.size).toBe(20);
    for (const { text, truth } of tickets) {
      expect(text.length).toBeGreaterThan(1);
      if (truth) expect(pointInRing(truth.point, ringOf.get(truth.gridId)!, 0.5), text).not.toBe('outside');
    }
    const unknown = tickets.filter((t) => t.truth === null).length / TICKETS;
    expect(unknown).toBeGreaterThan(0.05);
    expect(unknown).toBeLessThan(0.15);
  });
});

describe('geocoding 2,000 tickets', () => {
  it('places at least 95 % of the placeable ones in the right micro grid, under 2 % in a wrong one, and no unknown one exactly', () => {
    const started = performance.now();
    const gazetteer = buildGazetteer(loadDemoAddresses(RESOURCES), micro);
    const buildMs = performance.now() - started;
    let t0 = performance.now();
    const results: GeocodeResult[] = tickets.map((t) => geocode(gazetteer, t.text));
    const coldMs = (performance.now() - t0) / TICKETS;
    // Timed again once the code is warm, as it is in a running hall.
    t0 = performance.now();
    for (const t of tickets) geocode(gazetteer, t.text);
    const perGeocodeMs = (performance.now() - t0) / TICKETS;

    const byForm = new Map<TicketForm, { n: number; right: number; wrong: number; unmatched: number }>();
    const kinds: Record<string, number> = {};
    let [placeable, right, wrong, unknown, unknownPlaced, unknownExact] = [0, 0, 0, 0, 0, 0];
    const misses: string[] = [];
    tickets.forEach(({ text, form, truth }, i) => {
      const r = results[i]!;
      kinds[r.match] = (kinds[r.match] ?? 0) + 1;
      const row = byForm.get(form) ?? { n: 0, right: 0, wrong: 0, unmatched: 0 };
      byForm.set(form, row);
      row.n++;
      if (r.match === 'unmatched') row.unmatched++;
      else if (truth && r.gridId === truth.gridId) row.right++;
      else row.wrong++;
      if (truth) {
        placeable++;
        if (r.match !== 'unmatched' && r.gridId === truth.gridId) right++;
        else if (r.match !== 'unmatched') wrong++;
        if (r.match === 'unmatched' || r.gridId !== truth.gridId) misses.push(`${text} → ${r.match} ${r.gridId ?? r.reason} (in ${truth.gridId})`);
      } else {
        unknown++;
        if (r.match !== 'unmatched') {
          unknownPlaced++;
          misses.push(`${text} (unknown) → ${r.match} ${r.standardAddress}`);
        }
        if (r.match === 'exact') unknownExact++;
      }
    });
    const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;
    console.log([
      `gazetteer built in ${buildMs.toFixed(0)} ms; ${perGeocodeMs.toFixed(3)} ms per geocode (${coldMs.toFixed(3)} ms on the first pass)`,
      `placeable ${placeable}: right grid ${right} (${pct(right, placeable)}), wrong grid ${wrong} (${pct(wrong, placeable)}), unmatched ${placeable - right - wrong}`,
      `unknown ${unknown}: placed ${unknownPlaced} (${pct(unknownPlaced, unknown)}), as exact ${unknownExact}`,
      `by kind: ${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}`,
      'by form (n / right / wrong / unmatched):',
      ...[...byForm].sort((a, b) => b[1].n - a[1].n).map(([form, r]) => `  ${form.padEnd(17)} ${r.n} / ${r.right} / ${r.wrong} / ${r.unmatched}`),
      'misses:', ...misses.map((m) => `  ${m}`),
    ].join('\n'));

    expect(right / placeable).toBeGreaterThanOrEqual(0.95);
    expect(wrong / placeable).toBeLessThan(0.02);
    expect(unknownExact).toBe(0);
    expect(unknownPlaced / unknown).toBeLessThan(0.1);
  });
});
