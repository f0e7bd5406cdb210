// S-6.5 the street's flood assets as people on duty report them: each flood-prone point's status (易积水点:
// normal, ponding with its depth, closed to traffic), each pump's (running, stopped, fault) and each shelter's
// (避难场所: open or not, how many people it holds). Set by commands (hall/emergency/asset-commands.ts checks who
// may: the console and the water affairs desk for points and pumps, the console and any desk for shelters); the
// reducer folds their events for every screen.
import { z } from 'zod';
import type { HallEvent } from '../protocol.ts';

const assetId = z.string().regex(/^[\w.-]{1,40}$/, 'an id is 1–40 letters, digits, _ . -');

export const FloodPointStatus = z.enum(['normal', 'ponding', 'closed']);
export type FloodPointStatus = z.infer<typeof FloodPointStatus>;
export const PumpStatus = z.enum(['running', 'stopped', 'fault']);
export type PumpStatus = z.infer<typeof PumpStatus>;

export const FloodPointSet = z.object({ pointId: assetId, status: FloodPointStatus, depthCm: z.number().int().min(0).max(500).nullable() });
export const PumpSet = z.object({ pumpId: assetId, status: PumpStatus });
/** Occupancy 0..capacity (the hall checks it against the shelter's capacity). */
export const ShelterSet = z.object({ shelterId: assetId, open: z.boolean(), occupancy: z.number().int().min(0).max(100_000) });

export const AssetCommand = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('floodPoint.set'), ...FloodPointSet.shape }),
  z.object({ kind: z.literal('pump.set'), ...PumpSet.shape }),
  z.object({ kind: z.literal('shelter.set'), ...ShelterSet.shape }),
]);
export type AssetCommand = z.infer<typeof AssetCommand>;

/** As the latest event set it, with when and from which seat. */
interface Stamp { at: number; seat: string | null }
export type FloodPointView = z.infer<typeof FloodPointSet> & Stamp;
export type PumpView = z.infer<typeof PumpSet> & Stamp;
export type ShelterView = z.infer<typeof ShelterSet> & Stamp;

export interface AssetData {
  floodPoints: Map<string, FloodPointView>;
  pumps: Map<string, PumpView>;
  shelters: Map<string, ShelterView>;
}
export interface AssetChanges { floodPoint?: FloodPointView; pump?: PumpView; shelter?: ShelterView }

export const emptyAssets = (): AssetData => ({ floodPoints: new Map(), pumps: new Map(), shelters: new Map() });

/** Folds one event; returns what it changed (nothing for other events). */
export function applyAssetEvent(data: AssetData, event: HallEvent): AssetChanges {
  const stamp = { at: event.at, seat: event.seat };
  switch (event.type) {
    case 'floodPoint.set': {
      const view = { ...event.payload, ...stamp };
      data.floodPoints.set(view.pointId, view);
      return { floodPoint: view };
    }
    case 'pump.set': {
      const view = { ...event.payload, ...stamp };
      data.pumps.set(view.pumpId, view);
      return { pump: view };
    }
    case 'shelter.set': {
      const view = { ...event.payload, ...stamp };
      data.shelters.set(view.shelterId, view);
      return { shelter: view };
    }
    default:
      return {};
  }
}

/** The assets as the snapshot carries them. */
export const AssetSnapshot = z.object({
  floodPoints: z.array(FloodPointSet.extend({ at: z.number().int(), seat: z.string().nullable() })),
  pumps: z.array(PumpSet.extend({ at: z.number().int(), seat: z.string().nullable() })),
  shelters: z.array(ShelterSet.extend({ at: z.number().int(), seat: z.string().nullable() })),
});
export type AssetSnapshot = z.infer<typeof AssetSnapshot>;

export const assetsFromSnapshot = (s: AssetSnapshot): AssetData => ({
  floodPoints: new Map(s.floodPoints.map((v) => [v.pointId, v])),
  pumps: new Map(s.pumps.map((v) => [v.pumpId, v])),
  shelters: new Map(s.shelters.map((v) => [v.shelterId, v])),
});
