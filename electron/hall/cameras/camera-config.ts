// Which camera plays which stream: the points layer's addresses, replaced by the site's camera file where it
// names one; and the points as seats get them, without the addresses (seats play cameras through the hall).
import type { PointCollection } from '../../common/geo/layer-schema.ts';
import { loadCameraStreams } from './camera-streams.ts';

export function cameraStreamsOf(points: PointCollection, file: string | undefined): ReadonlyMap<string, URL> {
  const cameras = points.features.flatMap(({ properties: p }) => (p.kind === 'camera' ? [p] : []));
  const fromLayer = cameras.flatMap((c) => (c.streamUrl ? [[c.id, new URL(c.streamUrl)] as const] : []));
  const fromFile = file ? loadCameraStreams(file, new Set(cameras.map((c) => c.id))) : new Map<string, URL>();
  return new Map([...fromLayer, ...fromFile]);
}

export const withoutStreamUrls = (points: PointCollection): PointCollection => ({
  ...points,
  features: points.features.map((f) => (f.properties.kind === 'camera' ? { ...f, properties: { ...f.properties, streamUrl: null } } : f)),
});
