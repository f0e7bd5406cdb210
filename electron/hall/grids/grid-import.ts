// Importing one partition's grids from a GeoJSON file (S-2.3): city-operations grids (城运网格), police
// responsibility areas (警务责任区) or comprehensive-governance grids (综治网格). Pure on text: a result, never a
// throw, so a bad file changes nothing — the caller stores only an ok result. Every error names the feature (id,
// name, index) and a place, in Chinese and English. GCJ-02 input (Amap, DataV) is converted to WGS84 on request.
// Coverage, gaps, overlaps, parents and the S-2.2 mapping across partitions are the merge check's (merge-check.ts).
import { readFileSync } from 'node:fs';
import type { AreaGeometry, PolygonCoordinates } from '../../common/geo/area.ts';
import { gcj02ToWgs84 } from '../../common/geo/gcj02.ts';
import { GridLevel, PARENT_LEVEL } from '../../common/geo/grid-schema.ts';
import { ringSelfIntersections } from '../../common/geo/intersections.ts';
import type { PartitionName } from '../../common/geo/merge-check.ts';
import { place } from '../../common/geo/merge-check.ts';
import type { LonLat } from '../../common/geo/projection.ts';

export interface ImportOptions {
  partition: PartitionName;
  crs: 'wgs84' | 'gcj02';
}

export interface PartitionFeature {
  type: 'Feature';
  properties: {
    id: string;
    name: string;
    /** City-operations grids only; null for roots and for the other partitions. */
    parentId: string | null;
    /** City-operations grids only, when the file says so. */
    level: GridLevel | null;
    /** The file's own properties, kept for storage. */
    source: Record<string, unknown>;
  };
  /** WGS84. */
  geometry: AreaGeometry;
}

export interface ImportError {
  /** Index of the feature in the file; null for problems of the whole file. */
  index: number | null;
  id: string | null;
  name: string | null;
  at: LonLat | null;
  /** 中文 / English. */
  message: string;
}

export type ImportResult = { ok: true; features: PartitionFeature[] } | { ok: false; errors: ImportError[] };

const ID = /^[\w.-]{1,32}$/;

export function importPartition(text: string, options: ImportOptions): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = (error as Error).message;
    return fail({ index: null, id: null, name: null, at: null, message: `文件不是有效的 JSON:${detail} / not valid JSON: ${detail}` });
  }
  const root = record(data);
  if (root?.type !== 'FeatureCollection' || !Array.isArray(root.features)) {
    const type = JSON.stringify(root?.type ?? null);
    return fail({ index: null, id: null, name: null, at: null, message: `文件类型 ${type} 不是 FeatureCollection / file type ${type} is not a FeatureCollection with features` });
  }
  const errors: ImportError[] = [];
  const features: PartitionFeature[] = [];
  root.features.forEach((raw: unknown, index: number) => {
    const feature = importFeature(raw, index, options, errors);
    if (feature) features.push(feature);
  });
  if (errors.length === 0) checkIds(features, options.partition, errors);
  return errors.length === 0 ? { ok: true, features } : { ok: false, errors };
}

/** Reads a file and imports it; a file that cannot be read is one more error, not a throw. */
export function importPartitionFile(path: string, options: ImportOptions): ImportResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const detail = (error as Error).message;
    return fail({ index: null, id: null, name: null, at: null, message: `无法读取文件 ${path}:${detail} / cannot read ${path}: ${detail}` });
  }
  return importPartition(text, options);
}

const fail = (error: ImportError): ImportResult => ({ ok: false, errors: [error] });
const record = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/** An id from `id`, DataV's `adcode` or the feature's own id; numbers become strings. */
function idOf(properties: Record<string, unknown>, feature: Record<string, unknown>): string | null {
  const id = properties.id ?? properties.adcode ?? feature.id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : null;
}

function importFeature(raw: unknown, index: number, options: ImportOptions, errors: ImportError[]): PartitionFeature | null {
  const feature = record(raw);
  const properties = record(feature?.properties) ?? {};
  const id = feature ? idOf(properties, feature) : null;
  const name = typeof properties.name === 'string' && properties.name.trim() !== '' ? properties.name.trim() : null;
  const who = `要素 ${describe(index, id, name)}`;
  const whoEn = `feature ${describe(index, id, name)}`;
  const report = (at: LonLat | null, zh: string, en: string) => {
    const where = at ? `,位于 ${place(at)}` : '';
    const whereEn = at ? ` at ${place(at)}` : '';
    errors.push({ index, id, name, at, message: `${who}${zh}${where} / ${whoEn}: ${en}${whereEn}` });
    return null;
  };
  if (feature?.type !== 'Feature') return report(null, ' 不是 Feature', 'is not a Feature');
  const geometry = record(feature.geometry);
  const shape = readGeometry(geometry);
  if (typeof shape === 'string') {
    const type = JSON.stringify(geometry?.type ?? null);
    return shape === 'type'
      ? report(firstPosition(geometry), ` 的几何类型 ${type} 不是 Polygon 或 MultiPolygon`, `geometry type ${type} is not Polygon or MultiPolygon`)
      : report(null, ' 的坐标结构无效', `geometry coordinates are not ${String(geometry?.type)} coordinates`);
  }
  const errorsBefore = errors.length;
  if (id === null) report(firstPosition(geometry), ' 缺少编号(id / adcode)', 'has no id (properties.id or adcode)');
  else if (!ID.test(id)) report(firstPosition(geometry), ` 的编号 ${id} 无效(1–32 个字母、数字、_ . -)`, `id ${id} is not 1–32 letters, digits, _ . -`);
  if (name === null) report(firstPosition(geometry), ' 缺少名称(name)', 'has no name');

  for (const [p, polygon] of shape.entries()) {
    for (const [r, ring] of polygon.entries()) {
      const which = `多边形 ${p + 1} 环 ${r + 1}`;
      const whichEn = `polygon ${p} ring ${r}`;
      if (ring.length < 4) report(ring[0] ?? null, ` ${which}只有 ${ring.length} 个点,至少需要 4 个`, `${whichEn} has ${ring.length} positions, needs at least 4`);
      const bad = ring.find(([lon, lat]) => !(Math.abs(lon) <= 180 && Math.abs(lat) <= 90));
      if (bad) {
        const swapped = Math.abs(bad[0]) <= 90 && Math.abs(bad[1]) <= 180;
        report(null, ` ${which}的坐标 [${bad.join(', ')}] 超出经纬度范围${swapped ? '(疑似纬度、经度顺序颠倒,应为 [经度, 纬度])' : ''}`,
          `${whichEn} position [${bad.join(', ')}] is out of range${swapped ? ' (latitude and longitude look swapped; GeoJSON is [lon, lat])' : ''}`);
        continue;
      }
      const [first, last] = [ring[0], ring.at(-1)];
      if (first && last && (first[0] !== last[0] || first[1] !== last[1])) report(last, ` ${which}未闭合(首尾坐标不同)`, `${whichEn} is not closed (first and last positions differ)`);
    }
  }
  if (errors.length > errorsBefore) return null;

  const convert = (p: [number, number]): [number, number] => {
    if (options.crs === 'wgs84') return p;
    const [lon, lat] = gcj02ToWgs84(p);
    return [round7(lon), round7(lat)];
  };
  const polygons = shape.map((polygon) => polygon.map((ring) => ring.map(convert)));
  for (const [p, polygon] of polygons.entries()) {
    for (const [r, ring] of polygon.entries()) {
      const crossings = ringSelfIntersections(ring).filter((x) => x.relation !== 'touch');
      if (crossings.length > 0) {
        report(crossings[0]!.at, ` 多边形 ${p + 1} 环 ${r + 1}自相交 ${crossings.length} 处`, `polygon ${p} ring ${r} intersects itself in ${crossings.length} place(s), first`);
      }
    }
  }
  if (errors.length > errorsBefore) return null;

  const cityOps = options.partition === 'cityOps';
  const parentId = cityOps && (typeof properties.parentId === 'string' || typeof properties.parentId === 'number') ? String(properties.parentId) : null;
  const level = cityOps ? GridLevel.safeParse(properties.level) : null;
  return {
    type: 'Feature',
    properties: { id: id!, name: name!, parentId, level: level?.success ? level.data : null, source: properties },
    geometry: geometryOf(feature.geometry as { type: string }, polygons),
  };
}

/** The polygons of a Polygon or MultiPolygon with well-formed positions; 'type' or 'shape' when it is not one. */
function readGeometry(geometry: Record<string, unknown> | null): PolygonCoordinates[] | 'type' | 'shape' {
  const type = geometry?.type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') return 'type';
  const isPosition = (p: unknown): p is [number, number] => Array.isArray(p) && p.length >= 2 && p.every((v) => typeof v === 'number' && Number.isFinite(v));
  const isPolygon = (rings: unknown) => Array.isArray(rings) && rings.length > 0 && rings.every((ring) => Array.isArray(ring) && ring.every(isPosition));
  const coordinates = geometry!.coordinates;
  const polygons = type === 'Polygon' ? [coordinates] : coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0 || !polygons.every(isPolygon)) return 'shape';
  // Extra dimensions (altitude) are dropped.
  return (polygons as number[][][][]).map((rings) => rings.map((ring) => ring.map(([lon, lat]): [number, number] => [lon!, lat!])));
}

function geometryOf(original: { type: string }, polygons: PolygonCoordinates[]): AreaGeometry {
  return original.type === 'Polygon' ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
}

/** The first position anywhere in a geometry's coordinates, if it looks like one. */
function firstPosition(geometry: Record<string, unknown> | null): LonLat | null {
  let at: unknown = geometry?.coordinates;
  while (Array.isArray(at) && Array.isArray(at[0])) at = at[0];
  return Array.isArray(at) && typeof at[0] === 'number' && typeof at[1] === 'number' ? [at[0], at[1]] : null;
}

function describe(index: number, id: string | null, name: string | null): string {
  return `${id ?? ''}${name ? `「${name}」` : ''}${id || name ? ' ' : ''}(#${index})`;
}

/** Unique ids; for city-operations grids, parents that exist, one level up, without cycles. */
function checkIds(features: readonly PartitionFeature[], partition: PartitionName, errors: ImportError[]) {
  const byId = new Map<string, { feature: PartitionFeature; index: number }>();
  const error = (index: number, f: PartitionFeature, zh: string, en: string) => {
    const at = firstPosition(f.geometry as unknown as Record<string, unknown>);
    const label = describe(index, f.properties.id, f.properties.name);
    errors.push({ index, id: f.properties.id, name: f.properties.name, at, message: `要素 ${label}${zh},位于 ${place(at!)} / feature ${label}: ${en} at ${place(at!)}` });
  };
  features.forEach((f, index) => {
    const other = byId.get(f.properties.id);
    if (other) error(index, f, ` 的编号与第 ${other.index} 个要素重复`, `duplicate id, also feature #${other.index}`);
    else byId.set(f.properties.id, { feature: f, index });
  });
  if (partition !== 'cityOps') return;
  features.forEach((f, index) => {
    const { parentId, level } = f.properties;
    if (parentId === null) return;
    const parent = byId.get(parentId)?.feature;
    if (!parent) return error(index, f, ` 的上级网格 ${parentId} 不存在`, `parent ${parentId} does not exist`);
    if (level && parent.properties.level && PARENT_LEVEL[level] !== parent.properties.level) {
      error(index, f, ` 是 ${level} 级,其上级 ${parentId} 是 ${parent.properties.level} 级`, `is a ${level} grid but its parent ${parentId} is a ${parent.properties.level} grid`);
    }
    const seen = new Set([f.properties.id]);
    for (let at: string | null = parentId; at !== null; at = byId.get(at)?.feature.properties.parentId ?? null) {
      if (seen.has(at)) return error(index, f, ' 的上级关系成环', 'its parents form a cycle');
      seen.add(at);
    }
  });
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;
