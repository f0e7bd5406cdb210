// S-2.3 through the hall: import a partition over HTTP, get the merge check's report, and store only files
// that are valid and tile cleanly. A refused file changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, startHall, type HallProcess } from '../helpers/hall-process.ts';

let hall: HallProcess;
const demo = (file: string) => readFileSync(join(REPO, 'resources/demo-street', file), 'utf8');
const post = (query: string, body: string, seat = 'console-1') =>
  fetch(`${hall.httpBase}/api/grids/import?${query}`, { method: 'POST', body, headers: { authorization: `Bearer ${hall.tokenOf(seat)}` } });
const layers = async () =>
  (await (await fetch(`${hall.httpBase}/api/layers`, { headers: { authorization: `Bearer ${hall.tokenOf('wall-1')}` } })).json()) as Record<string, { features: Array<{ properties: { id: string; name: string } }> }>;

beforeAll(async () => {
  hall = await startHall({ args: ['--demo-feed', '0'] });
});
afterAll(() => hall.stop());

describe('grid import over HTTP', () => {
  it('stores a clean partition and reports its mapping mismatches with the others', async () => {
    const renamed = demo('police.geojson').replace('"P1","name":"', '"P1","name":"新');
    const response = await post('partition=police', renamed);
    const body = (await response.json()) as { ok: boolean; stored: boolean; report: { findings: Array<{ kind: string; microId: string | null; gridIds: string[] }> } };
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ ok: true, stored: true });
    expect(body.report.findings).toContainEqual(expect.objectContaining({ kind: 'mapping', microId: 'M009', gridIds: ['P1', 'P2'] }));
    expect((await layers()).police!.features[0]!.properties.name).toMatch(/^新/);
  }, 30_000);

  it('refuses a partition that overlaps or leaves gaps, storing nothing', async () => {
    const before = JSON.stringify((await layers()).governance);
    const response = await post('partition=governance', demo('governance.geojson'));
    const body = (await response.json()) as { ok: boolean; stored: boolean; blocking: Array<{ kind: string; gridIds: string[] }> };
    expect(response.status).toBe(422);
    expect(body.stored).toBe(false);
    expect(body.blocking.map((f) => f.kind).sort()).toEqual(['gap', 'overlap']);
    expect(body.blocking.find((f) => f.kind === 'overlap')?.gridIds).toEqual(['G02', 'G03']);
    expect(JSON.stringify((await layers()).governance)).toBe(before);
  }, 30_000);

  it('serves the merge check of the current partitions for the map', async () => {
    const report = (await (await fetch(`${hall.httpBase}/api/grids/check`, { headers: { authorization: `Bearer ${hall.tokenOf('wall-1')}` } })).json()) as { findings: Array<{ kind: string; microId: string | null }> };
    expect(report.findings.some((f) => f.kind === 'mapping' && f.microId === 'M009')).toBe(true);
  }, 30_000);

  it('answers a dry run with the report only', async () => {
    const response = await post('partition=police&dryRun=1', demo('police.geojson'));
    expect(await response.json()).toMatchObject({ ok: true, stored: false });
  }, 30_000);

  it('names what is wrong with a bad file or request, and changes nothing', async () => {
    const before = JSON.stringify(await layers());
    const notJson = await post('partition=police', '{"type":');
    expect(notJson.status).toBe(422);
    expect(JSON.stringify(await notJson.json())).toMatch(/JSON/);
    const missingId = await post('partition=police', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '无编号' }, geometry: { type: 'Polygon', coordinates: [[[121.2, 31], [121.21, 31], [121.21, 31.01], [121.2, 31]]] } }] }));
    expect(missingId.status).toBe(422);
    expect(JSON.stringify(await missingId.json())).toMatch(/无编号/);
    expect((await post('partition=parks', '{}')).status).toBe(400);
    expect((await post('partition=police', demo('police.geojson'), 'desk-police')).status).toBe(403);
    expect(JSON.stringify(await layers())).toBe(before);
  }, 30_000);
});
