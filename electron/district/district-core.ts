// The district simulator put together: its database, the upstream protocol server and the admin interface on
// one port, the ticket feed of every hall, ticket follow-ups, the storm (CAP warnings, gauges) and the pruning
// that keeps the database from filling up.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { DistrictReady } from '../common/bridge.ts';
import { DAY, HOUR } from '../common/domain/beijing-time.ts';
import { createRng, type Rng } from '../common/prng.ts';
import { AdminError, createAdminHandler, type AdminHandlers } from './admin-api.ts';
import type { DistrictConfig } from './config.ts';
import { createDownIssuer } from './down-issuer.ts';
import { BEHAVING, activate, refusalFor, type Misbehaviour } from './misbehaviour.ts';
import { districtCredentials, loadResources } from './resources.ts';
import { ESCALATE_AFTER, gaugeReadings, rainstormAllClear, rainstormWarning, type CapRef, type StormWarningLevel } from './storm.ts';
import { openDistrictStore } from './store/database.ts';
import { countDownAfter, pruneDown } from './store/down-queue.ts';
import { enrolHall, getHall, listHalls, resetAckedDown, setAckedDown, setHallSeen, skipDownSeqPast } from './store/hall-table.ts';
import { getMeta, nextCounter, setMeta } from './store/meta-table.ts';
import { dueFollowUps, getTicket, pruneTickets, setFollowUp, ticketCounts } from './store/ticket-table.ts';
import { pruneUp, upCounts } from './store/up-messages.ts';
import { cancelReason, makeTicket, makeUpdate, ticketSeed, type TicketContext } from './ticket-maker.ts';
import { nextArrival, surgeShare, ticketShape } from './ticket-timing.ts';
import { applyUp, cancelTicket, issueTicket, updateTicket, type TicketDeps } from './tickets.ts';
import { receiveUp } from './up-inbox.ts';
import { createUpstreamServer } from './upstream-server.ts';

/** A hall whose queue holds this many unacknowledged messages gets no more generated tickets or gauge readings
 *  until it catches up (a hall that never comes back must not fill the disk). */
const MAX_QUEUED = 20_000;
/** The longest a feed timer waits before drawing again (memoryless, so the draw stays exact). */
const MAX_WAIT = HOUR;
const PRUNE_EVERY = HOUR;

interface StormState { since: number; level: StormWarningLevel; ref: CapRef; gaugeEveryS: number }

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function startDistrict(config: DistrictConfig, log: (line: string) => void) {
  const resources = loadResources(config);
  mkdirSync(config.dataDir, { recursive: true });
  const credentials = districtCredentials(config);
  const db = openDistrictStore(join(config.dataDir, 'district.db'));
  const seed = config.seed ?? randomInt(2 ** 31);
  const now = () => Date.now();

  let districtId = getMeta(db, 'district_id');
  if (!districtId) setMeta(db, 'district_id', (districtId = `district-${randomBytes(4).toString('hex')}`));
  db.writeTx(() => resources.halls.forEach((h) => enrolHall(db, h.id, hashToken(h.token), now())));

  const down = createDownIssuer(db);
  const deps: TicketDeps = { db, down, prefix: config.ticketPrefix };
  const ctx: TicketContext = { site: resources.site, addresses: { gazetteer: resources.gazetteer, heldOut: [] } };
  const shape = ticketShape(resources.profile, config.ticketRate);
  let misbehaviour: Misbehaviour = BEHAVING;

  /** A write transaction, then the new down messages sent to the halls that are connected. */
  const write = <T>(fn: () => T): T => {
    const result = db.writeTx(fn);
    for (const hallId of down.takeDirty()) upstream.pump(hallId);
    return result;
  };

  const server = createServer();
  const upstream = createUpstreamServer({
    server, db, districtId, rng: createRng(seed ^ 0x2545f491), log,
    misbehaviour: () => misbehaviour,
    authenticate(hallId, token) {
      const hall = getHall(db, hallId);
      if (hall) {
        return sameText(hall.tokenHash, hashToken(token)) ? { ok: true, ackedUp: hall.ackedUp } : { ok: false, reason: `hall ${hallId}: token not accepted` };
      }
      if (!credentials.enrolToken || !sameText(credentials.enrolToken, token)) return { ok: false, reason: `hall ${hallId} is not known here and the token does not enrol it` };
      write(() => enrolHall(db, hallId, hashToken(token), now()));
      log(`enrolled ${hallId}`);
      startFeed(hallId);
      return { ok: true, ackedUp: 0 };
    },
    helloed(hallId, ackedDown) {
      write(() => {
        setHallSeen(db, hallId, now());
        const hall = getHall(db, hallId)!;
        // The hall has stored more than this district remembers sending (its database was replaced): new
        // messages must come after what the hall has, or it would take them for resends.
        if (ackedDown >= hall.nextDownSeq) {
          log(`${hallId} says it has down seq ${ackedDown}, past our last (${hall.nextDownSeq - 1}): numbering on from there`);
          skipDownSeqPast(db, hallId, ackedDown);
        }
        resetAckedDown(db, hallId, ackedDown);
      });
    },
    receive(hallId, frames, ackedDown) {
      return write(() => {
        if (ackedDown !== null) setAckedDown(db, hallId, ackedDown);
        return receiveUp({
          db, hallId, at: now(),
          refusalFor: (kind, key) => refusalFor(misbehaviour, kind, key, now()),
          apply: (body) => applyUp(deps, hallId, body, now()),
          note: log,
        }, frames);
      });
    },
  });

  // ---- tickets ------------------------------------------------------------------------------------------------

  const feeds = new Map<string, { timer: NodeJS.Timeout | null; rng: Rng }>();
  let storm: StormState | null = getMeta(db, 'storm') ? JSON.parse(getMeta(db, 'storm')!) as StormState : null;

  const issueGenerated = (hallId: string, at: number, feedRng: Rng) => {
    const hall = getHall(db, hallId);
    if (!hall) return;
    if (countDownAfter(db, hallId, hall.ackedDown) >= MAX_QUEUED) return;
    const weather = storm !== null && feedRng.next() < surgeShare(shape);
    write(() => {
      const serial = nextCounter(db, 'generated_serial');
      const plan = makeTicket(ctx, ticketSeed(seed, serial), at, weather);
      issueTicket(deps, hallId, plan.ticket, plan.followUp, at);
    });
  };
  const schedule = (hallId: string) => {
    const feed = feeds.get(hallId);
    if (!feed) return;
    if (feed.timer) clearTimeout(feed.timer);
    feed.timer = null;
    const from = now();
    const at = nextArrival(shape, from, storm !== null, feed.rng);
    if (at === null) return;
    const wait = Math.min(at - from, MAX_WAIT);
    feed.timer = setTimeout(() => {
      try {
        if (at - from <= MAX_WAIT) issueGenerated(hallId, now(), feed.rng);
      } catch (error) {
        log(`ticket feed of ${hallId}: ${(error as Error).message}`);
      }
      schedule(hallId);
    }, wait);
    feed.timer.unref();
  };
  function startFeed(hallId: string) {
    if (feeds.has(hallId)) return;
    feeds.set(hallId, { timer: null, rng: createRng(ticketSeed(seed, parseInt(hashToken(hallId).slice(0, 8), 16))) });
    schedule(hallId);
  }
  const rescheduleAll = () => feeds.forEach((_, hallId) => schedule(hallId));

  const runFollowUps = () => {
    for (const t of dueFollowUps(db, now(), 50)) {
      write(() => {
        setFollowUp(db, t.ticketNo, null, null);
        const change = t.nextAction === 'update'
          ? updateTicket(deps, t.ticketNo, makeUpdate(ticketSeed(seed, t.reportedAt), t.dueAt, t.description), now())
          : cancelTicket(deps, t.ticketNo, cancelReason(ticketSeed(seed, t.reportedAt)), now());
        if (change) log(`follow-up of ${t.ticketNo}: ${change}`);
      });
    }
  };

  // ---- storm --------------------------------------------------------------------------------------------------

  let lastGaugeAt = 0;
  /** CAP identifiers carry the second they were entered: two warnings never share one. */
  const capTime = () => {
    const at = Math.max(now(), Number(getMeta(db, 'last_cap_at') ?? 0) + 1000);
    setMeta(db, 'last_cap_at', String(at));
    return at;
  };
  /** Warnings go to every hall; telemetry not to one that has not taken its queue for long. */
  const toEveryHall = (key: string, body: Parameters<typeof down.issue>[2], at: number, telemetry = false) =>
    listHalls(db).forEach((h) => (!telemetry || countDownAfter(db, h.id, h.ackedDown) < MAX_QUEUED) && down.issue(h.id, key, body, at));
  const saveStorm = () => setMeta(db, 'storm', storm ? JSON.stringify(storm) : '');
  const sendGauges = (at: number) => {
    if (!storm) return;
    lastGaugeAt = at;
    write(() => toEveryHall(`gauges:${at}`, { kind: 'gauge.readings', readings: gaugeReadings(at, storm!.since) }, at, true));
  };
  const setStorm = (on: boolean, gaugeEveryS = storm?.gaugeEveryS ?? 60) => {
    if (on && storm) {
      storm.gaugeEveryS = gaugeEveryS;
      write(saveStorm);
    } else if (on) {
      write(() => {
        const at = capTime();
        const warning = rainstormWarning(at, 'yellow', null);
        storm = { since: at, level: 'yellow', ref: warning.ref, gaugeEveryS };
        toEveryHall(`cap:${warning.ref.identifier}`, { kind: 'cap.alert', xml: warning.xml }, at);
        saveStorm();
      });
      log('storm on: rainstorm yellow warning issued');
      sendGauges(now());
    } else if (storm) {
      write(() => {
        const at = capTime();
        const lifted = rainstormAllClear(at, storm!.level, storm!.ref);
        toEveryHall(`cap:${lifted.ref.identifier}`, { kind: 'cap.alert', xml: lifted.xml }, at);
        storm = null;
        saveStorm();
      });
      log('storm off: warning lifted');
    }
    rescheduleAll();
  };
  const stormTick = () => {
    if (!storm) return;
    if (storm.level === 'yellow' && now() >= storm.since + ESCALATE_AFTER) {
      write(() => {
        const at = capTime();
        const raised = rainstormWarning(at, 'orange', storm!.ref);
        toEveryHall(`cap:${raised.ref.identifier}`, { kind: 'cap.alert', xml: raised.xml }, at);
        storm = { ...storm!, level: 'orange', ref: raised.ref };
        saveStorm();
      });
      log('storm: warning raised to orange');
    }
    if (now() - lastGaugeAt >= storm.gaugeEveryS * 1000) sendGauges(now());
  };

  // ---- admin --------------------------------------------------------------------------------------------------

  const hallFor = (hallId: string | undefined) => {
    if (hallId !== undefined) {
      if (!getHall(db, hallId)) throw new AdminError(404, `no hall ${hallId}`);
      return hallId;
    }
    const halls = listHalls(db);
    if (halls.length !== 1) throw new AdminError(400, `hallId: the district serves ${halls.length} halls, say which`);
    return halls[0]!.id;
  };
  const checkGrade = (urgency: string | undefined) => {
    if (urgency !== undefined && !resources.site.urgencies.some((u) => u.id === urgency)) throw new AdminError(400, `urgency: no grade ${urgency} in the site`);
  };
  const handlers: AdminHandlers = {
    status: () => ({
      districtId, at: now(), ticketRate: shape.perDay, cutUntil: upstream.cutUntil(), misbehaviour,
      storm: storm ? { on: true, since: storm.since, level: storm.level, gaugeEveryS: storm.gaugeEveryS } : { on: false },
      halls: listHalls(db).map((h) => ({
        id: h.id, connected: upstream.connected(h.id), lastSeen: h.lastSeen,
        lastDown: h.nextDownSeq - 1, ackedDown: h.ackedDown, queued: countDownAfter(db, h.id, h.ackedDown),
        ackedUp: h.ackedUp, received: upCounts(db, h.id), tickets: ticketCounts(db, h.id),
      })),
    }),
    misbehaviour: () => misbehaviour,
    setMisbehaviour(settings) {
      misbehaviour = activate(settings, now());
      log(`misbehaviour: ${JSON.stringify(settings)}`);
      upstream.pumpAll();
      return misbehaviour;
    },
    cut({ seconds }) {
      const until = upstream.cut(seconds);
      log(`cut: links dropped, refused for ${seconds} s`);
      return { until };
    },
    ticket({ hallId, followUp, ...given }) {
      const hall = hallFor(hallId);
      checkGrade(given.urgency);
      if (given.category !== undefined && !resources.site.categories.some((c) => c.name === given.category)) throw new AdminError(400, `category: no category ${given.category} in the site`);
      const at = now();
      return write(() => {
        const plan = makeTicket(ctx, ticketSeed(seed, nextCounter(db, 'generated_serial')), at, false, given);
        const ticket = issueTicket(deps, hall, { ...plan.ticket, ...given }, followUp ? { action: followUp.action, at: at + followUp.afterS * 1000 } : null, at);
        return { hallId: hall, ticket, seq: getHall(db, hall)!.nextDownSeq - 1 };
      });
    },
    updateTicket({ ticketNo, ...change }) {
      checkGrade(change.urgency);
      const refused = write(() => updateTicket(deps, ticketNo, change, now()));
      if (refused) throw new AdminError(getTicket(db, ticketNo) ? 409 : 404, refused);
      return { ticketNo };
    },
    cancelTicket({ ticketNo, reason }) {
      const refused = write(() => cancelTicket(deps, ticketNo, reason, now()));
      if (refused) throw new AdminError(getTicket(db, ticketNo) ? 409 : 404, refused);
      return { ticketNo };
    },
    storm({ on, gaugeEveryS }) {
      setStorm(on, gaugeEveryS);
      return handlers.status();
    },
  };
  server.on('request', createAdminHandler(credentials.adminToken, handlers, log));

  // ---- start --------------------------------------------------------------------------------------------------

  if (config.storm !== undefined) setStorm(config.storm === 'on');
  for (const h of listHalls(db)) startFeed(h.id);
  const prune = () => {
    const t = now();
    const removed = write(() => pruneDown(db, t - config.retainDays * DAY) + pruneUp(db, t - config.retainDays * DAY)
      + pruneTickets(db, t - config.retainDays * DAY, t - 10 * config.retainDays * DAY));
    if (removed) log(`pruned ${removed} rows older than ${config.retainDays} days`);
  };
  prune();
  const tick = setInterval(() => {
    try {
      runFollowUps();
      stormTick();
    } catch (error) {
      log(`tick: ${(error as Error).stack ?? String(error)}`);
    }
  }, 1000);
  tick.unref();
  const pruneTimer = setInterval(prune, PRUNE_EVERY);
  pruneTimer.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const ready: DistrictReady = {
    port, districtId, dataDir: config.dataDir, adminToken: credentials.adminToken, enrolToken: credentials.enrolToken,
    halls: listHalls(db).map((h) => h.id),
  };
  log(`district ${districtId} on port ${port}, seed ${seed}, ${config.ticketRate} tickets a day per hall${storm ? ', storm on' : ''}`);

  return {
    ready,
    async stop(): Promise<void> {
      clearInterval(tick);
      clearInterval(pruneTimer);
      feeds.forEach((f) => f.timer && clearTimeout(f.timer));
      upstream.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      db.close();
    },
  };
}
