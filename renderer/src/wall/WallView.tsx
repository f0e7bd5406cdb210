// A wall monitor (/wall?monitor=N): it shows the panel the hall's wall layout gives it and follows layout
// changes as they arrive. A panel owns its whole monitor, so nothing crosses a bezel; map monitors that touch
// share one picture (map-region.ts).
import '../styles/wall.css';
import { lazy, Suspense, useMemo, type ComponentType } from 'react';
import { panelOf, type WallPanel } from '../../../electron/common/domain/wall-model.ts';
import { useHall, useHallState } from '../hall-context.tsx';
import { CamerasPanel } from './CamerasPanel.tsx';
import { ForcesPanel } from './ForcesPanel.tsx';
import { KpiPanel } from './KpiPanel.tsx';
import { loadMapModule } from './load-map-module.ts';
import { mapRegionOf, type MapRegion } from './map-region.ts';
import { GaugesPanel } from './GaugesPanel.tsx';
import { PlanPanel } from './PlanPanel.tsx';
import { SheltersPanel } from './SheltersPanel.tsx';
import { QueuePanel } from './QueuePanel.tsx';
import { TyphoonPanel } from './TyphoonPanel.tsx';

// Cesium loads only on map monitors: a board monitor starts in a moment and stays light.
const WallMapView = lazy(() => loadMapModule().then((m) => ({ default: m.WallMapView })));

const BOARDS: Readonly<Record<Exclude<WallPanel, 'map'>, ComponentType>> = { kpi: KpiPanel, queue: QueuePanel, forces: ForcesPanel, cameras: CamerasPanel, plan: PlanPanel, typhoon: TyphoonPanel, gauges: GaugesPanel, shelters: SheltersPanel };

export function WallView() {
  const { bridge } = useHall();
  const { wall, link } = useHallState();
  const monitor = bridge.monitor ?? 0;
  const panel = panelOf(wall, monitor);
  // A new region object only when the region changed, so the map re-aims only then.
  const regionKey = JSON.stringify(mapRegionOf(wall, monitor));
  const region = useMemo(() => JSON.parse(regionKey) as MapRegion, [regionKey]);
  const Board = panel === 'map' ? null : BOARDS[panel];
  return (
    <main className={`wall-screen${link === 'live' ? '' : ' stale'}`} data-testid="wall-screen" data-panel={panel} data-monitor={monitor}>
      {Board ? (
        <Board />
      ) : (
        <Suspense>
          <WallMapView region={region} />
        </Suspense>
      )}
    </main>
  );
}
