// A wall monitor keeps in its Cesium collections only the marks that land on its canvas (canvas-window.ts):
// monitor 0 of the daily layout shows a quarter of the street, so most forces are off it. Checked against the
// hall's own force positions, projected with the page's camera: every force well inside the canvas is drawn,
// none well outside it is, and when the view moves the ones it now shows come in. Also how they are drawn:
// rings from afar, arrows with numbers zoomed in (force-layer.ts).
import { expect, test, type Page } from '@playwright/test';
import { connect } from '../helpers/ws-client.ts';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';

const hall = hallForThisFile();

interface Seen { drawn: string[]; missing: string[]; outside: string[] }

/** Which forces the map draws, and which it should not or should (with a margin for a second's movement). */
function forcesSeen(page: Page, forces: Array<{ id: string; lon: number; lat: number }>): Promise<Seen> {
  return page.evaluate((all) => {
    const scene = window.__wallScene!;
    const drawn = new Set<string>();
    // Marks sit in collections, some in collections of collections (the case layer's, case-layer.ts).
    type Node = { length?: number; get?(k: number): unknown; id?: unknown };
    const visit = (node: Node) => {
      if (typeof node.id === 'string') drawn.add(node.id);
      if (node.get && node.length !== undefined) for (let k = 0; k < node.length; k++) visit(node.get(k) as Node);
    };
    visit(scene.primitives as never);
    type C3 = { fromDegrees(lon: number, lat: number, h: number): unknown };
    const Cartesian3 = scene.camera.position.constructor as unknown as C3;
    const { clientWidth: w, clientHeight: h } = scene.canvas;
    const missing: string[] = [];
    const outside: string[] = [];
    for (const f of all) {
      const at = scene.cartesianToCanvasCoordinates(Cartesian3.fromDegrees(f.lon, f.lat, 35) as never);
      const inside = at && at.x > 20 && at.y > 20 && at.x < w - 20 && at.y < h - 20;
      const farOff = !at || at.x < -150 || at.y < -150 || at.x > w + 150 || at.y > h + 150;
      if (inside && !drawn.has(f.id)) missing.push(f.id);
      if (farOff && drawn.has(f.id)) outside.push(f.id);
    }
    return { drawn: all.filter((f) => drawn.has(f.id)).map((f) => f.id), missing, outside };
  }, forces);
}

test('a wall monitor draws the forces on its canvas and only those, and takes in the others as the view moves', async ({ page }) => {
  test.setTimeout(120_000);
  const commander = await connect(hall().wsUrl, { seatId: 'console-1', token: hall().tokenOf('console-1') });
  const snapshot = await commander.next('snapshot');
  await commander.close();
  const forces = snapshot.forces.flatMap((f) => (f.position && f.status !== 'offDuty' ? [{ id: f.id, ...f.position }] : []));
  expect(forces.length).toBeGreaterThan(100);

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(seatUrl(hall(), 'wall', 'wall-1', 0));
  await page.waitForFunction(() => window.__wallReady === true, undefined, { timeout: 90_000 });

  const before = await forcesSeen(page, forces);
  console.log(`monitor 0 draws ${before.drawn.length} of ${forces.length} forces`);
  expect(before.missing, 'forces on the canvas but not drawn').toEqual([]);
  expect(before.outside, 'forces far off the canvas but drawn').toEqual([]);
  expect(before.drawn.length).toBeGreaterThan(0);
  expect(before.drawn.length, 'a quarter of the street: most forces are off this canvas').toBeLessThan(forces.length / 2);

  // The view slides east by most of a canvas, as a drag would move it; the next frame takes the change in.
  await page.evaluate(() => new Promise<void>((resolve) => {
    const scene = window.__wallScene!;
    const stop = scene.postRender.addEventListener(() => { stop(); resolve(); });
    scene.camera.moveRight(scene.camera.positionCartographic.height * 0.9);
    scene.requestRender();
  }));
  const after = await forcesSeen(page, forces);
  console.log(`after the move it draws ${after.drawn.length}, ${after.drawn.filter((id) => !before.drawn.includes(id)).length} of them new`);
  expect(after.missing, 'forces on the canvas but not drawn').toEqual([]);
  expect(after.outside, 'forces far off the canvas but drawn').toEqual([]);
  expect(after.drawn.filter((id) => !before.drawn.includes(id)).length, 'forces that came onto the canvas').toBeGreaterThan(0);
});

/** How the map draws the forces on its canvas, by id: rings (points), arrows (billboards), numbers (labels). */
function forceMarks(page: Page, forceIds: string[]): Promise<{ rings: string[]; arrows: string[]; numbers: string[] }> {
  return page.evaluate((ids) => {
    const forces = new Set(ids);
    const marks = { rings: [] as string[], arrows: [] as string[], numbers: [] as string[] };
    type Node = { length?: number; get?(k: number): unknown; id?: unknown; text?: unknown; pixelSize?: unknown; rotation?: unknown };
    const visit = (node: Node) => {
      if (typeof node.text === 'string' && forces.has(node.text)) marks.numbers.push(node.text);
      else if (typeof node.id === 'string' && forces.has(node.id) && typeof node.pixelSize === 'number') marks.rings.push(node.id);
      else if (typeof node.id === 'string' && forces.has(node.id) && typeof node.rotation === 'number') marks.arrows.push(node.id);
      if (node.get && node.length !== undefined) for (let k = 0; k < node.length; k++) visit(node.get(k) as Node);
    };
    visit(window.__wallScene!.primitives as never);
    return marks;
  }, forceIds);
}

test('forces are rings on the street view, and arrows with their numbers once the map is zoomed in', async ({ page }) => {
  test.setTimeout(120_000);
  const commander = await connect(hall().wsUrl, { seatId: 'console-1', token: hall().tokenOf('console-1') });
  const ids = (await commander.next('snapshot')).forces.map((f) => f.id);
  await commander.close();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(seatUrl(hall(), 'wall', 'wall-1', 0));
  await page.waitForFunction(() => window.__wallReady === true, undefined, { timeout: 90_000 });
  const far = await forceMarks(page, ids);
  const force = far.rings[0];
  expect(far.arrows).toEqual([]);
  expect(far.numbers).toEqual([]);
  expect(force, 'a force on monitor 0').toBeDefined();

  // Straight down from 200 m over a point south-east of the force: monitor 0 shows the north-west quarter of
  // the view (the daily layout's 2 × 2 map), where the force now is.
  await page.evaluate((id) => new Promise<void>((resolve) => {
    const scene = window.__wallScene!;
    let force: { position: unknown } | undefined;
    type Node = { length?: number; get?(k: number): unknown; id?: unknown; position?: unknown };
    const visit = (node: Node) => {
      if (node.id === id && !force) force = node as { position: unknown };
      if (node.get && node.length !== undefined) for (let k = 0; k < node.length; k++) visit(node.get(k) as Node);
    };
    visit(scene.primitives as never);
    type Cartographic = { longitude: number; latitude: number };
    const at = scene.globe.ellipsoid.cartesianToCartographic(force!.position as never) as Cartographic;
    const metre = 1 / 6_378_137;
    type C3 = { fromRadians(lon: number, lat: number, h: number): unknown };
    const Cartesian3 = scene.camera.position.constructor as unknown as C3;
    scene.camera.setView({
      destination: Cartesian3.fromRadians(at.longitude + (40 * metre) / Math.cos(at.latitude), at.latitude - 20 * metre, 200) as never,
      orientation: { heading: 0, pitch: -Math.PI / 2, roll: 0 },
    });
    let frames = 0;
    const stop = scene.postRender.addEventListener(() => { if (++frames === 2) { stop(); resolve(); } else scene.requestRender(); });
    scene.requestRender();
  }), force!);
  await expect.poll(async () => (await forceMarks(page, ids)).arrows.includes(force!), { timeout: 10_000 }).toBe(true);
  const near = await forceMarks(page, ids);
  console.log(`zoomed in: ${near.arrows.length} arrows, ${near.numbers.length} numbers, ${near.rings.length} rings`);
  expect(near.rings).toEqual([]);
  expect(near.numbers.sort()).toEqual(near.arrows.sort());
});
