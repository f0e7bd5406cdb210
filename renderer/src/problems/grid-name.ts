// A micro grid's name with its id, for persistent problems' places (the id alone until the grids have loaded).
import { useCallback } from 'react';
import { useGrids } from '../use-grids.ts';

export function useGridName(): (gridId: string) => string {
  const grids = useGrids();
  return useCallback(
    (gridId: string) => {
      const name = grids.status === 'ready' ? grids.grids.find((g) => g.properties.id === gridId)?.properties.name : undefined;
      return name ? `${name}（${gridId}）` : gridId;
    },
    [grids],
  );
}
