// The demo street's other layers as GeoJSON (S-2.2, S-2.5): police responsibility areas (警务责任区),
// comprehensive-governance grids (综治网格), roads, rivers and points (积水点, 避难点, cameras, 工作站), all WGS84.
// Shared by the hall core (loading) and the renderer (drawing).
import { z } from 'zod';
import { PolygonGeometry, Position } from './grid-schema.ts';

const layerId = z.string().regex(/^[\w.-]{1,32}$/, 'an id is 1–32 letters, digits, _ . -');
const label = z.string().trim().min(1).max(64);

export const LineStringGeometry = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(Position).min(2, 'a line needs at least 2 positions'),
});
export type LineStringGeometry = z.infer<typeof LineStringGeometry>;

export const PointGeometry = z.object({ type: z.literal('Point'), coordinates: Position });
export type PointGeometry = z.infer<typeof PointGeometry>;

const collectionOf = <F extends z.ZodType<{ properties: { id: string } }>>(feature: F) =>
  z
    .object({ type: z.literal('FeatureCollection'), features: z.array(feature) })
    .superRefine(({ features }, ctx) => {
      const seen = new Set<string>();
      features.forEach(({ properties: { id } }, i) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['features', i, 'properties', 'id'], message: `duplicate id ${id}` });
        seen.add(id);
      });
    });

/** 警务责任区 of a police station (派出所). */
export const PoliceAreaFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ id: layerId, name: label, station: label }),
  geometry: PolygonGeometry,
});
export type PoliceAreaFeature = z.infer<typeof PoliceAreaFeature>;
export const PoliceAreaCollection = collectionOf(PoliceAreaFeature);
export type PoliceAreaCollection = z.infer<typeof PoliceAreaCollection>;

/** 综治网格; `unit` is the committee or area company that runs it. */
export const GovernanceGridFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ id: layerId, name: label, unit: label }),
  geometry: PolygonGeometry,
});
export type GovernanceGridFeature = z.infer<typeof GovernanceGridFeature>;
export const GovernanceGridCollection = collectionOf(GovernanceGridFeature);
export type GovernanceGridCollection = z.infer<typeof GovernanceGridCollection>;

export const RoadClass = z.enum(['main', 'secondary', 'local']);
export type RoadClass = z.infer<typeof RoadClass>;

export const RoadFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ id: layerId, name: label, class: RoadClass }),
  geometry: LineStringGeometry,
});
export type RoadFeature = z.infer<typeof RoadFeature>;
export const RoadCollection = collectionOf(RoadFeature);
export type RoadCollection = z.infer<typeof RoadCollection>;

/** Rivers as centre lines with a nominal width, so the renderer can draw them as wide as they are. */
export const RiverFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ id: layerId, name: label, class: z.enum(['main', 'branch']), widthM: z.number().positive().max(500) }),
  geometry: LineStringGeometry,
});
export type RiverFeature = z.infer<typeof RiverFeature>;
export const RiverCollection = collectionOf(RiverFeature);
export type RiverCollection = z.infer<typeof RiverCollection>;

const pointBase = { id: layerId, name: label, gridId: layerId };

/** Points of interest; `gridId` is the micro grid they lie in, for stations the small grid they serve. */
export const PointProperties = z.discriminatedUnion('kind', [
  /** 积水点: a low road or underpass that floods in heavy rain; `road` names it, `depthCm` is the depth seen before. */
  z.object({ ...pointBase, kind: z.literal('flood'), road: label, depthCm: z.number().int().positive() }),
  /** 避难点 with the number of people it takes. */
  z.object({ ...pointBase, kind: z.literal('shelter'), capacity: z.number().int().positive(), indoor: z.boolean() }),
  /** A public-security camera; the stream is configured on site, so the demo has none. */
  z.object({ ...pointBase, kind: z.literal('camera'), road: label, streamUrl: z.url().nullable() }),
  /** 工作站 / 城运站点 of a small grid with its people (S-2.4). */
  z.object({
    ...pointBase,
    kind: z.literal('station'),
    gridChief: label,
    deputyChief: label,
    unitHead: label,
  }),
]);
export type PointProperties = z.infer<typeof PointProperties>;
export type PointKind = PointProperties['kind'];

export const PointFeature = z.object({ type: z.literal('Feature'), properties: PointProperties, geometry: PointGeometry });
export type PointFeature = z.infer<typeof PointFeature>;
export const PointCollection = collectionOf(PointFeature);
export type PointCollection = z.infer<typeof PointCollection>;
