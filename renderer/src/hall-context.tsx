// Hands the window's one HallClient (and its bridge) to the views; state is read with useSyncExternalStore
// so every view renders the same snapshot of the case store.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { HallBridge } from '../../electron/common/bridge.ts';
import type { HallClient, HallState } from './hall-client.ts';

interface HallContextValue {
  bridge: HallBridge;
  client: HallClient;
}

const HallContext = createContext<HallContextValue | null>(null);

export function HallProvider({ bridge, client, children }: HallContextValue & { children: ReactNode }) {
  return <HallContext value={{ bridge, client }}>{children}</HallContext>;
}

export function useHall(): HallContextValue {
  const value = useContext(HallContext);
  if (!value) throw new Error('useHall outside HallProvider');
  return value;
}

export function useHallState(): HallState {
  const { client } = useHall();
  return useSyncExternalStore(client.subscribe, client.getState);
}
