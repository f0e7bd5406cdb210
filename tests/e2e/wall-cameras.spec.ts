// Camera tiles play real video through the hall. A recording is made in Chromium itself (MediaRecorder over
// an animated canvas: WebM, no file in the repository), served by a camera-like HTTP server on 127.0.0.1, and
// named in the hall's camera file with a camera whose stream is gone. The commander gives a monitor to the
// cameras; its tiles show the moving picture, say the broken stream is being reconnected, and say which
// cameras have no stream.
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { WallLayout } from '../../electron/common/domain/wall-model.ts';
import { startHall, tempDataDir, type HallProcess } from '../helpers/hall-process.ts';
import { connect } from '../helpers/ws-client.ts';
import { assertRendererBuilt, QUIET_HALL_ARGS, seatUrl } from './hall-fixture.ts';
import { decodePng, pixelStats } from './png-stats.ts';

let camera: Server | undefined;
let hall: HallProcess | undefined;
test.afterAll(async () => {
  await hall?.stop();
  camera?.close();
});

/** At least two seconds of colour bars sliding across a 320 × 180 canvas, recorded as WebM in the page: longer
 *  while the encoder has given little (a loaded machine encodes late), at most fifteen. */
async function record(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 180 });
    document.body.append(canvas); // a canvas in the page is composited, so its stream is fed every frame
    const g = canvas.getContext('2d')!;
    const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm;codecs=vp8' });
    const chunks: Blob[] = [];
    let received = 0;
    recorder.ondataavailable = (e) => {
      chunks.push(e.data);
      received += e.data.size;
    };
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start(250);
    const started = performance.now();
    await new Promise<void>((resolve) => {
      const frame = () => {
        const t = performance.now() - started;
        ['#ef4444', '#22c55e', '#3b82f6', '#eab308'].forEach((colour, i) => {
          g.fillStyle = colour;
          g.fillRect((i * 80 + t / 10) % 320, 0, 80, 180);
        });
        if (t < 2000 || (received < 20_000 && t < 15_000)) requestAnimationFrame(frame);
        else resolve();
      };
      frame();
    });
    recorder.stop();
    await stopped;
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
  });
  return Buffer.from(base64, 'base64');
}

test('a monitor given to the cameras plays their streams through the hall and says which have none or dropped', async ({ page, browser }) => {
  test.setTimeout(120_000);
  assertRendererBuilt();
  const recording = await record(page);
  expect(recording.length).toBeGreaterThan(1000);
  camera = createServer((req, res) => {
    if (req.url !== '/street-1.webm') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'video/webm', 'content-length': recording.length }).end(recording);
  }).listen(0, '127.0.0.1');
  await once(camera, 'listening');
  const port = (camera.address() as { port: number }).port;
  const file = join(tempDataDir('wall-cameras-'), 'cameras.json');
  writeFileSync(file, JSON.stringify({ 'SX-001': `http://127.0.0.1:${port}/street-1.webm`, 'SX-002': `http://127.0.0.1:${port}/gone.webm` }));
  hall = await startHall({ args: [...QUIET_HALL_ARGS, '--cameras', file] });

  const commander = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
  const layout: WallLayout = { cols: 3, rows: 2, panels: ['map', 'map', 'cameras', 'map', 'map', 'queue'] };
  commander.send({ type: 'command', commandId: 'e2e-cameras-layout', command: { kind: 'wall.setLayout', layout } });
  await commander.take((m) => m.type === 'ack' && m.commandId === 'e2e-cameras-layout', 'layout ack');
  await commander.close();

  const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const errors: string[] = [];
  wall.on('pageerror', (e) => errors.push(e.message));
  await wall.goto(seatUrl(hall, 'wall', 'wall-1', 2));
  await expect(wall.getByTestId('cameras-panel')).toBeVisible();
  const tiles = wall.getByTestId('camera-tile');
  await expect(tiles).toHaveCount(9);
  // Cameras with a stream come first.
  expect(await tiles.evaluateAll((all) => all.slice(0, 2).map((t) => t.getAttribute('data-camera')))).toEqual(['SX-001', 'SX-002']);

  const playing = wall.locator('[data-camera="SX-001"] video');
  await expect(playing).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
  expect(await playing.evaluate((v: HTMLVideoElement) => [v.videoWidth, v.videoHeight])).toEqual([320, 180]);
  // A moving picture: coloured, and different a moment later.
  const first = await playing.screenshot();
  const stats = pixelStats(decodePng(first));
  console.log(`camera tile SX-001: ${JSON.stringify(stats)}`);
  expect(stats.colourBuckets).toBeGreaterThanOrEqual(4);
  await wall.waitForTimeout(700);
  expect((await playing.screenshot()).equals(first), 'the picture moves').toBe(false);

  await expect(wall.locator('[data-camera="SX-002"]')).toContainText('视频中断，正在重连', { timeout: 15_000 });
  await expect(wall.locator('[data-camera="SX-003"]')).toContainText('未配置视频流');
  await wall.screenshot({ path: test.info().outputPath('cameras.png') });
  expect(errors).toEqual([]);
});
