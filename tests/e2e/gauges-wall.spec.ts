// Gauges and shelters (S-6.5) in Chromium against a real hall. Readings are posted to POST /api/gauges as a gauge
// feed would (a bad body is refused by name, nothing stored); the wall's gauges panel shows 黄浦公园 over its 4.55 m
// warning line in red — on its chart's canvas (red pixels above the line) and in its figure — and 吴淞口, under its
// line, with no red; the console shows the notice. The operator then opens 应急指挥 (Alt+0), types a shelter's
// occupancy, is told when it exceeds the capacity, reports it by clicking, and the wall's shelters panel shows it;
// a flood point reported ponding there turns amber (积) on the wall map's flood layer; a pump set faulty there is
// faulty on every other console; in emergency command a desk reports its shelter after roll call.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { MINUTE } from '../../electron/common/domain/beijing-time.ts';
import { connect } from '../helpers/ws-client.ts';
import { openSeat, SCREENS, signIn } from './closed-loop-screens.ts';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';
import { countNear, decodePng } from './png-stats.ts';
import { FLOOD_LOOK } from '../../renderer/src/wall/flood-marks.ts';

test.describe.configure({ mode: 'serial' });
const hall = hallForThisFile();
const RED = 'rgb(239, 68, 68)';

async function postReadings(body: unknown): Promise<{ status: number; answer: Record<string, unknown> }> {
  const res = await fetch(`${hall().httpBase}/api/gauges`, {
    method: 'POST', headers: { authorization: `Bearer ${hall().tokenOf('console-1')}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, answer: (await res.json()) as Record<string, unknown> };
}

/** Pixels of a canvas (as on screen) that are the chart's red, and those that are drawn at all (not background). */
async function canvasColours(canvas: Locator): Promise<{ red: number; drawn: number; total: number }> {
  const image = decodePng(await canvas.screenshot());
  let red = 0, drawn = 0;
  for (let i = 0; i < image.rgba.length; i += 4) {
    const [r, g, b] = [image.rgba[i]!, image.rgba[i + 1]!, image.rgba[i + 2]!];
    if (r > 180 && g < 110 && b < 110) red++;
    if (r + g + b > 150) drawn++;
  }
  return { red, drawn, total: image.width * image.height };
}

const card = (page: Page, gaugeId: string) => page.locator(`[data-testid="gauge-card"][data-gauge-id="${gaugeId}"]`);

test('posted readings put the over-line gauge in red on the wall, and the console says so', async ({ browser }) => {
  const commander = await connect(hall().wsUrl, { seatId: 'console-1', token: hall().tokenOf('console-1') });
  commander.send({ type: 'command', commandId: 'e2e-gauges-layout', command: { kind: 'wall.setLayout', layout: { cols: 2, rows: 1, panels: ['gauges', 'shelters'] } } });
  expect((await commander.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === 'e2e-gauges-layout', 'layout')).type).toBe('ack');
  await commander.close();

  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await context.newPage();
  await openSeat(wall, seatUrl(hall(), 'wall', 'wall-1', 0));
  await expect(wall.getByTestId('gauges-panel')).toBeVisible();
  await expect(card(wall, 'huangpu-park')).toHaveAttribute('data-over', 'none');

  // Bad bodies are refused by name and store nothing.
  expect(await postReadings('{"readings": [')).toMatchObject({ status: 400, answer: { error: expect.stringContaining('not JSON') } });
  expect(await postReadings({ readings: [{ gaugeId: 'huangpu-park', kind: 'tide', value: 'high', at: Date.now() }] })).toMatchObject({ status: 422, answer: { error: expect.stringContaining('readings.0.value') } });
  expect(await postReadings({ readings: [{ gaugeId: 'xujiahui', kind: 'tide', value: 4, at: Date.now() }] }))
    .toMatchObject({ status: 422, answer: { stored: 0, refused: [{ index: 0, reason: expect.stringContaining('no gauge xujiahui') }] } });

  // Two hours of a rising tide every ten minutes: 黄浦公园 ends over 4.55 m, 吴淞口 stays under 4.80 m.
  const now = Date.now();
  const readings = Array.from({ length: 13 }, (_, i) => [
    { gaugeId: 'huangpu-park', kind: 'tide', value: +(3.6 + i * 0.1).toFixed(2), at: now - (12 - i) * 10 * MINUTE },
    { gaugeId: 'wusongkou', kind: 'tide', value: +(3.4 + i * 0.08).toFixed(2), at: now - (12 - i) * 10 * MINUTE },
  ]).flat();
  const posted = await postReadings({ readings });
  expect(posted).toMatchObject({ status: 200, answer: { stored: 26, duplicates: 0, crossed: 1, refused: [] } });

  const over = card(wall, 'huangpu-park');
  await expect(over).toHaveAttribute('data-over', 'true');
  await expect(over.getByTestId('gauge-value')).toHaveText('4.80 m');
  await expect(over.getByTestId('gauge-state')).toHaveText('⚠ 超警戒');
  await expect(over.getByTestId('gauge-value')).toHaveCSS('color', RED);
  const under = card(wall, 'wusongkou');
  await expect(under).toHaveAttribute('data-over', 'false');
  await expect(under.getByTestId('gauge-state')).toHaveText('未超警戒');
  await expect(card(wall, 'mishidu').getByTestId('gauge-value')).toHaveText('暂无读数');

  // The charts are drawn: the over gauge's has red above its line, the other's none (and neither is blank).
  await expect.poll(async () => (await canvasColours(over.getByTestId('gauge-chart'))).red, { message: 'red pixels on the over-line chart' }).toBeGreaterThan(150);
  const overColours = await canvasColours(over.getByTestId('gauge-chart'));
  const underColours = await canvasColours(under.getByTestId('gauge-chart'));
  console.log(`over chart: ${overColours.red} red of ${overColours.total} px; under chart: ${underColours.red} red, ${underColours.drawn} drawn`);
  expect(underColours.red).toBe(0);
  expect(underColours.drawn).toBeGreaterThan(500);
  await wall.screenshot({ path: `${SCREENS}/gauges-wall.png` });

  const consolePage = await context.newPage();
  await openSeat(consolePage, seatUrl(hall(), 'console', 'console-1'));
  await expect(consolePage.getByTestId('gauge-notice')).toContainText('黄浦公园 4.80 m（警戒 4.55 m）');
  await expect(consolePage.getByTestId('gauge-notice-item')).toHaveCount(1);
  await context.close();
});

test('the operator types a shelter\'s occupancy on the console and the wall\'s shelters panel shows it', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await context.newPage();
  await openSeat(wall, seatUrl(hall(), 'wall', 'wall-1', 1));
  const row = wall.locator('[data-testid="shelter-row"][data-shelter-id="BN-01"]');
  await expect(row).toHaveAttribute('data-occupancy', '');
  await expect(row.getByTestId('shelter-figures')).toHaveText('— / 1200');
  const emptyBar = (await row.getByTestId('shelter-bar').boundingBox())!.width;

  const consolePage = await context.newPage();
  await openSeat(consolePage, seatUrl(hall(), 'console', 'console-1'));
  await consolePage.keyboard.press('Alt+Digit0');
  const section = consolePage.getByTestId('emergency-gauges');
  await expect(section).toBeVisible();
  await expect(section.locator('[data-testid="gauge-line"][data-gauge-id="huangpu-park"]')).toHaveAttribute('data-over', 'true');
  const edit = section.locator('[data-testid="shelter-edit"][data-shelter-id="BN-01"]');
  await edit.getByTestId('shelter-open').check();
  const people = edit.getByTestId('shelter-occupancy');
  await people.fill('1300');
  await edit.getByTestId('shelter-save').click();
  await expect(edit.getByTestId('shelter-outcome')).toHaveText('安置人数须为 0 至容量之间的整数');
  await expect(row).toHaveAttribute('data-occupancy', '');

  await people.fill('860');
  await edit.getByTestId('shelter-save').click();
  await expect(edit.getByTestId('shelter-outcome')).toHaveText('已报告避难场所');
  await expect(row).toHaveAttribute('data-occupancy', '860');
  await expect(row.getByTestId('shelter-figures')).toHaveText('860 / 1200');
  await expect(row).toContainText('已开放');
  await expect(wall.getByTestId('shelters-total')).toContainText('合计安置 860');
  const track = (await row.locator('.shelter-bar').boundingBox())!.width;
  const bar = (await row.getByTestId('shelter-bar').boundingBox())!.width;
  expect(emptyBar).toBe(0);
  expect(bar / track).toBeCloseTo(860 / 1200, 1);

  // Enter in the field reports too: the shelter filled up turns red on the wall.
  await people.fill('1200');
  await people.press('Enter');
  await expect(row).toHaveAttribute('data-occupancy', '1200');
  await expect(row).toHaveClass(/shelter-full/);
  await wall.screenshot({ path: `${SCREENS}/shelters-wall.png` });
  await context.close();
});

test('a flood point reported ponding on the console shows amber on the wall map\'s flood layer', async ({ browser }) => {
  test.setTimeout(180_000);
  const commander = await connect(hall().wsUrl, { seatId: 'console-1', token: hall().tokenOf('console-1') });
  commander.send({ type: 'command', commandId: 'e2e-gauges-map', command: { kind: 'wall.setLayout', layout: { cols: 1, rows: 1, panels: ['map'] } } });
  expect((await commander.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === 'e2e-gauges-map', 'layout')).type).toBe('ack');
  await commander.close();
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await context.newPage();
  await wall.goto(seatUrl(hall(), 'wall', 'wall-1', 0));
  await wall.waitForFunction(() => window.__wallReady === true, undefined, { timeout: 150_000 });
  // The map's own picture: the controls and the legend over it (which shows the colours too) are masked.
  const shot = async () => decodePng(await wall.locator('.wall-map canvas').screenshot({ mask: [wall.locator('.wall-map-controls'), wall.getByTestId('map-legend')] }));
  const amber = async () => countNear(await shot(), FLOOD_LOOK.ponding.colour, 30);
  await wall.waitForTimeout(1_500);
  const before = await amber();

  const consolePage = await context.newPage();
  await openSeat(consolePage, seatUrl(hall(), 'console', 'console-1'));
  await consolePage.getByTestId('tab-emergency').click();
  const point = consolePage.locator('[data-testid="flood-edit"][data-point-id="JS-06"]');
  await point.getByTestId('flood-status').selectOption('ponding');
  await point.getByTestId('flood-depth').fill('30');
  await point.getByTestId('flood-save').click();
  await expect(point.getByTestId('flood-outcome')).toHaveText('已报告积水点');
  await expect(point).toHaveAttribute('data-status', 'ponding');

  await expect.poll(async () => (await amber()) - before, { message: 'amber pixels added by the ponding mark', timeout: 20_000 }).toBeGreaterThan(300);
  console.log(`ponding mark: ${(await amber()) - before} amber pixels more than before (${before})`);
  await wall.screenshot({ path: `${SCREENS}/flood-layer.png` });
  await context.close();
});

test('a pump\'s status picked on the console reaches the other consoles through the hall', async ({ browser }) => {
  const context = await browser.newContext();
  const [operator, other] = [await context.newPage(), await context.newPage()];
  for (const page of [operator, other]) {
    await openSeat(page, seatUrl(hall(), 'console', 'console-1'));
    await page.getByTestId('tab-emergency').click();
  }
  const pump = (page: Page) => page.locator('[data-testid="pump-edit"][data-pump-id="PS-02"]');
  await expect(pump(other)).toHaveAttribute('data-status', 'none');
  await pump(operator).getByTestId('pump-status').selectOption('fault');
  await expect(pump(operator).getByTestId('pump-outcome')).toHaveText('已报告泵站');
  await expect(pump(other)).toHaveAttribute('data-status', 'fault');
  await expect(pump(other).getByTestId('pump-status')).toHaveValue('fault');
  await pump(other).getByTestId('pump-status').selectOption('running');
  await expect(pump(operator)).toHaveAttribute('data-status', 'running');
  await context.close();
});

test('in emergency command a desk reports its shelter\'s occupancy after roll call, and the wall shows it', async ({ browser }) => {
  const commander = await connect(hall().wsUrl, { seatId: 'console-1', token: hall().tokenOf('console-1') });
  let n = 0;
  const command = async (body: object) => {
    const commandId = `e2e-gauges-desk-${++n}`;
    commander.send({ type: 'command', commandId, command: body });
    const reply = await commander.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, commandId);
    expect(reply.type, JSON.stringify(reply)).toBe('ack');
  };
  // The switch itself is the modes screen's; here it only puts the hall in emergency command.
  await command({ kind: 'mode.switch', to: { target: { mode: 'emergency', hazard: 'rainstorm', level: 'III' }, reason: '暴雨黄色预警', drill: false }, confirmed: true });
  await command({ kind: 'wall.setLayout', layout: { cols: 1, rows: 1, panels: ['shelters'] } });
  await commander.close();

  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await context.newPage();
  await openSeat(wall, seatUrl(hall(), 'wall', 'wall-1', 0));
  const row = wall.locator('[data-testid="shelter-row"][data-shelter-id="BN-02"]');
  await expect(row).toHaveAttribute('data-occupancy', '');

  const desk = await context.newPage();
  await openSeat(desk, seatUrl(hall(), 'desk', 'desk-police'));
  const edit = desk.getByTestId('desk-flood').locator('[data-testid="shelter-edit"][data-shelter-id="BN-02"]');
  await expect(edit.getByTestId('shelter-save')).toBeDisabled();
  // Flood points and pumps are the water affairs desk's: the police desk has its shelters only.
  await expect(desk.getByTestId('desk-flood').getByTestId('flood-edit')).toHaveCount(0);
  await signIn(desk, '王建国', '031245');
  await edit.getByTestId('shelter-open').check();
  await edit.getByTestId('shelter-occupancy').fill('640');
  await edit.getByTestId('shelter-save').click();
  await expect(edit.getByTestId('shelter-outcome')).toHaveText('已报告避难场所');
  await expect(row).toHaveAttribute('data-occupancy', '640');
  await expect(row.getByTestId('shelter-figures')).toHaveText('640 / 2000');
  await context.close();
});
