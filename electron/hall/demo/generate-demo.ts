// Writes the demo street into the resources folder: the grids, the other layers, the planted mismatches and the
// address gazetteer.
//   node electron/hall/demo/generate-demo.ts [--seed N] [--out dir]
// The output is committed; tests check it matches a fresh generation with the default seed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { APP_ROOT } from '../config.ts';
import { formatDemoLayers, generateDemoLayers } from './demo-layers.ts';
import { DEMO_GRIDS_FILE, formatGridCollection } from './demo-street.ts';
import { DEFAULT_SEED, generateDemoStreet } from './street-generator.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    out: { type: 'string', default: join(APP_ROOT, 'resources', 'demo-street') },
  },
});
const seed = Number(values.seed);
if (!Number.isSafeInteger(seed)) {
  console.error(`--seed ${JSON.stringify(values.seed)}: not an integer`);
  process.exit(2);
}
mkdirSync(values.out, { recursive: true });
const collection = generateDemoStreet(seed);
const file = join(values.out, basename(DEMO_GRIDS_FILE));
writeFileSync(file, formatGridCollection(collection));
console.log(`${file}: ${collection.features.length} grids, seed ${seed}`);
for (const [name, text] of formatDemoLayers(generateDemoLayers(seed))) {
  writeFileSync(join(values.out, name), text);
  console.log(`${join(values.out, name)}: ${text.split('\n').length - 2} lines`);
}
