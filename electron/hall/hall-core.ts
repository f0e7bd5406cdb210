// Wires the hall core together: data folder, store, log, seats, HTTP, LAN hub, demo feed. Plain Node: the
// same code runs headless (`npm run hall`) and in Electron's utilityProcess.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HallReady } from '../common/bridge.ts';
import type { Officer } from '../common/protocol.ts';
import { CaseQuery, TimeRange, searchCases } from './case-search.ts';
import { caseCreatedSpec, executeCommands } from './commands.ts';
import type { HallConfig } from './config.ts';
import { cameraRoutes } from './cameras/camera-routes.ts';
import { loadCameraStreams } from './cameras/camera-streams.ts';
import { createStreamTickets } from './cameras/stream-tickets.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { loadDemoGrids } from './demo/demo-street.ts';
import { dateKey, dayOf } from '../common/domain/beijing-time.ts';
import { demoRoster } from '../common/domain/duty.ts';
import { caseVisibleTo } from '../common/visibility.ts';
import { createEventLog } from './event-log.ts';
import { createForcePositions } from './force-positions.ts';
import { snapshotFields } from './snapshot.ts';
import { startSuspensionEnds } from './suspension-ends.ts';
import { startDemoFeed, type FeedGrid } from './feed/demo-feed.ts';
import { staffToForce } from './feed/demo-forces.ts';
import { startForceSimulator } from './feed/force-simulation-loop.ts';
import { loadDemoLayers } from './demo/demo-layers.ts';
import type { PointCollection } from '../common/geo/layer-schema.ts';
import { gridImportRoute } from './grids/grid-import-route.ts';
import { openGridStore } from './grids/grid-store.ts';
import { createHttpServer } from './http-server.ts';
import { createLanHub } from './lan-hub.ts';
import { openOpen311Key } from './open311/api-key.ts';
import { open311Routes } from './open311/open311-routes.ts';
import { ensureProjections, loadCase, loadCases, loadForce } from './projections.ts';
import { reportRoutes } from './reports/report-routes.ts';
import { openSeats } from './seats.ts';
import { openStore, type Store } from './store/database.ts';

export interface RunningHall {
  ready: HallReady;
  stop(): Promise<void>;
}

export async function startHallCore(config: HallConfig, log: (line: string) => void, clock: () => number = Date.now): Promise<RunningHall> {
  // Before anything is created: a bad camera file stops the start like a bad flag.
  const layers = loadDemoLayers(config.resourcesDir);
  const cameraStreams = streamsOf(layers.points, config.cameras);
  mkdirSync(config.dataDir, { recursive: true });
  const releaseLock = acquireDataDirLock(config.dataDir);
  let store: Store | undefined;
  try {
    store = openStore(join(config.dataDir, 'hall.db'));
    const db = store;
    const hallId = hallIdentity(db);
    const rebuilt = ensureProjections(db);
    if (rebuilt) log(`projections rebuilt from ${rebuilt} events`);
    const events = createEventLog(db, clock);
    const seats = openSeats(db, config.dataDir);
    const grids = loadDemoGrids(config.resourcesDir);
    const gridStore = openGridStore(db, { cityOps: grids.features, police: layers.police.features, governance: layers.governance.features });
    const fixedLayers = { roads: JSON.stringify(layers.roads), rivers: JSON.stringify(layers.rivers), points: JSON.stringify(withoutStreamUrls(layers.points)) };
    const positions = createForcePositions(db);
    positions.prune(clock());
    if (!db.get('SELECT 1 FROM forces LIMIT 1')) {
      const at = clock();
      const forces = layers.staff.staff.map((m) => staffToForce(m, at));
      events.appendMany(forces.map((f) => ({ type: 'force.registered', origin: 'hall', seat: null, payload: () => f })));
      positions.record(forces.map((f) => ({ id: f.id, ...f.position!, at })));
    }
    // The demo roster starts yesterday: before 08:30 today, yesterday's night commander is on duty.
    const roster = demoRoster(dateKey(dayOf(clock()) - 1), 8);

    const commandContext = {
      log: events, loadCase: (id: string) => loadCase(db, id), loadForce: (id: string) => loadForce(db, id),
      officerAt: (seatId: string) => {
        const row = db.get<{ officer: string }>('SELECT officer FROM seat_presence WHERE seat_id = ?', seatId);
        return row ? (JSON.parse(row.officer) as Officer) : null;
      },
      now: clock,
    };
    const server = createHttpServer({
      staticDir: config.staticDir,
      seats,
      gridsJson: () => gridStore.json('cityOps'),
      mergeReportJson: () => gridStore.reportJson(),
      layersJson: () =>
        `{"police":${gridStore.json('police')},"governance":${gridStore.json('governance')},"roads":${fixedLayers.roads},"rivers":${fixedLayers.rivers},"points":${fixedLayers.points}}`,
      // A desk sees its own department's cases only (S-9), whatever it asks for.
      searchCases: (params, seat) => searchCases(db, { ...CaseQuery.parse(params), ...(seat.role === 'desk' ? { department: seat.department } : {}) }),
      caseTimelineJson: (caseId, seat) => {
        const view = loadCase(db, caseId);
        return view && caseVisibleTo(seat, view) ? `[${events.caseTimelineJson(view.id, view.no).join(',')}]` : undefined;
      },
      forceTrack: (id, params) => {
        const { from, to } = TimeRange.parse(params);
        return positions.track(id, from ?? clock() - 3600_000, to ?? clock() + 1);
      },
      health: () => ({ ok: true, hallId, headSeq: events.head(), clients: hub.clientCount() }),
      routes: [
        gridImportRoute({ grids: gridStore, seats, now: clock, log }),
        open311Routes({ events, store: db, key: openOpen311Key(config.dataDir), now: clock, broadcast: (appended) => hub.broadcast(appended), log }),
        reportRoutes({ seats, cases: () => loadCases(db), now: clock, env: process.env, log }),
        cameraRoutes({ seats, streams: cameraStreams, tickets: createStreamTickets(clock, STREAM_TICKET_MS), log }),
      ],
    });
    const hub = createLanHub({
      server, seats, hallId, log,
      head: events.head,
      tailJson: events.tailJson,
      snapshotJson: (seat) => ({ atSeq: events.head(), fields: snapshotFields(db, seat, positions, roster) }),
      executeBatch: (commands) => executeCommands(commandContext, commands, log),
      slowClientBytes: config.slowClientBytes,
      maxTail: config.maxTail,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const port = (server.address() as { port: number }).port;

    const microGrids: FeedGrid[] = grids.features
      .filter((f) => f.properties.level === 'micro')
      .map((f) => ({ id: f.properties.id, ring: f.geometry.coordinates[0]!.map(([lon, lat]) => ({ lon: lon!, lat: lat! })) }));
    const stopSimulator = startForceSimulator({
      enabled: config.demoFeed > 0, store: db, positions, clock,
      publish: (fixes) => hub.broadcastPositions(JSON.stringify(fixes)),
    });
    const stopSuspensionEnds = startSuspensionEnds({ store: db, events, now: clock, broadcast: (appended) => hub.broadcast(appended), log });
    const stopFeed = startDemoFeed({
      intervalS: config.demoFeed, grids: microGrids, seed: events.head() + 1,
      emit: (draft) => hub.broadcast(events.append(caseCreatedSpec(draft, { origin: 'upstream', seat: null, at: clock() }))),
    });

    return {
      ready: { port, hallId, dataDir: config.dataDir, seats: seats.list() },
      async stop() {
        stopFeed();
        stopSimulator();
        stopSuspensionEnds();
        await hub.close();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Idle keep-alive connections close at once; a request still in flight must not hold the shutdown.
        server.closeAllConnections();
        await closed;
        db.close();
        releaseLock();
      },
    };
  } catch (error) {
    store?.close();
    releaseLock();
    throw error;
  }
}

/** A wall keeps its camera tiles for days; it fetches fresh tickets whenever a stream drops. */
const STREAM_TICKET_MS = 12 * 3600_000;

/** Each camera's stream: from the points layer, replaced by the site's camera file where it names one. */
function streamsOf(points: PointCollection, file: string | undefined): ReadonlyMap<string, URL> {
  const cameras = points.features.flatMap(({ properties: p }) => (p.kind === 'camera' ? [p] : []));
  const fromLayer = cameras.flatMap((c) => (c.streamUrl ? [[c.id, new URL(c.streamUrl)] as const] : []));
  const fromFile = file ? loadCameraStreams(file, new Set(cameras.map((c) => c.id))) : new Map<string, URL>();
  return new Map([...fromLayer, ...fromFile]);
}

/** The points as seats get them: stream addresses stay in the hall (seats play cameras through /api/cameras). */
const withoutStreamUrls = (points: PointCollection): PointCollection => ({
  ...points,
  features: points.features.map((f) => (f.properties.kind === 'camera' ? { ...f, properties: { ...f.properties, streamUrl: null } } : f)),
});

function hallIdentity(store: Store): string {
  const row = store.get<{ value: string }>("SELECT value FROM meta WHERE key = 'hall_id'");
  if (row) return row.value;
  const id = `hall-${randomBytes(4).toString('hex')}`;
  store.run("INSERT INTO meta (key, value) VALUES ('hall_id', ?)", id);
  return id;
}
