// Camera tiles (视频监控): the street's cameras, those with a stream first, each playing its stream through the
// hall (which relays what the site configured for it). A camera without a stream says so plainly; one whose
// stream is still coming or has dropped says that, and a dropped one is tried again: never a black box.
import { useEffect, useRef, useState } from 'react';
import { useHall } from '../hall-context.tsx';
import { useFetched } from '../use-fetched.ts';
import { fetchCameraStreams, fetchLayers } from './map-data-api.ts';
import { useWallWords } from './wall-words.ts';

/** 3 × 3 tiles fill a 1080p monitor with pictures still large enough to see something in. */
const TILES = 9;
/** A dropped stream is asked for again (with fresh tickets) after this long. */
const RECONNECT_MS = 10_000;

export function CamerasPanel() {
  const { bridge } = useHall();
  const words = useWallWords();
  const cameras = useFetched(
    (signal) => fetchLayers(bridge, signal).then((layers) => layers.points.features.flatMap((f) => (f.properties.kind === 'camera' ? [f.properties] : []))),
    [bridge],
  );
  // Each reconnect fetches the stream addresses anew (a dropped stream may have been a ticket run out); the cameras stay.
  const [round, setRound] = useState(0);
  const streams = useFetched((signal) => fetchCameraStreams(bridge, signal), [bridge, round]);
  const reconnect = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(reconnect.current), []);

  const dropped = () => {
    reconnect.current ??= setTimeout(() => {
      reconnect.current = undefined;
      setRound((n) => n + 1);
    }, RECONNECT_MS);
  };

  // Cameras with a stream first: those are the pictures worth the wall's space.
  // Tiles once both are in: a camera is not shown as having no stream before its stream has been asked for.
  const shown = cameras && streams ? [...cameras].sort((a, b) => Number(streams.has(b.id)) - Number(streams.has(a.id))).slice(0, TILES) : [];
  return (
    <section className="wall-board cameras-board" data-testid="cameras-panel">
      <h2>
        {words('camerasTitle')} <span className="count">{cameras?.length ?? 0}</span> {words('camerasCount')}
      </h2>
      <ul className="camera-tiles">
        {shown.map((camera) => {
          const stream = streams?.get(camera.id);
          return (
            <li key={camera.id} className="camera-tile" data-testid="camera-tile" data-camera={camera.id}>
              {stream ? (
                <CameraVideo key={stream} src={`${bridge.httpBase}${stream}`} onDropped={dropped} />
              ) : (
                <p className="camera-placeholder">
                  <span aria-hidden="true">◉</span> {words('noStream')}
                </p>
              )}
              <span className="camera-name">{camera.name} · {camera.road}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

type StreamState = 'connecting' | 'playing' | 'dropped';

/** One camera's picture; a new address (fresh ticket) is a new element, connecting afresh. */
function CameraVideo({ src, onDropped }: { src: string; onDropped(): void }) {
  const words = useWallWords();
  const [state, setState] = useState<StreamState>('connecting');
  const drop = () => {
    setState('dropped');
    onDropped();
  };
  return (
    <>
      <video src={src} data-state={state} autoPlay muted playsInline loop onPlaying={() => setState('playing')} onError={drop} onEnded={drop} />
      {state === 'connecting' && <p className="camera-placeholder camera-state">{words('streamConnecting')}</p>}
      {state === 'dropped' && (
        <p className="camera-placeholder camera-state dropped">
          <span aria-hidden="true">⚠</span> {words('streamDropped')}
        </p>
      )}
    </>
  );
}
