// A cluster's count is a billboard with an image of its figures, and a collection's texture atlas never lets
// an image go (case-layer.ts). On a busy day the counts keep changing, so after 200 different ones the count
// collection is replaced by a fresh one. Here the wall holds 20 000 cases (added to its snapshot on its
// WebSocket) and a person has taken the map; then real cases are reported through the hall into the clusters
// on the canvas, each one changing a count, until the collection is replaced (about 300 cases). Each old
// collection is destroyed; the current atlas holds no more than the limit and what is on screen; every
// cluster disc on the canvas still shows its count, and the counts went up.
import { expect, test, type Page } from '@playwright/test';
import type { ServerMessage } from '../../electron/common/protocol.ts';
import { connect, draft } from '../helpers/ws-client.ts';
import { random, streetExtent, syntheticCase } from '../helpers/wall-synthetic.ts';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';

const hall = hallForThisFile();
const CASES = 20_000;
/** case-layer.ts: MAX_COUNT_IMAGES. */
const LIMIT = 200;
/** At most; about 15 rounds make the 200 counts. */
const ROUNDS = 25;
const CLUSTERS_FED = 20;

interface CountState {
  /** Which count collection this is, 0 for the first the test saw. */
  collection: number;
  earlierDestroyed: boolean;
  counts: Array<{ image: string; lon: number; lat: number }>;
  atlasImages: number;
  discs: number;
}

/** The count collection after the next frames, seen from `height` metres over a point (or where it is). */
function countsSeen(page: Page, view?: { lon: number; lat: number; height: number }): Promise<CountState> {
  return page.evaluate((view) => new Promise<CountState>((resolve) => {
    const scene = window.__wallScene!;
    type C3 = { fromDegrees(lon: number, lat: number, h: number): unknown };
    const Cartesian3 = scene.camera.position.constructor as unknown as C3;
    if (view) scene.camera.setView({ destination: Cartesian3.fromDegrees(view.lon, view.lat, view.height) as never, orientation: { heading: 0, pitch: -Math.PI / 2, roll: 0 } });
    let frames = 0;
    const stop = scene.postRender.addEventListener(() => {
      if (++frames < 3) return scene.requestRender();
      stop();
      type Node = {
        length?: number; get?(k: number): Node; image?: string; position?: unknown; pixelSize?: number;
        textureAtlas?: { numberOfImages: number }; isDestroyed?(): boolean;
      };
      const children = (node: Node) => Array.from({ length: node.length ?? 0 }, (_, k) => node.get!(k));
      // The case layer's holder has one child: the billboards whose images are the counts.
      const holder = children(scene.primitives as never).find((p) => p.length === 1 && p.get!(0).textureAtlas !== undefined);
      const collection = holder!.get!(0);
      const w = window as { __countCollections?: Node[] };
      const seen = (w.__countCollections ??= []);
      if (!seen.includes(collection)) seen.push(collection);
      const discs = children(scene.primitives as never)
        .filter((p) => typeof p.get?.(0)?.pixelSize === 'number')
        .flatMap(children)
        .filter((dot) => dot.pixelSize! >= 28).length;
      type Carto = { longitude: number; latitude: number };
      const counts = children(collection).map((b) => {
        const at = scene.globe.ellipsoid.cartesianToCartographic(b.position as never) as Carto;
        return { image: b.image!, lon: (at.longitude * 180) / Math.PI, lat: (at.latitude * 180) / Math.PI };
      });
      resolve({ collection: seen.indexOf(collection), earlierDestroyed: seen.slice(0, -1).every((c) => c.isDestroyed!()), counts, atlasImages: collection.textureAtlas!.numberOfImages, discs });
    });
    scene.requestRender();
  }), view);
}

test('cluster counts: the count collection is replaced after 200 count images, and counts still show', async ({ page }) => {
  test.setTimeout(240_000);
  const extent = await streetExtent(hall());
  const rnd = random(11);
  await page.routeWebSocket(/\/ws$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => server.send(m));
    server.onMessage((raw) => {
      const message = JSON.parse(String(raw)) as ServerMessage;
      if (message.type !== 'snapshot') return ws.send(String(raw));
      ws.send(JSON.stringify({ ...message, cases: [...message.cases, ...Array.from({ length: CASES }, (_, i) => syntheticCase(i, extent, rnd))] }));
    });
  });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(seatUrl(hall(), 'wall', 'wall-1', 0));
  await page.waitForFunction(() => window.__wallReady === true, undefined, { timeout: 120_000 });
  // A hand on the map: the wall stops aiming its camera, and the test moves it.
  await page.locator('.wall-map canvas').dispatchEvent('wheel');
  // Monitor 0 shows the north-west quarter of the view: from over the street's centre, its north-west part.
  const before = await countsSeen(page, { lon: (extent.west + extent.east) / 2, lat: (extent.south + extent.north) / 2, height: 6_000 });
  console.log(`${before.counts.length} counts on the canvas (${before.counts.map((c) => c.image.slice(6)).join(' ')}), ${before.atlasImages} images in the atlas`);
  expect(before.counts.length).toBeGreaterThanOrEqual(CLUSTERS_FED);
  expect(before.counts.length).toBe(before.discs);

  // Clusters of hundreds, short of "999+": each new case there makes a count not drawn before.
  const fed = before.counts.filter((c) => /^count-\d+$/.test(c.image)).sort((a, b) => Number(b.image.slice(6)) - Number(a.image.slice(6))).slice(0, CLUSTERS_FED);
  let reported = 0;
  const commander = await connect(hall().wsUrl, { seatId: 'console-1', token: hall().tokenOf('console-1') });
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, { lon, lat }] of fed.entries()) {
      expect((await commander.createCase(draft(`占道经营 ${round}-${i}`, { location: { lon, lat } }))).type).toBe('ack');
    }
    // Each round's counts drawn before the next (the wall takes in a burst of events in one go).
    const now = await countsSeen(page);
    reported += fed.length;
    if (round % 5 === 4 || now.collection > 0) console.log(`round ${round + 1}: count collection ${now.collection}, ${now.atlasImages} images in its atlas`);
    if (now.collection > 0) break;
  }
  await commander.close();
  const after = await countsSeen(page);
  expect(after.collection, 'the count collection was replaced').toBeGreaterThan(0);
  console.log(`after ${reported} reports: count collection replaced ${after.collection} times, its atlas holds ${after.atlasImages} images, ${after.counts.length} counts on the canvas`);
  expect(after.earlierDestroyed, 'every replaced count collection is destroyed').toBe(true);
  expect(after.atlasImages).toBeLessThanOrEqual(LIMIT + after.counts.length);
  expect(after.counts.length, 'a count on every cluster disc on the canvas').toBe(after.discs);
  const total = (state: CountState) => state.counts.reduce((sum, c) => sum + Number(c.image.replace(/^count-/, '').replace('+', '')), 0);
  expect(total(after), 'the clusters on the canvas hold the new cases').toBeGreaterThan(total(before));
});
