// One app, three faces chosen by the window's role. The wall (and with it Cesium) loads only on walls.
import { lazy, Suspense, type ComponentType } from 'react';
import type { Role } from '../../electron/common/protocol.ts';
import { StatusBar } from './components/StatusBar.tsx';
import { ConsoleView } from './console/ConsoleView.tsx';
import { DeskView } from './desk/DeskView.tsx';
import { useHall } from './hall-context.tsx';

const WallView = lazy(() => import('./wall/WallView.tsx').then((m) => ({ default: m.WallView })));

const views: Record<Role, ComponentType> = { console: ConsoleView, desk: DeskView, wall: WallView };

export function App() {
  const { bridge } = useHall();
  const View = views[bridge.role];
  return (
    <div className={`app role-${bridge.role}`}>
      <StatusBar />
      <Suspense>
        <View />
      </Suspense>
    </div>
  );
}
