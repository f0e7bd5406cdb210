// Where a case is, from its address (S-4.1b): the gazetteer's point, micro grid and how it matched, or, when it
// cannot be placed, the case flagged `unmatched` with why, for the operator to place on the map.
import type { CaseDraft, CaseView } from '../domain/case-model.ts';
import type { Gazetteer } from './gazetteer.ts';
import { geocode, type GeocodeResult } from './geocode.ts';

type Placed = Pick<CaseDraft, 'location' | 'gridId' | 'placement'>;

export function placementOf(result: GeocodeResult): Placed {
  if (result.match === 'unmatched') return { placement: { match: 'unmatched', code: result.code, reason: result.reason.slice(0, 300) } };
  return { location: result.point, gridId: result.gridId, placement: { match: result.match, standardAddress: result.standardAddress.slice(0, 200) } };
}

/**
 * The draft placed by its address, unless it already has a point (a person placed it: its grid is the point's).
 * A grid the sender named (a desk picked it) is kept; the address's point is then taken only if it lies in it.
 */
export function placeDraft(g: Gazetteer, draft: CaseDraft): CaseDraft {
  if (draft.location) return { ...draft, gridId: g.gridAt([draft.location.lon, draft.location.lat]) ?? draft.gridId };
  if (draft.address.trim() === '') return draft;
  const placed = placementOf(geocode(g, draft.address));
  if (!draft.gridId || placed.gridId === draft.gridId) return { ...draft, ...placed };
  return { ...draft, placement: placed.placement };
}

/** A case the gazetteer could not place and nobody has placed yet (待定位). */
export const awaitsPlacement = (c: CaseView) => c.placement?.match === 'unmatched' && !c.location;
