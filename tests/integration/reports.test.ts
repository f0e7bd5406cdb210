// S-5 over HTTP against a real hall: cases made through the LAN protocol, then /api/kpi and the daily report
// downloaded as xlsx (re-read with exceljs) and PDF (text extracted with pdf.js; needs a CJK font on the PC,
// see electron/hall/reports/report-font.ts).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateKey, dayOf, DAY } from '../../electron/common/domain/beijing-time.ts';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { connect, draft, type TestClient } from '../helpers/ws-client.ts';

let hall: HallProcess;
let today: string;
const ids: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };

const get = (path: string, seat = 'console-1') => fetch(`${hall.httpBase}${path}`, { headers: { authorization: `Bearer ${hall.tokenOf(seat)}` } });

async function createCase(client: TestClient, d: Parameters<TestClient['createCase']>[0]): Promise<string> {
  const ack = await client.createCase(d);
  if (ack.type !== 'ack') throw new Error(`case not created: ${JSON.stringify(ack)}`);
  const seen = await client.next('event', 5000, (m) => m.event.seq === ack.eventSeq);
  return seen.event.type === 'case.created' ? seen.event.payload.id : '';
}

async function act(client: TestClient, caseId: string, a: Record<string, unknown>): Promise<void> {
  const commandId = `cmd-${Math.random().toString(36).slice(2, 12)}`;
  client.send({ type: 'command', commandId, command: { kind: 'case.act', caseId, act: a } });
  const reply = await client.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, commandId);
  if (reply.type !== 'ack') throw new Error(`${String(a.action)} refused: ${JSON.stringify(reply)}`);
}

beforeAll(async () => {
  hall = await startHall({ args: ['--demo-feed', '0'] });
  const console1 = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
  await console1.next('snapshot');
  // a: patrol, closed well before its ticket deadline, handled by the grid itself.
  ids.a = await createCase(console1, draft('垃圾满溢', { source: 'patrol', gridId: 'g-a', dueAt: Date.now() + DAY }));
  for (const a of [
    { action: 'register' }, { action: 'dispatch', lead: 'urban' }, { action: 'arrive' },
    { action: 'handle', note: '已清运', selfHandled: true }, { action: 'verify', passed: true }, { action: 'close' },
  ]) await act(console1, ids.a, a);
  // b: urgent video case, the police on scene at once, not yet handled (its 1-hour clock still runs).
  ids.b = await createCase(console1, draft('广告牌松动', { source: 'video', urgency: 'urgent', category: '安全隐患', gridId: 'g-b' }));
  for (const a of [{ action: 'register' }, { action: 'dispatch', lead: 'police' }, { action: 'arrive' }]) await act(console1, ids.b, a);
  // c: a 12345 ticket, registered only; d: a QR report, not yet registered.
  ids.c = await createCase(console1, draft('噪声扰民', { source: 'hotline12345', gridId: 'g-a' }));
  await act(console1, ids.c, { action: 'register' });
  ids.d = await createCase(console1, draft('路灯不亮', { source: 'qr' }));
  today = dateKey(dayOf(Date.now()));
  await console1.close();
});
afterAll(() => hall.stop());

describe('GET /api/kpi', () => {
  it('answers the figures of a period with drill-down ids on request', async () => {
    const res = await get(`/api/kpi?from=${today}&to=${today}&ids=1`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { period: { from: string }; kpis: Record<string, Record<string, unknown>> };
    expect(body.period.from).toBe(`${today}T00:00:00+08:00`);
    // Reported today: a b c d; found by patrol/video: a b. Registered: a b c; closed: a.
    expect(body.kpis.proactiveDiscovery).toMatchObject({ numerator: 2, denominator: 4, rate: 0.5, target: 0.85, met: false });
    expect(body.kpis.closure).toMatchObject({ numerator: 1, denominator: 3 });
    expect((body.kpis.closure!.denominatorIds as string[]).sort()).toEqual([ids.a, ids.b, ids.c].sort());
    expect(body.kpis.onTime).toMatchObject({ numerator: 1, denominator: 1, numeratorIds: [ids.a] });
    expect(body.kpis.urgentArrival15m).toMatchObject({ numerator: 1, denominator: 1, numeratorIds: [ids.b] });
    expect(body.kpis.urgentResult1h).toMatchObject({ numerator: 0, denominator: 0, rate: null });
    expect(body.kpis.gridSelfHandling).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('groups and ranks units, without ids unless asked', async () => {
    const res = await get(`/api/kpi?from=${today}&to=${today}&groupBy=department&rankBy=closure`, 'wall-1');
    const body = (await res.json()) as { groups: Array<{ key: string; label: string; kpis: Record<string, object> }>; ranking: Array<{ rank: number; key: string }> };
    expect(body.groups.map((g) => [g.key, g.label])).toEqual([['-', '未派单'], ['police', '派出所'], ['urban', '城管中队']]);
    expect(body.groups[0]!.kpis.closure).not.toHaveProperty('denominatorIds');
    // urban 1/1, police 0/1, '-' (c registered, not dispatched) 0/1 → ties share rank 2.
    expect(body.ranking.map((r) => [r.rank, r.key])).toEqual([[1, 'urban'], [2, '-'], [2, 'police']]);
  });

  it('refuses bad parameters by name and callers without a seat token', async () => {
    const bad = async (query: string) => ((await (await get(`/api/kpi?${query}`)).json()) as { error: string }).error;
    expect(await bad(`from=${today}&to=2026-02-30`)).toMatch(/^to: not a calendar date/);
    expect(await bad(`from=${today}&to=${today}&groupBy=year`)).toMatch(/^groupBy:/);
    expect(await bad(`from=${today}&to=${today}&rankBy=closure`)).toMatch(/^rankBy: rankBy needs groupBy/);
    expect(await bad('from=2025-01-01&to=2026-06-01')).toMatch(/^to: longer than 366 days/);
    expect(await bad(`from=${today}&to=${today}&secret=1`)).toMatch(/secret/);
    expect((await fetch(`${hall.httpBase}/api/kpi?from=${today}&to=${today}`)).status).toBe(401);
  });
});

describe('daily report', () => {
  it('is for the console only and checks its date', async () => {
    expect((await get(`/api/reports/daily.xlsx?date=${today}`, 'desk-police')).status).toBe(403);
    expect((await get(`/api/reports/daily.pdf?date=${today}`, 'wall-1')).status).toBe(403);
    const bad = await get('/api/reports/daily.xlsx?date=2026-13-01');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^date: not a calendar date/);
    expect((await get('/api/reports/daily.xlsx')).status).toBe(400);
  });

  it('exports an xlsx whose cells hold the figures, the groupings and the cases needing attention', async () => {
    const res = await get(`/api/reports/daily.xlsx?date=${today}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`daily-report-${today}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['考核指标', '按主办部门', '按网格', '按来源', '按类别', '超时及紧急案件', '未巡查网格']);
    const values = (sheet: string, row: number) => (book.getWorksheet(sheet)!.getRow(row).values as unknown[]).slice(1);
    expect(String(values('考核指标', 1)[0])).toContain(`城运中心日报 ${today}`);
    expect(values('考核指标', 3)).toEqual(['指标', '分子', '分母', '完成率', '目标', '是否达标']);
    expect(values('考核指标', 4)).toEqual(['先行发现率', 2, 4, 0.5, 0.85, '未达标']);
    expect(values('考核指标', 5)).toEqual(['结案率', 1, 3, 1 / 3, 0.97, '未达标']);
    expect(values('考核指标', 6)).toEqual(['按时办结率', 1, 1, 1, undefined, '—']);
    expect(book.getWorksheet('考核指标')!.getCell('D4').numFmt).toBe('0.0%');
    // The forces stand still (no demo feed): no micro grid is patrolled today, every one is listed as uncovered.
    expect(values('考核指标', 12)).toEqual(['巡查覆盖率', 0, 125, 0, undefined, '—']);
    expect(book.getWorksheet('未巡查网格')!.rowCount).toBe(3 + 125);
    // By department: 未派单 (c, d), 派出所 (b), 城管中队 (a); columns 上报 先行发现率 立案 结案 结案率 …
    expect(values('按主办部门', 4).slice(0, 6)).toEqual(['未派单', 2, 0, 1, 0, 0]);
    expect(values('按主办部门', 6).slice(0, 6)).toEqual(['城管中队', 1, 1, 1, 1, 1]);
    expect(values('按来源', 4)[0]).toBe('12345热线');
    // Attention: the urgent case b, open; nothing is overdue yet.
    const attention = book.getWorksheet('超时及紧急案件')!;
    expect(attention.rowCount).toBe(4);
    expect(values('超时及紧急案件', 4).slice(1, 6)).toEqual(['广告牌松动', '安全隐患', '紧急', '已到场', '派出所']);
    expect(values('超时及紧急案件', 4)[9]).toBe('紧急未办结');
  });

  it('exports a two-page PDF with the Chinese title, the figures and the charts', async () => {
    const res = await get(`/api/reports/daily.pdf?date=${today}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: bytes, verbosity: 0 }).promise;
    expect(doc.numPages).toBe(2);
    const pageText = async (n: number) => ((await (await doc.getPage(n)).getTextContent()).items as Array<{ str?: string }>).map((i) => i.str ?? '').join('');
    const first = await pageText(1);
    expect(first).toContain('城运中心日报');
    expect(first).toContain(`${today}（北京时间）`);
    expect(first).toMatch(/先行发现率\s*2\s*4\s*50\.0%\s*85\.0%\s*未达标/);
    expect(first).toContain('当日上报案件（按来源）');
    expect(first).toContain('网格巡查');
    expect(first).toMatch(/未巡查网格.*另有 \d+ 行，详见 Excel 日报「未巡查网格」工作表/);
    const second = await pageText(2);
    expect(second).toContain('按主办部门');
    expect(second).toContain('广告牌松动');
  });

  it('refuses the PDF with a clear message when no Chinese font is available', async () => {
    const noFont = await startHall({ args: ['--demo-feed', '0'], env: { HALL_REPORT_FONT: '/nonexistent/font.ttf' } });
    try {
      const res = await fetch(`${noFont.httpBase}/api/reports/daily.pdf?date=${today}`, { headers: { authorization: `Bearer ${noFont.tokenOf('console-1')}` } });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: string }).error).toContain('HALL_REPORT_FONT=/nonexistent/font.ttf');
      expect((await fetch(`${noFont.httpBase}/api/reports/daily.xlsx?date=${today}`, { headers: { authorization: `Bearer ${noFont.tokenOf('console-1')}` } })).status).toBe(200);
    } finally {
      await noFont.stop();
    }
  });
});
