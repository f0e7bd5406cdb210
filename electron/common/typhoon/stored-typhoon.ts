// An imported storm as the `typhoon.imported` event carries it and every screen holds it (kept apart from the
// parsers, which the protocol must not import: they import it).
import { z } from 'zod';
import { TyphoonTrack } from './track-schema.ts';

export const TyphoonId = z.string().regex(/^(cma-bst|wztf-json):[\w@.-]{1,60}$/, 'a typhoon id is source:number');

/** One imported storm, as the `typhoon.imported` event carries it and every screen holds it. */
export const StoredTyphoon = z.object({
  id: TyphoonId,
  /** The file it came from, as the console named it. */
  file: z.string().trim().max(200).nullable(),
  track: TyphoonTrack,
});
export type StoredTyphoon = z.infer<typeof StoredTyphoon>;

/** source:number, e.g. `wztf-json:2413`: one storm from one source. */
export function typhoonId(track: TyphoonTrack): string {
  const number = track.cmaNumber ?? track.internationalNumber ?? `${track.nameEn ?? 'unnamed'}@${track.fixes[0]!.t}`;
  return `${track.source}:${number.replace(/[^\w@.-]/g, '_').slice(0, 60)}`;
}

