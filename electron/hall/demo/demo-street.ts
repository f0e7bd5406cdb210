// The bundled demo street's grids (S-1.4, S-2.5): where the file lives, how it is written, and loading it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGridFeatureCollection, type GridFeatureCollection } from '../../common/geo/grid-schema.ts';

/** Relative to the resources folder. */
export const DEMO_GRIDS_FILE = join('demo-street', 'grids.geojson');

/** GeoJSON text with one feature per line: compact, yet diffs stay readable grid by grid. */
export function formatGridCollection(collection: GridFeatureCollection): string {
  return formatList('{"type":"FeatureCollection","features":[', collection.features);
}

/** JSON text opened by `head` (which opens a list), one item per line, closed. */
export function formatList(head: string, items: readonly unknown[]): string {
  return `${head}\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]}\n`;
}

/** Reads and validates the bundled grids; the error names the file and every bad feature. */
export function loadDemoGrids(resourcesDir: string): GridFeatureCollection {
  const file = join(resourcesDir, DEMO_GRIDS_FILE);
  try {
    return parseGridFeatureCollection(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(`demo grids ${file}: ${(error as Error).message}`, { cause: error });
  }
}
