// Camera streams (视频监控) as configured on site: a JSON file that gives, for cameras of the street's points
// layer, the URL the hall fetches each one's video from, e.g. {"SX-001": "http://10.8.0.21/live/1.mp4"}. The
// URLs stay in the hall core: they may carry credentials and point into the video network, which wall PCs
// need not reach; walls play a camera through the hall (camera-routes.ts).
import { z } from 'zod';
import { ConfigError } from '../config.ts';
import { readConfigFile } from '../config-file.ts';

const StreamUrl = z
  .url({ protocol: /^https?$/, error: 'not an http:// or https:// URL' })
  .transform((s) => new URL(s));
const CameraStreamsFile = z.record(z.string(), StreamUrl);

/** Reads and checks the file; every camera it names must be one of `cameras`. Throws ConfigError naming the problem. */
export function loadCameraStreams(file: string, cameras: ReadonlySet<string>): ReadonlyMap<string, URL> {
  const streams = readConfigFile(file, 'camera streams', CameraStreamsFile);
  const unknown = Object.keys(streams).filter((id) => !cameras.has(id));
  if (unknown.length) throw new ConfigError(`camera streams ${file}: no camera ${unknown.join(', ')} on the street (its cameras are ${[...cameras].slice(0, 3).join(', ')}…)`);
  return new Map(Object.entries(streams));
}
