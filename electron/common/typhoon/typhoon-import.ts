// A typhoon file as the hall takes it in (console upload, POST /api/typhoons): the CMA/STI best track (a whole
// year's file or one storm's extract) or the operational track JSON, told apart by their first character. Each
// storm becomes one stored track under an id naming its source and number, so importing a newer file of the same
// storm from the same source replaces it, while the best track and the operational track of one storm sit side
// by side (only the operational one has wind radii and forecasts).
import { parseCmaBestTrack } from './cma-bst.ts';
import type { TrackParse, TyphoonTrack } from './track-schema.ts';
import { parseWztfJson } from './wztf-json.ts';

/** A year's best track is ~35 kB and the longest operational JSON here ~80 kB: 2 MB is ample and keeps the log small. */
export const MAX_TYPHOON_FILE_BYTES = 2 * 1024 * 1024;
/** A year's best track holds 20–40 storms. */
export const MAX_STORMS_PER_FILE = 60;

/** Parses either format; refuses, naming the problem, a file that is neither or has too many storms. */
export function parseTyphoonFile(text: string): TrackParse {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body === '') return { ok: false, error: '文件为空 / the file is empty' };
  const parsed = body.startsWith('[') || body.startsWith('{') ? parseWztfJson(text) : body.startsWith('66666') ? parseCmaBestTrack(text) : null;
  if (!parsed) return { ok: false, error: '既不是 CMA 最佳路径（66666 开头）也不是台风路径 JSON / neither a CMA best track (66666 header lines) nor the operational track JSON' };
  if (parsed.ok && parsed.tracks.length > MAX_STORMS_PER_FILE) return { ok: false, error: `${parsed.tracks.length} storms in one file: at most ${MAX_STORMS_PER_FILE}` };
  return parsed;
}

/** The one name of a storm for lists: 贝碧嘉 Bebinca, or its number when unnamed. */
export const stormName = (track: TyphoonTrack): string => [track.nameZh, track.nameEn].filter(Boolean).join(' ') || (track.cmaNumber ?? '—');
