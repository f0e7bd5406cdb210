// The demo street's layers besides the grid hierarchy (S-2.2, S-2.5): police areas, governance grids, roads,
// rivers, points and staff — generated from the same seed and lattice as the grids — plus the list of mismatches
// planted between the partitions for the merge check and the address gazetteer (S-4.1b). Written to
// resources/demo-street/ by generate-demo.ts.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { GazetteerData } from '../../common/address/gazetteer-schema.ts';
import {
  GovernanceGridCollection, PointCollection, PoliceAreaCollection, RiverCollection, RoadCollection,
} from '../../common/geo/layer-schema.ts';
import { parseOrThrow } from '../../common/geo/parse-collection.ts';
import { StaffRegistry } from '../../common/geo/staff-schema.ts';
import { buildAddresses, formatGazetteer, type DemoAddresses } from './addresses.ts';
import { formatList } from './demo-street.ts';
import { nameSource } from './names.ts';
import { buildDemoPartitions, type PlantedMismatch } from './partitions.ts';
import { buildPoints } from './points.ts';
import { createRng } from '../../common/prng.ts';
import { buildRivers, buildRoads } from './roads-rivers.ts';
import { buildStaff } from './staff.ts';
import { buildDemoStreet, DEFAULT_SEED } from './street-generator.ts';

/** Each layer's schema and file, relative to the resources folder. */
const LAYERS = {
  police: { schema: PoliceAreaCollection, file: 'police.geojson', what: 'police areas' },
  governance: { schema: GovernanceGridCollection, file: 'governance.geojson', what: 'governance grids' },
  roads: { schema: RoadCollection, file: 'roads.geojson', what: 'roads' },
  rivers: { schema: RiverCollection, file: 'rivers.geojson', what: 'rivers' },
  points: { schema: PointCollection, file: 'points.geojson', what: 'points' },
  staff: { schema: StaffRegistry, file: 'staff.json', what: 'staff registry' },
} as const;

type LayerName = keyof typeof LAYERS;
export type DemoLayers = { [K in LayerName]: z.infer<(typeof LAYERS)[K]['schema']> };

export const DEMO_LAYER_FILES: Readonly<Record<LayerName, string>> = Object.fromEntries(
  Object.entries(LAYERS).map(([name, { file }]) => [name, join('demo-street', file)]),
) as Record<LayerName, string>;
export const PLANTED_MISMATCHES_FILE = join('demo-street', 'planted-mismatches.json');

export const DEMO_ADDRESSES_FILE = join('demo-street', 'addresses.json');

export interface GeneratedLayers {
  layers: DemoLayers;
  planted: PlantedMismatch[];
  /** The address gazetteer (not a map layer: the hall's intake reads it) and the doors held out of it. */
  addresses: DemoAddresses;
}

export function generateDemoLayers(seed = DEFAULT_SEED): GeneratedLayers {
  const model = buildDemoStreet(seed);
  // A stream of its own, so the grids stay as they are whatever is added here.
  const rng = createRng(seed ^ 0x1a7e5);
  const nextName = nameSource(rng);
  const { police, governance, planted } = buildDemoPartitions(model);
  const roads = buildRoads(model);
  const rivers = buildRivers(model, rng);
  const points = buildPoints(model, roads, rng, nextName);
  const staff = buildStaff(model, rng, nextName);
  // Its own stream again, so the layers above stay as they were before addresses were added.
  const addresses = buildAddresses(model, roads, points, createRng(seed ^ 0xadd7e5));
  const collection = <F>(features: F[]) => ({ type: 'FeatureCollection' as const, features });
  return {
    layers: {
      police: collection(police),
      governance: collection(governance),
      roads: collection(roads),
      rivers: collection(rivers),
      points: collection(points),
      staff: { staff },
    },
    planted,
    addresses,
  };
}

/** File name (in demo-street/) → text, for every layer, the planted-mismatch list and the address gazetteer. */
export function formatDemoLayers({ layers, planted, addresses }: GeneratedLayers): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of Object.keys(LAYERS) as LayerName[]) {
    const layer = layers[name];
    files.set(LAYERS[name].file, 'features' in layer
      ? formatList('{"type":"FeatureCollection","features":[', layer.features)
      : formatList('{"staff":[', layer.staff));
  }
  files.set('planted-mismatches.json', `${JSON.stringify({ planted }, null, 2)}\n`);
  files.set(basename(DEMO_ADDRESSES_FILE), formatGazetteer(addresses.gazetteer));
  return files;
}

/** Reads and validates every bundled layer; the error names the file and every bad feature. */
export function loadDemoLayers(resourcesDir: string): DemoLayers {
  const load = <T>(name: LayerName, schema: z.ZodType<T>): T => {
    const file = join(resourcesDir, DEMO_LAYER_FILES[name]);
    try {
      return parseOrThrow(schema, JSON.parse(readFileSync(file, 'utf8')), LAYERS[name].what);
    } catch (error) {
      throw new Error(`demo layer ${file}: ${(error as Error).message}`, { cause: error });
    }
  };
  return {
    police: load('police', PoliceAreaCollection),
    governance: load('governance', GovernanceGridCollection),
    roads: load('roads', RoadCollection),
    rivers: load('rivers', RiverCollection),
    points: load('points', PointCollection),
    staff: load('staff', StaffRegistry),
  };
}

/** Reads and validates the bundled address gazetteer; the error names the file and every bad entry. */
export function loadDemoAddresses(resourcesDir: string): GazetteerData {
  const file = join(resourcesDir, DEMO_ADDRESSES_FILE);
  try {
    return parseOrThrow(GazetteerData, JSON.parse(readFileSync(file, 'utf8')), 'address gazetteer');
  } catch (error) {
    throw new Error(`demo addresses ${file}: ${(error as Error).message}`, { cause: error });
  }
}
