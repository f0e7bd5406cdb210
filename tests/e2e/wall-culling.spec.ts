// A wall monitor keeps in its Cesium collections only the marks that land on its canvas (canvas-window.ts):
// monitor 0 of the daily layout shows a quarter of the street, so most forces are off it. Checked against the
// hall's own force positions, projected with the page's camera: every force well inside the canvas is drawn,
// none well outside it is, and when the view moves the ones it now shows come in.
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
