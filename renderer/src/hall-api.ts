// Reads from the hall core's HTTP API with this seat's bearer token (S-9: every /api call names its seat).
import type { HallBridge } from '../../electron/common/bridge.ts';

async function authorised(bridge: HallBridge, path: string, signal?: AbortSignal): Promise<Response> {
  const response = await fetch(`${bridge.httpBase}${path}`, { headers: { Authorization: `Bearer ${bridge.token}` }, signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return response;
}

export async function getJson(bridge: HallBridge, path: string, signal?: AbortSignal): Promise<unknown> {
  return (await authorised(bridge, path, signal)).json();
}

/** Fetches a file (the token cannot ride on a plain link) and hands it to the browser's save dialog. */
export async function downloadFile(bridge: HallBridge, path: string, fileName: string): Promise<void> {
  const blob = await (await authorised(bridge, path)).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
