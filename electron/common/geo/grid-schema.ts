// The grid hierarchy as GeoJSON (S-2.1): street → zones (片区) → small grids (居委 / 片区公司) → micro grids, each a
// Polygon feature in WGS84. Shared by the hall core (loading, import) and the renderer (drawing).
import { z } from 'zod';
import { parseOrThrow } from './parse-collection.ts';

export const GridLevel = z.enum(['street', 'zone', 'small', 'micro']);
export type GridLevel = z.infer<typeof GridLevel>;

/** The level each level's parent has; the street has none. */
export const PARENT_LEVEL: Readonly<Record<GridLevel, GridLevel | null>> = {
  street: null,
  zone: 'street',
  small: 'zone',
  micro: 'small',
};

/** S-2.1b: 居村网格, 街面网格, 拓展网格 (factories, schools, parks, business areas). */
export const GridKind = z.enum(['residential', 'streetfront', 'extended']);
export type GridKind = z.infer<typeof GridKind>;

export const GRID_KIND_LABELS: Readonly<Record<GridKind, { zh: string; en: string }>> = {
  residential: { zh: '居村网格', en: 'Residential' },
  streetfront: { zh: '街面网格', en: 'Street-front' },
  extended: { zh: '拓展网格', en: 'Extended' },
};

/** What runs a small grid: a residential committee (居委) or an area company (片区公司). */
export const SmallGridUnit = z.enum(['committee', 'company']);
export type SmallGridUnit = z.infer<typeof SmallGridUnit>;

const gridId = z.string().regex(/^[\w.-]{1,32}$/, 'a grid id is 1–32 letters, digits, _ . -');

export const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export type Position = z.infer<typeof Position>;

export const LinearRing = z
  .array(Position)
  .min(4, 'a ring needs at least 4 positions')
  .refine((ring) => {
    const [first, last] = [ring[0], ring.at(-1)];
    return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  }, 'ring is not closed');

export const PolygonGeometry = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(LinearRing).min(1, 'a polygon needs an outer ring'),
});
export type PolygonGeometry = z.infer<typeof PolygonGeometry>;

export const GridProperties = z
  .object({
    id: gridId,
    name: z.string().trim().min(1).max(64),
    level: GridLevel,
    parentId: gridId.nullable(),
    /** Small and micro grids only. */
    kind: GridKind.optional(),
    /** Small grids only. */
    unit: SmallGridUnit.optional(),
    /** Hierarchical grid code, the street's administrative code first. */
    code: z.string().regex(/^[\d-]{1,40}$/, 'a grid code is digits and -'),
  })
  .superRefine((p, ctx) => {
    const needsParent = PARENT_LEVEL[p.level] !== null;
    if (needsParent !== (p.parentId !== null)) {
      ctx.addIssue({ code: 'custom', path: ['parentId'], message: needsParent ? `a ${p.level} grid needs a parent` : 'the street has no parent' });
    }
    const hasKind = p.level === 'small' || p.level === 'micro';
    if (hasKind !== (p.kind !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: hasKind ? `a ${p.level} grid needs a kind` : `a ${p.level} grid has no kind` });
    }
    if ((p.level === 'small') !== (p.unit !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: p.level === 'small' ? 'a small grid needs a unit' : 'only small grids have a unit' });
    }
  });
export type GridProperties = z.infer<typeof GridProperties>;

export const GridFeature = z.object({
  type: z.literal('Feature'),
  properties: GridProperties,
  geometry: PolygonGeometry,
});
export type GridFeature = z.infer<typeof GridFeature>;

/** A whole hierarchy: ids unique, every parent present and one level up. Geometry is checked elsewhere (S-2.3). */
export const GridFeatureCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(GridFeature),
  })
  .superRefine(({ features }, ctx) => {
    const levelOf = new Map<string, GridLevel>();
    features.forEach(({ properties: { id, level } }, i) => {
      if (levelOf.has(id)) ctx.addIssue({ code: 'custom', path: ['features', i, 'properties', 'id'], message: `duplicate id ${id}` });
      levelOf.set(id, level);
    });
    features.forEach(({ properties: { level, parentId } }, i) => {
      if (parentId === null) return;
      const parentLevel = levelOf.get(parentId);
      const message = parentLevel === undefined
        ? `parent ${parentId} does not exist`
        : parentLevel !== PARENT_LEVEL[level] ? `parent ${parentId} is a ${parentLevel} grid, not a ${PARENT_LEVEL[level]} grid` : null;
      if (message) ctx.addIssue({ code: 'custom', path: ['features', i, 'properties', 'parentId'], message });
    });
  });
export type GridFeatureCollection = z.infer<typeof GridFeatureCollection>;

/**
 * Parses a grid collection; throws an Error listing every problem by feature, e.g.
 * `feature M017 (#42) properties.level: Invalid option…`.
 */
export function parseGridFeatureCollection(data: unknown): GridFeatureCollection {
  return parseOrThrow(GridFeatureCollection, data, 'grid collection');
}
