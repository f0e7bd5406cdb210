// Camera tiles (视频监控): the street's cameras with their configured streams. A camera whose stream is not
// configured says so plainly instead of showing a black box.
import { useEffect, useState } from 'react';
import type { PointFeature } from '../../../electron/common/geo/layer-schema.ts';
import { useHall } from '../hall-context.tsx';
import { fetchLayers } from './map-data-api.ts';
import { useWallWords } from './wall-words.ts';

/** 3 × 3 tiles fill a 1080p monitor with pictures still large enough to see something in. */
const TILES = 9;
const RETRY_MS = 5_000;

type Camera = Extract<PointFeature['properties'], { kind: 'camera' }>;

export function CamerasPanel() {
  const { bridge } = useHall();
  const words = useWallWords();
  const [cameras, setCameras] = useState<Camera[] | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      fetchLayers(bridge, abort.signal).then(
        (layers) => setCameras(layers.points.features.flatMap((f) => (f.properties.kind === 'camera' ? [f.properties] : []))),
        () => {
          if (!abort.signal.aborted) retry = setTimeout(load, RETRY_MS);
        },
      );
    void load();
    return () => {
      abort.abort();
      clearTimeout(retry);
    };
  }, [bridge]);

  // Configured streams first: those are the pictures worth the wall's space.
  const shown = [...(cameras ?? [])].sort((a, b) => Number(b.streamUrl !== null) - Number(a.streamUrl !== null)).slice(0, TILES);
  return (
    <section className="wall-board cameras-board" data-testid="cameras-panel">
      <h2>
        {words('camerasTitle')} <span className="count">{cameras?.length ?? 0}</span> {words('camerasCount')}
      </h2>
      <ul className="camera-tiles">
        {shown.map((camera) => (
          <li key={camera.id} className="camera-tile" data-testid="camera-tile">
            {camera.streamUrl ? (
              <video src={camera.streamUrl} autoPlay muted playsInline />
            ) : (
              <p className="camera-placeholder">
                <span aria-hidden="true">◉</span> {words('noStream')}
              </p>
            )}
            <span className="camera-name">{camera.name} · {camera.road}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
