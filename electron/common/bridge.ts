// What a window learns about its place in the hall. In Electron the preload exposes it as
// `window.hallBridge`; in a plain browser the renderer derives it from the URL (see renderer/src/bridge.ts).
import type { Role } from './protocol.ts';

export interface HallBridge {
  role: Role;
  /** ws://host:port/ws of the hall core. */
  wsUrl: string;
  /** http://host:port of the hall core (for /api/…). */
  httpBase: string;
  seatId: string;
  token: string;
  /** Wall windows: which monitor of the wall this window shows (0-based). */
  monitor?: number;
  /** Electron: the OS display id this window sits on. */
  displayId?: number;
}

/** The line the hall core prints (and posts to its Electron parent) once it listens. */
export interface HallReady {
  port: number;
  hallId: string;
  dataDir: string;
  seats: Array<{ id: string; role: Role; department: string; label: string; token: string }>;
}
export const HALL_READY_PREFIX = 'HALL_READY ';

/** The line the district simulator prints once it listens (electron/district/district.ts). */
export interface DistrictReady {
  port: number;
  districtId: string;
  dataDir: string;
  /** Bearer token of its admin interface. */
  adminToken: string;
  /** The token that enrols a hall not yet known (null when a halls file names every hall). */
  enrolToken: string | null;
  halls: string[];
}
export const DISTRICT_READY_PREFIX = 'DISTRICT_READY ';
