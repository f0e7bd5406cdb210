// What the wall's typhoon panel says at each instant of a replay: Bebinca 2024 replayed minute by minute over the
// demo street's centre (from its site file) brings gale (七级风) to the street before its landfall at 临港; the
// figures follow the replay clock; the file import tells the two formats apart and refuses anything else.
import { describe, expect, it } from 'vitest';
import { typhoonId } from '../../electron/common/typhoon/stored-typhoon.ts';
import { MAX_STORMS_PER_FILE, parseTyphoonFile, stormName } from '../../electron/common/typhoon/typhoon-import.ts';
import { inGaleAt, latestForecasts, replaySpan, typhoonSituation } from '../../electron/common/typhoon/typhoon-situation.ts';
import { DEMO_SITE } from '../helpers/demo-site.ts';
import { beijing, cmaStorm, CMA_DIR, jsonStorm, JSON_DIR, readText, showBeijing } from '../helpers/typhoon-data.ts';
import { join } from 'node:path';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const street = DEMO_SITE.site.centre!;

describe('replaying Bebinca 2024 over the demo street', () => {
  const bebinca = jsonStorm('202413');
  const landfall = bebinca.landfalls.find((l) => l.place.includes('临港'))!;
  const { start } = replaySpan(bebinca);

  it('puts the street in gale before the landfall at 临港, at the minute the ETA announced from the start', () => {
    expect(landfall.t).toBe(beijing('2024-09-16 07:30'));
    const announced = typhoonSituation(bebinca, street, start).gale.entersAt!;
    let first: number | null = null;
    for (let t = start; t <= landfall.t && first === null; t += MINUTE) if (inGaleAt(bebinca, street, t)) first = t;
    const margin = (landfall.t - first!) / HOUR;
    console.info(`Bebinca 2024 replayed over ${DEMO_SITE.site.name} (${street.lon}°E ${street.lat}°N): gale ${showBeijing(first!)} Beijing time, ${margin.toFixed(1)} h before landfall at 临港 ${showBeijing(landfall.t)}`);
    expect(first).toBe(announced);
    expect(margin).toBeGreaterThan(5);
    expect(typhoonSituation(bebinca, street, first! - MINUTE).inGale).toBe(false);
  });

  it('counts down as the replay runs: distance shrinks, the ETA stays put until the street is in gale', () => {
    const at = (text: string) => typhoonSituation(bebinca, street, beijing(text));
    const [a, b, c] = [at('2024-09-15 12:00'), at('2024-09-15 20:00'), at('2024-09-16 03:00')];
    expect(a.distanceKm!).toBeGreaterThan(b.distanceKm!);
    expect(b.distanceKm!).toBeGreaterThan(c.distanceKm!);
    expect(a.gale.entersAt).toBe(b.gale.entersAt);
    expect([a.inGale, b.inGale, c.inGale]).toEqual([false, false, true]);
    expect(c.gale.entersAt, 'already inside: now').toBe(c.at);
    expect(a.state!.category).not.toBe('BelowTD');
  });

  it('says nothing of a storm not there yet or gone', () => {
    expect(typhoonSituation(bebinca, street, start - HOUR)).toMatchObject({ state: null, distanceKm: null, inGale: null });
    const after = typhoonSituation(bebinca, street, bebinca.fixes.at(-1)!.t + HOUR);
    expect(after).toMatchObject({ state: null, distanceKm: null });
  });

  it('replays to the end of the latest forecast', () => {
    const forecasts = latestForecasts(bebinca);
    expect(forecasts.length).toBeGreaterThan(0);
    expect(replaySpan(bebinca).end).toBe(Math.max(...forecasts.map((f) => f.points.at(-1)!.t)));
    const best = cmaStorm('2024_bebinca');
    expect(replaySpan(best)).toEqual({ start: best.fixes[0]!.t, end: best.fixes.at(-1)!.t });
  });
});

describe('a typhoon file', () => {
  it('is read as the operational JSON or the CMA best track by its first character, BOM or not', () => {
    const json = parseTyphoonFile(readText(join(JSON_DIR, '202413.json')));
    const cma = parseTyphoonFile(readText(join(CMA_DIR, '2024_bebinca.txt')));
    if (!json.ok || !cma.ok) throw new Error('refused');
    expect(json.tracks.map((t) => [typhoonId(t), stormName(t)])).toEqual([['wztf-json:2413', '贝碧嘉 Bebinca']]);
    expect(cma.tracks.map(typhoonId)).toEqual(['cma-bst:2413']);
    expect(parseTyphoonFile(`\n\n${readText(join(CMA_DIR, '2024_bebinca.txt'))}`).ok).toBe(true);
  });

  it('is refused when it is neither, empty, or holds too many storms', () => {
    expect(parseTyphoonFile('  \n')).toEqual({ ok: false, error: expect.stringMatching(/empty/) });
    expect(parseTyphoonFile('<alert/>')).toEqual({ ok: false, error: expect.stringMatching(/neither/) });
    const one = readText(join(CMA_DIR, '2024_bebinca.txt')).trim();
    const many = Array.from({ length: MAX_STORMS_PER_FILE + 1 }, () => one).join('\n');
    expect(parseTyphoonFile(many)).toEqual({ ok: false, error: `${MAX_STORMS_PER_FILE + 1} storms in one file: at most ${MAX_STORMS_PER_FILE}` });
  });

  it('gives an unnumbered storm an id from its name and first fix', () => {
    const track = { ...cmaStorm('2024_bebinca'), cmaNumber: null, internationalNumber: null, nameEn: 'No Name' };
    expect(typhoonId(track)).toBe(`cma-bst:No_Name@${track.fixes[0]!.t}`);
  });
});
