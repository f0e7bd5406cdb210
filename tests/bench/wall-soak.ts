// Wall heap over an accelerated day (S-8: an unattended wall runs for days). A real wall page (map monitor,
// 1280 × 720) against a real hall gets a whole day of traffic in about two minutes, injected on its WebSocket
// (Playwright routeWebSocket) in the hall's own message shapes: the hall's 200 forces reporting every 10
// simulated seconds (8 640 position messages) and ~600 cases created and taken through register → dispatch →
// arrive → handle → close (~3 600 events, each chained to the last as the hall would). The JS heap is read over
// CDP after a forced GC (HeapProfiler.collectGarbage, Runtime.getHeapUsage) once two simulated hours have
// warmed the page up, every four simulated hours after, and at the end of the following 24 hours. Closed cases
// stay in the client's store by design, so some growth is data; the target (< 10 %) is about leaks. (A heap
// snapshot diff over such a day showed most of the growth to be V8's compiled code and bytecode as more paths
// get hot, not retained objects.)
import type { Page, WebSocketRoute } from '@playwright/test';
import type { CaseView, ForceView, ServerMessage } from '../../electron/common/protocol.ts';
import { seatUrl } from '../e2e/hall-fixture.ts';
import { startHall } from '../helpers/hall-process.ts';
import { launchWallBrowser } from './wall-browser.ts';
import { LIFECYCLE, eventOf, random, streetExtent, syntheticCase, walk, type Extent } from '../helpers/wall-synthetic.ts';

export interface SoakFigures {
  startBytes: number; endBytes: number; growth: number; events: number; positionMessages: number; seconds: number;
  /** Heap after GC every READING_HOURS simulated hours from the start of the measured day. */
  readings: number[];
}

const STEP_S = 10;
const STEPS_PER_DAY = (24 * 3600) / STEP_S;
const STEPS_PER_HOUR = 3600 / STEP_S;
const WARM_UP_HOURS = 2;
const READING_HOURS = 4;
/** A new case every 144 simulated seconds: 600 a day. */
const NEW_CASE_EVERY = 14;
/** Each open case takes its next step every 200 simulated seconds. */
const ACT_EVERY = 20;
const STEPS_PER_BATCH = 24;
const BATCH_PAUSE_MS = 250;

export async function wallSoak(): Promise<SoakFigures> {
  const hall = await startHall({ args: ['--demo-feed', '0'] });
  const browser = await launchWallBrowser();
  const began = performance.now();
  try {
    const extent = await streetExtent(hall);
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const feed = new DayFeed(extent);
    await page.routeWebSocket(/\/ws$/, (ws) => feed.attach(ws));
    await page.goto(seatUrl(hall, 'wall', 'wall-1', 0));
    await page.waitForFunction(() => window.__wallReady === true, undefined, { timeout: 180_000 });

    await feed.run(page, WARM_UP_HOURS * STEPS_PER_HOUR);
    const readings = [await heapAfterGc(page)];
    for (let step = 0; step < STEPS_PER_DAY; step += READING_HOURS * STEPS_PER_HOUR) {
      await feed.run(page, READING_HOURS * STEPS_PER_HOUR);
      readings.push(await heapAfterGc(page));
    }
    const [startBytes, endBytes] = [readings[0]!, readings.at(-1)!];
    return {
      startBytes, endBytes, growth: endBytes / startBytes - 1, readings, events: feed.events, positionMessages: feed.positionMessages,
      seconds: (performance.now() - began) / 1000,
    };
  } finally {
    await browser.close();
    await hall.stop();
  }
}

/** The day's traffic, spoken to one page in place of the hall's own events and positions. */
class DayFeed {
  readonly #extent: Extent;
  readonly #rnd = random(11);
  #ws: WebSocketRoute | undefined;
  #forces: ForceView[] = [];
  #lastSeq = 0;
  #step = 0;
  #nextCase = 0;
  /** Open cases and how far along their lifecycle they are. */
  #open = new Map<string, number>();
  events = 0;
  positionMessages = 0;

  constructor(extent: Extent) {
    this.#extent = extent;
  }

  attach(ws: WebSocketRoute): void {
    this.#ws = ws;
    const server = ws.connectToServer();
    ws.onMessage((m) => server.send(m));
    server.onMessage((raw) => {
      const message = JSON.parse(String(raw)) as ServerMessage;
      if (message.type === 'snapshot') {
        this.#forces = message.forces.filter((f) => f.position !== null).map((f) => ({ ...f }));
        this.#lastSeq = message.atSeq;
      }
      // The hall's own events and positions would break our chain and double the traffic: the day is ours.
      if (message.type !== 'event' && message.type !== 'positions') ws.send(String(raw));
    });
  }

  async run(page: Page, steps: number): Promise<void> {
    for (let done = 0; done < steps; done++) {
      this.#tick();
      if (done % STEPS_PER_BATCH === STEPS_PER_BATCH - 1) await page.waitForTimeout(BATCH_PAUSE_MS);
    }
    await page.waitForTimeout(2_000);
  }

  #tick(): void {
    const at = Date.now();
    this.#send({ type: 'positions', seq: 0, positions: walk(this.#forces, this.#rnd, at) });
    this.positionMessages++;
    if (this.#step % NEW_CASE_EVERY === 0) {
      const view: CaseView = { ...syntheticCase(this.#nextCase++, this.#extent, this.#rnd, 'reported'), createdAt: at, updatedAt: at, urgency: 'general' };
      this.#event(at, { type: 'case.created', payload: view });
      this.#open.set(view.id, 0);
    }
    if (this.#step % ACT_EVERY === 0) {
      for (const [caseId, stage] of this.#open) {
        const { act, from, to } = LIFECYCLE[stage]!;
        this.#event(at, { type: 'case.transitioned', payload: { caseId, act, from, to } });
        if (stage + 1 === LIFECYCLE.length) this.#open.delete(caseId);
        else this.#open.set(caseId, stage + 1);
      }
    }
    this.#step++;
  }

  #event(at: number, body: Parameters<typeof eventOf>[2]): void {
    const seq = this.#lastSeq + 1;
    this.#send({ type: 'event', seq: 0, prev: this.#lastSeq, event: eventOf(seq, at, body) });
    this.#lastSeq = seq;
    this.events++;
  }

  #send(message: object): void {
    this.#ws?.send(JSON.stringify(message));
  }
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}
