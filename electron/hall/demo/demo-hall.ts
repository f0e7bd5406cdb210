// What the embedded default runs besides the hall itself (S-1.4): a demo case now and then, and the forces
// moving about. The hall runs it only with --demo on (the embedded default's setting). Everything it makes is an ordinary
// event of the log, so the hall treats it like any other; the demo feed's cases are marked as demo data.
import type { GridFeatureCollection } from '../../common/geo/grid-schema.ts';
import type { ForcePosition } from '../../common/protocol.ts';
import { caseCreatedSpec } from '../commands.ts';
import type { Appended, EventLog } from '../event-log.ts';
import type { ForcePositions } from '../force-positions.ts';
import type { Store } from '../store/database.ts';
import { startDemoFeed, type FeedGrid } from './demo-feed.ts';
import { startForceSimulator } from './force-simulation-loop.ts';

export interface DemoHallDeps {
  store: Store;
  events: EventLog;
  positions: ForcePositions;
  grids: GridFeatureCollection;
  /** Seconds between demo cases; 0: none, and the forces stand still. */
  feedIntervalS: number;
  /** The forces walk about (the demo's, with or without its own feed). */
  moveForces: boolean;
  clock(): number;
  broadcast(appended: Appended): void;
  publishPositions(fixes: ForcePosition[]): void;
}

/** Starts the demo; returns what stops it. */
export function startDemoHall(deps: DemoHallDeps): () => void {
  const microGrids: FeedGrid[] = deps.grids.features
    .filter((f) => f.properties.level === 'micro')
    .map((f) => ({ id: f.properties.id, ring: f.geometry.coordinates[0]!.map(([lon, lat]) => ({ lon: lon!, lat: lat! })) }));
  const stopSimulator = startForceSimulator({
    enabled: deps.moveForces, store: deps.store, positions: deps.positions, clock: deps.clock, publish: deps.publishPositions,
  });
  const stopFeed = startDemoFeed({
    intervalS: deps.feedIntervalS, grids: microGrids, seed: deps.events.head() + 1,
    // The hall's own demo, not the district platform: marked as demo data, not as an upstream ticket.
    emit: (draft) => deps.broadcast(deps.events.append(caseCreatedSpec({ ...draft, demo: true }, { origin: 'hall', seat: null, at: deps.clock() }))),
  });
  return () => {
    stopFeed();
    stopSimulator();
  };
}
