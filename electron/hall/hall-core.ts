// Wires the hall core together: data folder, store, log, seats, HTTP routes, LAN hub and, in the embedded
// default, the demo. Plain Node: the same code runs headless (`npm run hall`) and in Electron's utilityProcess.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HallReady } from '../common/bridge.ts';
import type { Health } from '../common/http-api.ts';
import { createChainAuditor } from './audit-chain.ts';
import { addressRoutes } from './address-routes.ts';
import { auditRoutes } from './audit-routes.ts';
import { caseRoutes } from './case-routes.ts';
import { cameraStreamsOf } from './cameras/camera-config.ts';
import { cameraRoutes } from './cameras/camera-routes.ts';
import { createStreamTickets } from './cameras/stream-tickets.ts';
import { executeCommands } from './commands.ts';
import type { HallConfig } from './config.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { registerStaffOnce } from './demo/demo-forces.ts';
import { startDemoHall } from './demo/demo-hall.ts';
import { seedDemoHistoryOnce } from './demo/seed-history.ts';
import { handoverRoutes } from './duty/handover-routes.ts';
import { startHandovers } from './duty/handovers.ts';
import { rosterRoutes } from './duty/roster-routes.ts';
import { DEMO_ROTATION_FILE, readRotation, seedRotationOnce } from './duty/rotation-seed.ts';
import { loadDemoAddresses, loadDemoLayers } from './demo/demo-layers.ts';
import { loadDemoGrids } from './demo/demo-street.ts';
import { buildGazetteer } from '../common/address/gazetteer.ts';
import { createEventLog } from './event-log.ts';
import { createDownApplier } from './upstream/apply-down.ts';
import { startDailyUpload } from './upstream/daily-upload.ts';
import { createOutbox } from './upstream/outbox.ts';
import { startUpstreamLink } from './upstream/upstream-link.ts';
import { createForcePositions } from './force-positions.ts';
import { gridImportRoute } from './grids/grid-import-route.ts';
import { openGridStore } from './grids/grid-store.ts';
import { hallIdentity } from './hall-identity.ts';
import { sendJson } from './http-replies.ts';
import { createHttpServer } from './http-server.ts';
import { createLanHub } from './lan-hub.ts';
import { mapRoutes } from './map-routes.ts';
import { openOpen311Key } from './open311/api-key.ts';
import { open311Routes } from './open311/open311-routes.ts';
import { emergencyRoutes } from './preplans/emergency-routes.ts';
import { modeRoutes } from './mode-routes.ts';
import { typhoonRoutes } from './typhoon/typhoon-routes.ts';
import { loadPlanLibrary } from './preplans/plan-file-load.ts';
import { reviewAfterSwitch } from './preplans/reviews.ts';
import { startSituationReports } from './preplans/situation-reports.ts';
import { problemRoutes } from './problem-routes.ts';
import { mapOnlyFeeds, warningFeed } from './reports/situation-feeds.ts';
import { streetAreaOf } from '../common/cap/street-area.ts';
import { createWarningIngest } from './emergency/warning-ingest.ts';
import { warningRoutes } from './emergency/warning-routes.ts';
import { loadWarnings } from './emergency/warning-state.ts';
import { assetPlaces } from '../common/emergency/asset-rules.ts';
import { withGaugesAndShelters } from './emergency/emergency-feeds.ts';
import { createGaugeIngest } from './emergency/gauge-ingest.ts';
import { gaugeRoutes } from './emergency/gauge-routes.ts';
import { loadAssets } from './store/asset-table.ts';
import { ensureProjections, loadMode } from './projections.ts';
import { openPatrolCoverage } from './patrol/patrol-coverage.ts';
import { patrolRoutes } from './patrol/patrol-routes.ts';
import { loadPatrolTasks } from './patrol/patrol-tasks-file.ts';
import { reportRoutes } from './reports/report-routes.ts';
import { storeReportSource } from './reports/report-source.ts';
import { openSeats } from './seats.ts';
import { snapshotFields } from './snapshot.ts';
import { loadCase } from './store/case-table.ts';
import { createKpiReader } from './store/kpi-reader.ts';
import { openStore, type Store } from './store/database.ts';
import { loadForce, loadForces } from './store/force-table.ts';
import { loadHandover } from './store/handover-table.ts';
import { officerAt } from './store/seat-table.ts';
import { openConflict } from './store/conflict-table.ts';
import { checkSiteUses, DEMO_SITE_FILE, emergencyCommandOf, loadSite } from './site-file.ts';
import { startSuspensionEnds } from './suspension-ends.ts';

export interface RunningHall {
  ready: HallReady;
  stop(): Promise<void>;
}

/** Tracks older than a week and coverage older than its keep are deleted this often (and at start). */
const HOUSEKEEPING_MS = 3600_000;
/** A wall keeps its camera tiles for days; it fetches fresh tickets whenever a stream drops. */
const STREAM_TICKET_MS = 12 * 3600_000;
/** Besides at start and on demand, the audit chain's new rows are checked this often. */
const CHAIN_CHECK_EVERY_MS = 3600_000;

export async function startHallCore(config: HallConfig, log: (line: string) => void, clock: () => number = Date.now): Promise<RunningHall> {
  // Before anything is created: a bad camera file stops the start like a bad flag.
  const layers = loadDemoLayers(config.resourcesDir);
  const cameraStreams = cameraStreamsOf(layers.points, config.cameras);
  const siteFile = config.site ?? join(config.resourcesDir, DEMO_SITE_FILE);
  const site = loadSite(siteFile);
  const patrolTasks = loadPatrolTasks(siteFile, config.site === undefined);
  if (!patrolTasks.lists) log(`no patrol task lists for this site (${patrolTasks.file})`);
  const grids = loadDemoGrids(config.resourcesDir);
  const preplans = loadPlanLibrary(siteFile, config.site === undefined, site, { points: layers.points.features, grids: grids.features });
  if (!preplans.library) log(`no pre-plans for this site (${preplans.file})`);
  const emergencyCommand = emergencyCommandOf(site, siteFile, layers.points.features);
  mkdirSync(config.dataDir, { recursive: true });
  const releaseLock = acquireDataDirLock(config.dataDir);
  let store: Store | undefined;
  try {
    const dbPath = join(config.dataDir, 'hall.db');
    store = openStore(dbPath);
    const db = store;
    const hallId = hallIdentity(db);
    const rebuilt = ensureProjections(db);
    if (rebuilt) log(`projections rebuilt from ${rebuilt} events`);
    // With a district link, what goes up is queued in the same transaction as the event that caused it.
    const outbox = config.district ? createOutbox(db, hallId, config.demo) : null;
    const events = createEventLog(db, clock, outbox?.hook);
    const seats = openSeats(db, config.dataDir);
    checkSiteUses(site, siteFile, { seats: seats.list(), staff: layers.staff.staff });
    const gridStore = openGridStore(db, { cityOps: grids.features, police: layers.police.features, governance: layers.governance.features });
    const kpis = createKpiReader(dbPath, log);
    const microGrids = grids.features.filter((f) => f.properties.level === 'micro').map((f) => ({ id: f.properties.id, ring: f.geometry.coordinates[0]! }));
    const gazetteer = buildGazetteer(loadDemoAddresses(config.resourcesDir), microGrids);
    const coverage = openPatrolCoverage(db, () => gridStore.current().cityOps);
    const positions = createForcePositions(db, coverage.fold);
    const startedAt = clock();
    registerStaffOnce(db, events, positions, layers.staff.staff, startedAt);
    // Before the tracks are pruned: what they hold is kept as coverage.
    const backfilled = coverage.backfillOnce(startedAt);
    if (backfilled) log(`patrol coverage: folded ${backfilled} stored fixes`);
    const gauges = createGaugeIngest({ store: db, events, site, now: clock, publish: (views) => hub.broadcastGauges(JSON.stringify(views)) });
    const housekeep = () => {
      positions.prune(clock());
      coverage.prune(clock());
      gauges.prune(clock());
    };
    housekeep();
    const consoleSeats = seats.list().filter((s) => s.role === 'console').map((s) => s.id);
    // The demo street comes with its duty rotation; a site of its own sets one from the console.
    if (!config.site) seedRotationOnce(db, events, readRotation(join(config.resourcesDir, DEMO_ROTATION_FILE), { hasDepartment: site.hasDepartment, consoleSeats }));
    // Before anyone connects: a newcomer's first screen already has a month behind it.
    if (config.demo) {
      seedDemoHistoryOnce({
        store: db, events, site, resourcesDir: config.resourcesDir, grids, staff: layers.staff.staff, seats: seats.list(), days: config.demoHistory, now: clock, log,
      });
    }
    // From here on what the hall does goes up (its seeded history stays home).
    outbox?.start();

    const reportSource = storeReportSource(db, kpis, site, clock);
    const commandContext = {
      log: events, loadCase: (id: string) => loadCase(db, id), loadForce: (id: string) => loadForce(db, id),
      officerAt: (seatId: string) => officerAt(db, seatId), mode: () => loadMode(db), openConflict: (id: string) => openConflict(db, id), site, gazetteer, store: db, consoleSeats, loadHandover: (key: string) => loadHandover(db, key), now: clock,
      plans: preplans.library, emergencyCommand, places: assetPlaces(layers.points.features, site.site),
    };
    // A roster change may name another commander for the shift whose brief nobody has taken over yet.
    const rosterChanged = (types: readonly string[]) => {
      if (types.some((t) => t.startsWith('roster.'))) handovers.rosterChanged();
    };
    const broadcast = (appended: Parameters<typeof hub.broadcast>[0]) => {
      hub.broadcast(appended);
      rosterChanged([appended.event.type]);
    };
    // Every warning, whichever way it comes, goes this one way; the street is the grids' as they are now.
    const ingestWarning = createWarningIngest({ events, street: () => streetAreaOf(gridStore.current().cityOps), log });
    const gridById = new Map(grids.features.map((g) => [g.properties.id, g.properties]));
    const stationNames = new Map(layers.points.features.map((p) => [p.properties.id, p.properties.name]));
    const situation = {
      store: db, events, site, plans: preplans.library, feeds: withGaugesAndShelters({ ...mapOnlyFeeds(layers.points.features), warnings: warningFeed(() => loadWarnings(db), clock) }, { site: site.site, gauges: gauges.views, shelters: () => loadAssets(db).shelters }), now: clock, broadcast, log,
      areaOf: (gridId: string) => {
        const grid = gridById.get(gridId);
        const area = grid?.level === 'micro' && grid.parentId ? gridById.get(grid.parentId) : grid;
        return area && { id: area.id, name: area.name };
      },
      stationName: (id: string) => stationNames.get(id) ?? id,
    };
    const reviews = { store: db, plans: preplans.library, positions, now: clock, log };
    const auditor = createChainAuditor({ store: db, head: events.head, now: clock, log });
    const health = (): Health => {
      const chain = auditor.status();
      return {
        ok: chain.state !== 'broken', hallId, headSeq: events.head(), clients: hub.clientCount(),
        chain: { state: chain.state, verifiedSeq: chain.verifiedSeq, brokenSeq: chain.broken?.seq ?? null },
      };
    };
    const server = createHttpServer({
      staticDir: config.staticDir,
      seats,
      log,
      routes: {
        health: ({ res }) => sendJson(res, 200, health()),
        ...mapRoutes(gridStore, layers),
        ...caseRoutes({ store: db, events, positions, now: clock }),
        ...addressRoutes(gazetteer),
        ...problemRoutes({ store: db, events }),
        ...auditRoutes(auditor),
        ...gridImportRoute({ grids: gridStore, now: clock, log }),
        ...open311Routes({ events, store: db, site, gazetteer, key: openOpen311Key(config.dataDir), now: clock, broadcast, log }),
        ...reportRoutes({
          source: reportSource, site, now: clock, env: process.env,
          patrol: (date) => {
            const grids = coverage.ofDay(date, clock());
            return grids ? { grids, forces: loadForces(db) } : undefined;
          },
        }),
        ...patrolRoutes({ coverage, tasks: patrolTasks.lists, now: clock }),
        ...cameraRoutes({ streams: cameraStreams, tickets: createStreamTickets(clock, STREAM_TICKET_MS), log }),
        ...rosterRoutes({ store: db, events, site, consoleSeats, officerAt: (seatId) => officerAt(db, seatId), now: clock, broadcast, log }),
        ...handoverRoutes({ store: db, site, env: process.env }),
        ...emergencyRoutes({ situation, reviews, env: process.env }),
        ...warningRoutes({ ingest: ingestWarning, officerAt: (seatId) => officerAt(db, seatId), broadcast }),
        ...modeRoutes(db),
        ...typhoonRoutes({ store: db, events, officerAt: (seatId) => officerAt(db, seatId), broadcast, log }),
        ...gaugeRoutes({ ingest: gauges, events, broadcast, log }),
      },
    });
    const hub = createLanHub({
      server, seats, hallId, site: site.site, demo: config.demo, log,
      upstream: () => link?.state() ?? { configured: false, online: false, since: 0, queued: 0, rejected: 0 },
      head: events.head,
      tailJson: events.tailJson,
      snapshotJson: (seat) => ({ atSeq: events.head(), fields: snapshotFields(db, seat, positions, clock(), gauges.views) }),
      executeBatch: (commands) => {
        const results = executeCommands(commandContext, commands, log);
        link?.kick();
        rosterChanged(results.flatMap((r) => (r.ok ? [r.event.type] : [])));
        reviewAfterSwitch(reviews, results.flatMap((r) => (r.ok && !r.duplicate && r.event.type === 'mode.switched' ? [r.event.seq] : [])));
        return results;
      },
      slowClientBytes: config.slowClientBytes,
      maxTail: config.maxTail,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const port = (server.address() as { port: number }).port;

    const housekeeping = setInterval(housekeep, HOUSEKEEPING_MS);
    housekeeping.unref();
    const stopSuspensionEnds = startSuspensionEnds({ store: db, events, now: clock, broadcast, log });
    // Commands and imports (which may change the roster) arrive only from here on: the listener above has
    // not yet had a turn of the event loop.
    const handovers = startHandovers({ store: db, events, site, now: clock, broadcast, log });
    const stopSituationReports = startSituationReports(situation);
    // Once the hall serves, after what the start itself appends: the check yields between pages, so seats
    // connect and act while it runs.
    auditor.check('start', 'mark');
    const chainTimer = setInterval(() => auditor.check('schedule', 'mark'), CHAIN_CHECK_EVERY_MS);
    chainTimer.unref();
    const link = config.district && config.districtToken
      ? startUpstreamLink({
        url: config.district, token: config.districtToken, hallId, store: db, events, broadcast, now: clock, log,
        applyDown: createDownApplier({ store: db, events, site, gazetteer, positions, ingestWarning, gauges, now: clock, log }),
        onState: (state) => hub.broadcastUpstream(state),
      })
      : null;
    const dailyUpload = link && startDailyUpload({ events, source: reportSource, now: clock, broadcast: (appended) => { broadcast(appended); link.kick(); }, log });
    const stopDemo = startDemoHall({
      // With a district (the simulator, in the embedded default) the cases come from it, not from the hall's own timer.
      store: db, events, positions, grids, feedIntervalS: config.demo && !config.district ? config.demoFeed : 0, moveForces: config.demo && config.demoFeed > 0, clock, broadcast,
      publishPositions: (fixes) => hub.broadcastPositions(JSON.stringify(fixes)),
    });

    return {
      ready: { port, hallId, dataDir: config.dataDir, seats: seats.list() },
      async stop() {
        stopDemo();
        dailyUpload?.stop();
        await link?.stop();
        clearInterval(housekeeping);
        stopSuspensionEnds();
        stopSituationReports();
        handovers.stop();
        clearInterval(chainTimer);
        await auditor.stop();
        await hub.close();
        await kpis.close();
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
