// Builds the HallBridge each window receives: where the hall core is and which seat the window signs in as.
import type { HallBridge, HallReady } from '../common/bridge.ts';
import { WS_PATH } from '../common/protocol.ts';
import type { HallAddress } from './app-config.ts';
import type { WindowKind, WindowPlan } from './window-planner.ts';

export interface SeatCredential {
  id: string;
  token: string;
}

/** The hall role signs its console and wall windows in as the first seat of that role the hall core reports. */
export function seatForKind(ready: HallReady, kind: WindowKind): SeatCredential | undefined {
  const seat = ready.seats.find((s) => s.role === kind);
  return seat && { id: seat.id, token: seat.token };
}

export function bridgeFor(plan: WindowPlan, hall: HallAddress, seat: SeatCredential): HallBridge {
  const hostPort = `${hall.host}:${hall.port}`;
  const bridge: HallBridge = {
    role: plan.kind,
    wsUrl: `ws://${hostPort}${WS_PATH}`,
    httpBase: `http://${hostPort}`,
    seatId: seat.id,
    token: seat.token,
    displayId: plan.displayId,
  };
  if (plan.monitor !== undefined) bridge.monitor = plan.monitor;
  return bridge;
}
