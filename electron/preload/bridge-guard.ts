// Checks what the main process sent before it reaches the page, and copies only the HallBridge fields so
// nothing else can ride along into the renderer's world. Hand-written rather than zod: electron-vite leaves
// dependencies external, and a sandboxed preload cannot require them.
import type { HallBridge } from '../common/bridge.ts';

const ROLES: ReadonlySet<unknown> = new Set(['console', 'desk', 'wall']);

export function toHallBridge(value: unknown): HallBridge | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const strings = [v.wsUrl, v.httpBase, v.seatId, v.token].every((s) => typeof s === 'string' && s.length > 0);
  const optionalInt = (n: unknown) => n === undefined || (Number.isInteger(n) && (n as number) >= 0);
  if (!ROLES.has(v.role) || !strings || !optionalInt(v.monitor) || !optionalInt(v.displayId)) return null;
  const bridge: HallBridge = {
    role: v.role as HallBridge['role'],
    wsUrl: v.wsUrl as string,
    httpBase: v.httpBase as string,
    seatId: v.seatId as string,
    token: v.token as string,
  };
  if (v.monitor !== undefined) bridge.monitor = v.monitor as number;
  if (v.displayId !== undefined) bridge.displayId = v.displayId as number;
  return bridge;
}
