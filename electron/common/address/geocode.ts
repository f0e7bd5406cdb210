// Offline geocoding of a ticket's address against the street's gazetteer (S-4.1b). After normalisation the
// text is searched for the names the gazetteer knows (longest first), then placed, most specific first:
//   compound + building (+ unit, room)   乐都苑5号楼3单元502室, 荣乐东路188弄5号
//   road + number                        荣乐东路88号: the door plate, or interpolated between the nearest known
//                                        numbers on the same side; beyond the last known one it extrapolates at
//                                        most EXTRAPOLATE_NUMBERS numbers and EXTRAPOLATE_M metres, else refuses
//   landmark                             中山小学门口, 玉树路联华超市
//   junction                             荣乐东路人民北路路口
// and when no name is there verbatim, by the closest name within an edit distance (1 for names of 3–5
// characters, 2 for longer ones; never a direction character). What cannot be placed says why.
import { distanceM, type LonLat } from '../geo/projection.ts';
import { junctionKey, type Gazetteer, type IndexedCompound, type IndexedLandmark, type IndexedRoad, type NamedThing, type Place } from './gazetteer.ts';
import { nameDistance } from './name-distance.ts';
import { normaliseAddress, normaliseName } from './normalise.ts';

export type MatchKind = 'exact' | 'fuzzy' | 'interpolated' | 'landmark';

export const UNMATCHED_CODES = ['not-text', 'too-long', 'empty', 'unknown-place', 'outside-street', 'no-number', 'beyond-range', 'ambiguous', 'no-junction'] as const;
export type UnmatchedCode = (typeof UNMATCHED_CODES)[number];

export type GeocodeResult =
  | { match: MatchKind; point: { lon: number; lat: number }; gridId: string; standardAddress: string; score: number; reason: string }
  | { match: 'unmatched'; code: UnmatchedCode; point: null; gridId: null; standardAddress: null; score: 0; reason: string };

/** As long as a case's address may be (CaseDraft.address). */
export const MAX_ADDRESS_LENGTH = 200;
export const EXTRAPOLATE_NUMBERS = 6;
export const EXTRAPOLATE_M = 60;

/** How much a placement is trusted relative to a door plate found by its exact name. */
const SCORE = { landmark: 0.9, unitMissing: 0.9, between: 0.8, beyond: 0.6, buildingMissing: 0.5 };

interface Token {
  n: number;
  mark: string;
}

type Closest = { thing: NamedThing; score: number } | { ambiguous: string[] };

interface Hit {
  start: number;
  end: number;
  thing: NamedThing;
}

export function geocode(g: Gazetteer, text: unknown): GeocodeResult {
  if (typeof text !== 'string') return unmatched('not-text', `the address is a ${text === null ? 'null' : typeof text}, not text`);
  if (text.length > MAX_ADDRESS_LENGTH) return unmatched('too-long', `the address has ${text.length} characters, at most ${MAX_ADDRESS_LENGTH} are read`);
  const norm = normaliseAddress(text, g.prefixes);
  if (norm === '') return unmatched('empty', 'no address: nothing is left without spaces, punctuation and control characters');

  const hits = verbatimHits(g, norm);
  const ofKind = <K extends NamedThing['kind']>(kind: K) => hits.filter((h): h is Hit & { thing: Extract<NamedThing, { kind: K }> } => h.thing.kind === kind);
  const compound = ofKind('compound')[0];
  if (compound) return placeInCompound(compound.thing.compound, tokens(norm.slice(compound.end)), 1);
  const roads = ofKind('road');
  const landmark = ofKind('landmark')[0];
  // The road a number belongs to is the last one named before it (荣乐东路近人民北路88号).
  const firstDigit = norm.search(/\d/);
  const road = (firstDigit < 0 ? undefined : roads.filter((h) => h.start < firstDigit).at(-1)) ?? roads[0];
  if (road) {
    const after = norm.slice(road.end);
    // 荣乐东路乐都园5号楼: a misspelt compound between the road and the numbers.
    const between = after.match(/^\D{2,}/)?.[0];
    const named = between && !landmark ? closestName(g, between, ['compound', 'landmark']) : null;
    if (named && 'thing' in named) return placeNamed(g, named.thing, tokens(after.slice(between!.length)), named.score, road.thing.road);
    const numbers = tokens(after);
    if (numbers.length > 0) return placeOnRoad(g, road.thing.road, numbers, 1);
    if (landmark) return placeLandmark(landmark.thing.name, landmark.thing.landmarks, 1, road.thing.road);
    const other = roads.find((h) => h.thing.road !== road.thing.road);
    if (other) return placeJunction(g, road.thing.road, other.thing.road);
    return unmatched('no-number', `${road.thing.name} is named without a number, so it cannot be placed along the road`);
  }
  if (landmark) return placeLandmark(landmark.thing.name, landmark.thing.landmarks, 1, null);
  const outside = ofKind('outside')[0];
  if (outside) return unmatched('outside-street', `${outside.thing.name} is not a road of ${g.street}`);

  // The name ends where the address's numbers start: digits followed by 号, 弄 … (not the 1 of 玉树1村).
  const head = norm.match(/^.*?(?=\d+(?:支弄|弄|号|幢|单元|室|楼|-|$))/)?.[0] ?? norm;
  const named = closestName(g, head, ['road', 'compound', 'landmark', 'outside']);
  if (named === null) return unmatched('unknown-place', `no road, compound or landmark of ${g.street} is named in “${norm}”`);
  if ('ambiguous' in named) return unmatched('ambiguous', `“${head}” is as close to ${named.ambiguous.join(' as to ')}`);
  return placeNamed(g, named.thing, tokens(norm.slice(head.length)), named.score, null);
}

function placeNamed(g: Gazetteer, thing: NamedThing, numbers: Token[], nameScore: number, road: IndexedRoad | null): GeocodeResult {
  switch (thing.kind) {
    case 'compound': return placeInCompound(thing.compound, numbers, nameScore);
    case 'landmark': return placeLandmark(thing.name, thing.landmarks, nameScore, road);
    case 'outside': return unmatched('outside-street', `${thing.name} is not a road of ${g.street}`);
    case 'road':
      return numbers.length > 0
        ? placeOnRoad(g, thing.road, numbers, nameScore)
        : unmatched('no-number', `${thing.name} is named without a number, so it cannot be placed along the road`);
  }
}

/** Every gazetteer name in the text, leftmost first, the longest where several start at one place. */
function verbatimHits(g: Gazetteer, text: string): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < text.length; ) {
    const length = g.nameLengths.find((l) => i + l <= text.length && g.names.has(text.slice(i, i + l)));
    if (length === undefined) i++;
    else {
      hits.push({ start: i, end: i + length, thing: g.names.get(text.slice(i, i + length))! });
      i += length;
    }
  }
  return hits;
}

/**
 * The name closest to the end of `segment` (where a name stands before its numbers), if one is within the edit
 * distance its length allows; two different things equally close make the address ambiguous.
 */
function closestName(g: Gazetteer, segment: string, kinds: ReadonlyArray<NamedThing['kind']>): Closest | null {
  const chars = [...segment];
  let best: Array<{ thing: NamedThing; score: number }> = [];
  for (const name of g.fuzzyNames) {
    const limit = name.length <= 2 ? 0 : name.length <= 5 ? 1 : 2;
    if (limit === 0 || !kinds.includes(name.thing.kind)) continue;
    if (chars.filter((c) => name.chars.has(c)).length < name.length - limit) continue;
    let distance = limit + 1;
    // A window shorter than the name (a character left out) only as the whole segment: after other text, 荣乐路
    // would otherwise read as 乐路, one character from 乐都路.
    for (let l = Math.max(1, name.length - limit); l <= Math.min(chars.length, name.length + limit); l++) {
      if (l < name.length && l < chars.length) continue;
      distance = Math.min(distance, nameDistance(chars.slice(chars.length - l).join(''), name.key, limit));
    }
    if (distance > limit) continue;
    const score = Math.round((1 - distance / name.length) * 100) / 100;
    if (best.length === 0 || score > best[0]!.score) best = [{ thing: name.thing, score }];
    else if (score === best[0]!.score && !best.some((b) => sameThing(b.thing, name.thing))) best.push({ thing: name.thing, score });
  }
  if (best.length > 1) return { ambiguous: best.map((b) => b.thing.name) };
  return best[0] ?? null;
}

const sameThing = (a: NamedThing, b: NamedThing) => a.kind === b.kind && a.name === b.name;

/** Numbers with the word after each (号, 弄, 幢, 单元, 室 …, '-' in 5-302); words between them are skipped. */
function tokens(text: string): Token[] {
  return [...text.matchAll(/(\d+)(支弄|弄|号|幢|单元|室|楼|-)?/g)].map((m) => ({ n: Number(m[1]), mark: m[2] ?? '' }));
}

function placeOnRoad(g: Gazetteer, road: IndexedRoad, numbers: Token[], nameScore: number): GeocodeResult {
  const [main, ...rest] = numbers as [Token, ...Token[]];
  const known = road.byNo.get(main.n);
  if (known?.compound) return placeInCompound(known.compound, rest, nameScore);
  const room = rest.find((t) => t.mark === '室');
  const standard = `${road.name}${main.n}号${room ? `${room.n}室` : ''}`;
  if (known) return matched(nameScore === 1 ? 'exact' : 'fuzzy', known.place, standard, nameScore, nameScore === 1 ? 'door plate' : `door plate, road name read as ${road.name}`);
  return interpolate(g, road, main.n, standard, nameScore);
}

function interpolate(g: Gazetteer, road: IndexedRoad, no: number, standard: string, nameScore: number): GeocodeResult {
  const side = road.sides[no % 2]!;
  const parity = no % 2 === 1 ? 'odd' : 'even';
  const range = side.length > 0 ? `${side[0]!.no}–${side[side.length - 1]!.no}` : 'none';
  const upper = side.findIndex((n) => n.no > no);
  const [lo, hi] = upper > 0 ? [side[upper - 1]!, side[upper]!] : [undefined, undefined];
  let point: LonLat;
  let score: number;
  let reason: string;
  if (lo && hi) {
    point = lerp(lo.place.point, hi.place.point, (no - lo.no) / (hi.no - lo.no));
    [score, reason] = [SCORE.between, `not in the gazetteer: interpolated between ${road.name}${lo.no}号 and ${hi.no}号`];
  } else {
    // Beyond the known numbers: a few doors further at the spacing of the last two, or refused.
    const [end, previous] = upper === 0 ? [side[0], side[1]] : [side[side.length - 1], side[side.length - 2]];
    const beyond = end ? Math.abs(no - end.no) : Infinity;
    const spanM = end && previous ? distanceM(previous.place.point, end.place.point) : 0;
    if (!end || !previous || beyond > EXTRAPOLATE_NUMBERS || spanM === 0) {
      return unmatched('beyond-range', `${road.name} has no ${no}号 in ${g.street}: its known ${parity} numbers are ${range}`);
    }
    const aheadM = Math.min(EXTRAPOLATE_M, (beyond * spanM) / Math.abs(end.no - previous.no));
    point = lerp(end.place.point, previous.place.point, -aheadM / spanM);
    [score, reason] = [SCORE.beyond, `not in the gazetteer: extrapolated ${Math.round(aheadM)} m beyond ${road.name}${end.no}号, the last known ${parity} number`];
  }
  const gridId = g.gridAt(point);
  if (gridId === null) return unmatched('outside-street', `${standard} falls outside the micro grids of ${g.street}`);
  return matched('interpolated', { point, gridId }, standard, score * nameScore, reason);
}

function placeInCompound(compound: IndexedCompound, numbers: Token[], nameScore: number): GeocodeResult {
  const { entry } = compound;
  const lane = `${entry.road}${entry.no}弄`;
  const named = `（${entry.name}）`;
  const rest = numbers.filter((t) => t.mark !== '支弄' && !(t.mark === '弄' && t === numbers[0]));
  const building = rest[0] && ['号', '幢', '-', ''].includes(rest[0].mark) ? rest[0] : undefined;
  const exact = nameScore === 1 ? 'exact' : 'fuzzy';
  if (!building) return matched(exact, compound.place, `${lane}${named}`, nameScore, nameScore === 1 ? 'compound' : `compound, name read as ${entry.name}`);
  const found = compound.buildings.get(building.n);
  if (!found) {
    const numbers = [...compound.buildings.keys()];
    return matched('fuzzy', compound.place, `${lane}${named}`, SCORE.buildingMissing * nameScore,
      `${entry.name} has no building ${building.n} (buildings ${Math.min(...numbers)}–${Math.max(...numbers)}): placed at the compound`);
  }
  const after = rest.slice(1);
  // 5-3-502 is building, unit, room; 5-302 building and room.
  const unit = building.mark === '-' ? (after.length >= 2 ? after[0] : undefined) : after.find((t) => t.mark === '单元');
  const room = building.mark === '-' ? after[after.length - 1] : after.find((t) => t.mark === '室') ?? after.find((t, i) => t.mark === '' && i === after.length - 1);
  const unitKnown = !unit || unit.n <= found.units;
  const standard = `${lane}${building.n}号${unit && unitKnown ? `${unit.n}单元` : ''}${room ? `${room.n}室` : ''}${named}`;
  if (!unitKnown) {
    return matched('fuzzy', found.place, standard, SCORE.unitMissing * nameScore, `building ${building.n} of ${entry.name} has ${found.units} units, not ${unit!.n}`);
  }
  return matched(exact, found.place, standard, nameScore, nameScore === 1 ? 'building of a compound' : `building of a compound, name read as ${entry.name}`);
}

function placeLandmark(name: string, landmarks: readonly IndexedLandmark[], nameScore: number, road: IndexedRoad | null): GeocodeResult {
  const onRoad = road ? landmarks.filter((l) => l.entry.address?.startsWith(road.name)) : [];
  const candidates = landmarks.length === 1 ? landmarks : onRoad;
  if (candidates.length !== 1) {
    const where = landmarks.map((l) => l.entry.address ?? l.entry.name).join(', ');
    return unmatched('ambiguous', `${name} is at ${landmarks.length} places (${where}), ${road ? `none on ${road.name}` : 'and no road is named'}`);
  }
  const { entry, place } = candidates[0]!;
  const standard = entry.address ? `${entry.address}（${entry.name}）` : entry.name;
  return matched('landmark', place, standard, SCORE.landmark * nameScore, nameScore === 1 ? 'landmark' : `landmark, name read as ${entry.name}`);
}

function placeJunction(g: Gazetteer, a: IndexedRoad, b: IndexedRoad): GeocodeResult {
  const junction = g.junctions.get(junctionKey(normaliseName(a.name, g.prefixes), normaliseName(b.name, g.prefixes)));
  if (!junction) return unmatched('no-junction', `${a.name} and ${b.name} do not cross in ${g.street}`);
  return matched('landmark', junction.place, `${junction.roads[0]}与${junction.roads[1]}交叉口`, SCORE.landmark, 'junction');
}

function matched(match: MatchKind, place: Place, standardAddress: string, score: number, reason: string): GeocodeResult {
  const [lon, lat] = place.point;
  return { match, point: { lon, lat }, gridId: place.gridId, standardAddress, score: Math.round(score * 100) / 100, reason };
}

function unmatched(code: UnmatchedCode, reason: string): GeocodeResult {
  return { match: 'unmatched', code, point: null, gridId: null, standardAddress: null, score: 0, reason };
}

function lerp(a: LonLat, b: LonLat, t: number): LonLat {
  return [round7(a[0] + (b[0] - a[0]) * t), round7(a[1] + (b[1] - a[1]) * t)];
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;
