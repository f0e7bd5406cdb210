// Where this window sits in the hall. Electron's preload hands us `window.hallBridge`; a plain browser
// (headless tests, a desk PC without the app) derives the same facts from its URL:
//   /console?seat=console-1&token=T   /desk?seat=desk-police&token=T   /wall?monitor=0&seat=wall-1&token=T
import type { HallBridge } from '../../electron/common/bridge.ts';
import { Role, WS_PATH } from '../../electron/common/protocol.ts';

export type BridgeResult = { ok: true; bridge: HallBridge } | { ok: false; problem: string };

const tokenKey = (seatId: string) => `hall.token.${seatId}`;

export function resolveBridge(): BridgeResult {
  if (window.hallBridge) return { ok: true, bridge: window.hallBridge };
  return bridgeFromLocation();
}

function bridgeFromLocation(): BridgeResult {
  const url = new URL(window.location.href);
  const role = Role.safeParse(url.pathname.split('/').filter(Boolean)[0]);
  if (!role.success) return { ok: false, problem: `unknown page ${url.pathname}: use /console, /desk or /wall` };
  const seatId = url.searchParams.get('seat');
  if (!seatId) return { ok: false, problem: 'the URL names no seat (?seat=…)' };

  // The token is a credential: keep it for this tab only and take it out of the address bar and history.
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(tokenKey(seatId), fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url);
  }
  const token = fromUrl ?? sessionStorage.getItem(tokenKey(seatId));
  if (!token) return { ok: false, problem: `no token for seat ${seatId} (?token=…)` };

  const wsScheme = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const monitor = Number(url.searchParams.get('monitor') ?? 0);
  return {
    ok: true,
    bridge: {
      role: role.data,
      seatId,
      token,
      wsUrl: `${wsScheme}//${url.host}${WS_PATH}`,
      httpBase: url.origin,
      ...(role.data === 'wall' ? { monitor: Number.isInteger(monitor) && monitor >= 0 ? monitor : 0 } : {}),
    },
  };
}
