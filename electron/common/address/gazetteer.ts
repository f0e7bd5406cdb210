// The gazetteer's lookup structures, built once from its entries (S-4.1b): every name (road, compound and alias,
// landmark and alias, road outside the street) normalised into one map, each road's numbers by side in order
// (for interpolation), compounds' buildings by number, junctions by their pair of roads. Grid ids come from the
// micro grids the hall has now, by point in polygon: grids can be re-imported after the gazetteer was made.
import { bbox, type BBox, type LonLat } from '../geo/projection.ts';
import { pointInRing } from '../geo/ring.ts';
import type { CompoundEntry, GazetteerData, LandmarkEntry } from './gazetteer-schema.ts';
import { normaliseName, type AddressPrefixes } from './normalise.ts';

export interface MicroGrid {
  id: string;
  ring: readonly LonLat[];
}

export interface Place {
  point: LonLat;
  gridId: string;
}

export interface IndexedCompound {
  entry: CompoundEntry;
  place: Place;
  buildings: Map<number, { units: number; place: Place }>;
}

/** A number of a road: a door plate, or the lane of a compound. */
export interface RoadNumber {
  no: number;
  place: Place;
  compound: IndexedCompound | null;
}

export interface IndexedRoad {
  name: string;
  byNo: Map<number, RoadNumber>;
  /** Even numbers at index 0, odd at 1, each side in increasing order. */
  sides: [RoadNumber[], RoadNumber[]];
}

export interface IndexedLandmark {
  entry: LandmarkEntry;
  place: Place;
}

export type NamedThing =
  | { kind: 'road'; name: string; road: IndexedRoad }
  | { kind: 'outside'; name: string }
  | { kind: 'compound'; name: string; compound: IndexedCompound }
  /** A chain (联华超市) can have several places under one name. */
  | { kind: 'landmark'; name: string; landmarks: IndexedLandmark[] };

export interface FuzzyName {
  key: string;
  length: number;
  chars: ReadonlySet<string>;
  thing: NamedThing;
}

export interface Gazetteer {
  prefixes: AddressPrefixes;
  street: string;
  /** Normalised name → what it names. */
  names: Map<string, NamedThing>;
  /** The lengths of the keys of `names`, longest first. */
  nameLengths: number[];
  fuzzyNames: FuzzyName[];
  /** `junctionKey(a, b)` → where the two roads cross, and the roads as the gazetteer names them. */
  junctions: Map<string, { place: Place; roads: readonly [string, string] }>;
  /** The micro grid a point lies in (on an edge: one of the grids sharing it), null outside them all. */
  gridAt(p: LonLat): string | null;
  stats: {
    doors: number; compounds: number; buildings: number; landmarks: number; junctions: number;
    /** Entries whose micro grid is not the one they were made with (grids re-imported since). */
    regridded: number;
    /** Names given to two different things; the first one keeps the name (compounds, roads, landmarks). */
    nameConflicts: string[];
  };
}

export const junctionKey = (a: string, b: string) => [a, b].sort().join('|');

export function buildGazetteer(data: GazetteerData, microGrids: readonly MicroGrid[]): Gazetteer {
  const prefixes = { city: data.city, district: data.district, street: data.street };
  const norm = (text: string) => normaliseName(text, prefixes);
  const gridAt = microGridLocator(microGrids);
  let regridded = 0;
  const placeOf = (p: readonly [number, number], stored: string): Place => {
    const gridId = gridAt(p) ?? stored;
    if (gridId !== stored) regridded++;
    return { point: p, gridId };
  };

  const roads = new Map<string, IndexedRoad>();
  const roadOf = (name: string) => {
    const key = norm(name);
    let road = roads.get(key);
    if (!road) roads.set(key, (road = { name, byNo: new Map(), sides: [[], []] }));
    return road;
  };
  const compounds: IndexedCompound[] = [];
  const landmarks: IndexedLandmark[] = [];
  const junctions: Gazetteer['junctions'] = new Map();
  for (const entry of data.entries) {
    if (entry.kind === 'door') {
      roadOf(entry.road).byNo.set(entry.no, { no: entry.no, place: placeOf(entry.p, entry.grid), compound: null });
    } else if (entry.kind === 'compound') {
      const buildings = new Map(entry.buildings.map((b) => [b.no, { units: b.units, place: placeOf(b.p, b.grid) }]));
      const compound = { entry, place: placeOf(entry.p, entry.grid), buildings };
      compounds.push(compound);
      roadOf(entry.road).byNo.set(entry.no, { no: entry.no, place: compound.place, compound });
    } else if (entry.kind === 'landmark') {
      landmarks.push({ entry, place: placeOf(entry.p, entry.grid) });
    } else {
      junctions.set(junctionKey(norm(entry.roads[0]), norm(entry.roads[1])), { place: placeOf(entry.p, entry.grid), roads: entry.roads });
    }
  }
  for (const road of roads.values()) {
    for (const n of [...road.byNo.values()].sort((a, b) => a.no - b.no)) road.sides[n.no % 2]!.push(n);
  }

  const names = new Map<string, NamedThing>();
  const nameConflicts: string[] = [];
  const add = (label: string, thing: NamedThing) => {
    const key = norm(label);
    const present = names.get(key);
    if (!present) names.set(key, thing);
    else if (present.kind === 'landmark' && thing.kind === 'landmark') {
      for (const l of thing.landmarks) if (!present.landmarks.includes(l)) present.landmarks.push(l);
    } else if (present !== thing && !(present.kind === thing.kind && present.name === thing.name)) {
      nameConflicts.push(`${label}: ${present.kind} ${present.name} and ${thing.kind} ${thing.name}`);
    }
  };
  for (const compound of compounds) {
    const thing: NamedThing = { kind: 'compound', name: compound.entry.name, compound };
    for (const label of [compound.entry.name, ...compound.entry.aliases]) add(label, thing);
  }
  for (const road of roads.values()) add(road.name, { kind: 'road', name: road.name, road });
  for (const name of data.outsideRoads) add(name, { kind: 'outside', name });
  for (const landmark of landmarks) {
    for (const label of [landmark.entry.name, ...landmark.entry.aliases]) {
      add(label, { kind: 'landmark', name: landmark.entry.name, landmarks: [landmark] });
    }
  }

  const fuzzyNames = [...names].map(([key, thing]) => ({ key, length: [...key].length, chars: new Set(key), thing }));
  return {
    prefixes,
    street: data.street,
    names,
    nameLengths: [...new Set(fuzzyNames.map((f) => f.key.length))].sort((a, b) => b - a),
    fuzzyNames,
    junctions,
    gridAt,
    stats: {
      doors: data.entries.filter((e) => e.kind === 'door').length,
      compounds: compounds.length,
      buildings: compounds.reduce((s, c) => s + c.buildings.size, 0),
      landmarks: landmarks.length,
      junctions: junctions.size,
      regridded,
      nameConflicts,
    },
  };
}

/** Point in polygon over the grids, bounding boxes first. */
export function microGridLocator(grids: readonly MicroGrid[]): (p: LonLat) => string | null {
  const boxed = grids.map((g): { id: string; ring: readonly LonLat[]; box: BBox } => ({ ...g, box: bbox(g.ring) }));
  return (p) => {
    let edge: string | null = null;
    for (const g of boxed) {
      if (p[0] < g.box[0] || p[0] > g.box[2] || p[1] < g.box[1] || p[1] > g.box[3]) continue;
      const at = pointInRing(p, g.ring);
      if (at === 'inside') return g.id;
      if (at === 'boundary') edge ??= g.id;
    }
    return edge;
  };
}
