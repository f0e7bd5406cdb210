// The street's grids for the console and desk mini maps and the grid picker, fetched once per window.
import { useEffect, useState } from 'react';
import type { HallBridge } from '../../electron/common/bridge.ts';
import type { GridFeature } from '../../electron/common/geo/grid-schema.ts';
import { fetchApi } from './hall-api.ts';
import { useHall } from './hall-context.tsx';

export type GridsState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; grids: readonly GridFeature[] };

let loaded: Promise<readonly GridFeature[]> | null = null;

function loadGrids(bridge: HallBridge): Promise<readonly GridFeature[]> {
  loaded ??= fetchApi(bridge, 'grids').then((data) => data.features);
  loaded.catch(() => {
    loaded = null; // let the next view try again
  });
  return loaded;
}

export function useGrids(): GridsState {
  const { bridge } = useHall();
  const [state, setState] = useState<GridsState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadGrids(bridge).then(
      (grids) => live && setState({ status: 'ready', grids }),
      (error: unknown) => live && setState({ status: 'failed', message: String(error) }),
    );
    return () => {
      live = false;
    };
  }, [bridge]);
  return state;
}
