// The real typhoon files beside the checkout (../shared/data/typhoon), parsed for tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCmaBestTrack } from '../../electron/common/typhoon/cma-bst.ts';
import type { TrackParse, TyphoonTrack } from '../../electron/common/typhoon/track-schema.ts';
import { parseWztfJson } from '../../electron/common/typhoon/wztf-json.ts';
import { SHARED_DATA } from './shared-data.ts';

export const TYPHOON_DATA = join(SHARED_DATA, 'typhoon');
export const CMA_DIR = join(TYPHOON_DATA, 'cma_bst');
export const JSON_DIR = join(TYPHOON_DATA, 'wztf_isc_json');

/** 中山街道, 松江 (the demo street's centre). */
export const STREET = { lon: 121.23, lat: 31.0 };

export const filesIn = (dir: string) => readdirSync(dir).filter((f) => !f.startsWith('.')).sort();
export const readText = (path: string) => readFileSync(path, 'utf8');

function only(parse: TrackParse, what: string): TyphoonTrack {
  if (!parse.ok) throw new Error(`${what}: ${parse.error}`);
  if (parse.tracks.length !== 1) throw new Error(`${what}: ${parse.tracks.length} storms`);
  return parse.tracks[0]!;
}

/** One storm's CMA best track, e.g. `2024_bebinca`. */
export const cmaStorm = (name: string) => only(parseCmaBestTrack(readText(join(CMA_DIR, `${name}.txt`))), name);
/** One storm's operational JSON, e.g. `202413`. */
export const jsonStorm = (tfbh: string) => only(parseWztfJson(readText(join(JSON_DIR, `${tfbh}.json`))), tfbh);

/** `2024-09-16 07:30` Beijing time as an instant, for expectations written the way the sources state them. */
export const beijing = (text: string) => Date.parse(`${text.replace(' ', 'T')}:00+08:00`);
export const showBeijing = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
