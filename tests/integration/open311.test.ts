// Open311 GeoReport v2 against a real hall process: every response is checked against the published JSON
// Schemas (shared/data/open311/json-schema), bad requests are refused by name and store nothing, and a
// real Boston 311 export replays into cases with their true times, SLA and state.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY_FILE } from '../../electron/hall/open311/api-key.ts';
import { ingestFeed } from '../../electron/hall/open311/feed-ingest.ts';
import { DEMO_SITE } from '../helpers/demo-site.ts';
import { FeedError, readBoston311Csv, readOpen311Json } from '../../electron/hall/open311/feed-records.ts';
import { createEventLog } from '../../electron/hall/event-log.ts';
import { loadCases } from '../../electron/hall/store/case-table.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { startHall, tempDataDir, type HallProcess } from '../helpers/hall-process.ts';
import { SHARED_DATA } from '../helpers/shared-data.ts';
import { connect } from '../helpers/ws-client.ts';

const DATA = join(SHARED_DATA, 'open311');
const BOSTON_CSV = readFileSync(join(DATA, 'real-311-samples/boston311-100.csv'));

// The schemas declare no $schema, so they are draft-07 (Ajv's default). strict: false because they are
// published as they are (e.g. minItems inside `items`), not ours to fix.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
const schema = (name: string) => JSON.parse(readFileSync(join(DATA, 'json-schema', name), 'utf8')) as object;
ajv.addSchema(schema('service.json'), 'service.json').addSchema(schema('request.json'), 'request.json');
const validServices = ajv.compile(schema('services.json'));
const validRequests = ajv.compile(schema('requests.json'));
const ErrorList = { type: 'array', minItems: 1, items: { type: 'object', required: ['code', 'description'], properties: { code: { type: 'integer' }, description: { type: 'string', minLength: 1 } } } };
const validErrors = ajv.compile(ErrorList);

function expectValid(validate: ValidateFunction, data: unknown): void {
  expect(validate(data), ajv.errorsText(validate.errors)).toBe(true);
}

let hall: HallProcess;
let apiKey: string;
const api = (path: string, init?: RequestInit) => fetch(`${hall.httpBase}/open311/v2/${path}`, init);
const headSeq = async () => ((await (await fetch(`${hall.httpBase}/healthz`)).json()) as { headSeq: number }).headSeq;
const form = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers }, body: new URLSearchParams(fields),
});

beforeAll(async () => {
  hall = await startHall({ args: ['--demo-feed', '0'] });
  apiKey = readFileSync(join(hall.dataDir, API_KEY_FILE), 'utf8').trim();
});
afterAll(() => hall.stop());

describe('Open311 GeoReport v2', () => {
  it('lists the hall categories as services', async () => {
    const res = await api('services.json');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const services = (await res.json()) as Array<Record<string, unknown>>;
    expectValid(validServices, services);
    expect(services).toContainEqual(expect.objectContaining({ service_code: 'city-appearance', service_name: '市容环境', group: '城市管理', type: 'realtime', metadata: false }));
  });

  it('takes a form-encoded request as a case, tells every LAN seat, and serves it back', async () => {
    const console1 = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
    await console1.next('snapshot');
    const res = await api('requests.json', form({ api_key: apiKey, service_code: 'city-appearance', lat: '31.0012', long: '121.2301', description: '垃圾箱满溢未清运\n已两天', account_id: 'u-42' }));
    expect(res.status).toBe(201);
    const [created] = (await res.json()) as Array<{ service_request_id: string; service_notice: string; account_id: string }>;
    expect(created).toMatchObject({ service_notice: '已上报城运中心，等待受理', account_id: 'u-42' });
    const seen = await console1.next('event', 5000, (m) => m.event.type === 'case.created' && m.event.payload.id === created!.service_request_id);
    expect(seen.event).toMatchObject({ origin: 'hall', payload: { title: '垃圾箱满溢未清运', source: 'qr', category: '市容环境', location: { lat: 31.0012, lon: 121.2301 }, state: 'reported' } });
    await console1.close();

    const one = (await (await api(`requests/${created!.service_request_id}.json?api_key=${apiKey}`)).json()) as Array<Record<string, unknown>>;
    expectValid(validRequests, one);
    expect(one[0]).toMatchObject({ service_request_id: created!.service_request_id, status: 'open', service_code: 'city-appearance', lat: 31.0012, long: 121.2301 });
    expect(one[0]!.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  });

  it('takes JSON too, and lands a request with the same Idempotency-Key once', async () => {
    const before = await headSeq();
    const post = () => api('requests.json', {
      method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'app-7f3a9c21-0001' },
      body: JSON.stringify({ api_key: apiKey, service_code: 'flood-typhoon', address_string: '中山街道 荣乐东路 路口', description: '道路积水' }),
    });
    const first = await post();
    const again = await post();
    expect([first.status, again.status]).toEqual([201, 200]);
    const [a, b] = [(await first.json()) as Array<{ service_request_id: string }>, (await again.json()) as Array<{ service_request_id: string }>];
    expect(b[0]!.service_request_id).toBe(a[0]!.service_request_id);
    expect(await headSeq()).toBe(before + 1);
  });

  it('refuses bad requests with errors that name the field, and stores nothing', async () => {
    const before = await headSeq();
    const refused = async (init: RequestInit, status: number, field: RegExp) => {
      const res = await api('requests.json', init);
      const body = await res.json();
      expect(res.status).toBe(status);
      expectValid(validErrors, body);
      expect((body as Array<{ description: string }>).map((e) => e.description).join(' | ')).toMatch(field);
    };
    const ok = { api_key: apiKey, service_code: 'noise', lat: '31', long: '121.2' };
    await refused(form({ ...ok, service_code: '' }), 400, /^service_code: required/);
    await refused(form({ ...ok, lat: '95' }), 400, /^lat: "95" is not a WGS84 latitude/);
    await refused(form({ ...ok, lat: 'north' }), 400, /^lat: "north"/);
    await refused(form({ ...ok, long: '' }), 400, /^long: required together with lat/);
    await refused(form({ api_key: apiKey, service_code: 'noise' }), 400, /^location: one of lat & long, address_string or address_id/);
    await refused(form({ ...ok, service_code: 'potholes' }), 404, /^service_code: "potholes" not found/);
    await refused(form({ ...ok, api_key: 'not-the-key' }), 403, /^api_key: missing or invalid/);
    await refused(form({ ...ok, api_key: '' }), 403, /^api_key/);
    await refused(form({ ...ok, description: 'x'.repeat(4001) }), 400, /^description: longer than 4000/);
    await refused({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' }, 400, /^content-type: "text\/plain" not accepted/);
    await refused({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"api_key":' }, 400, /^body: not valid JSON/);
    await refused(form(ok, { 'idempotency-key': 'no spaces allowed' }), 400, /^Idempotency-Key/);
    expect(await headSeq()).toBe(before);
  });

  it('guards and validates the request queries', async () => {
    expect((await api('requests.json')).status).toBe(403);
    const bad = async (query: string, field: RegExp) => {
      const res = await api(`requests.json?api_key=${apiKey}&${query}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as Array<{ description: string }>)[0]!.description).toMatch(field);
    };
    await bad('start_date=2026-11-01', /^start_date: "2026-11-01" is not a W3C date-time/);
    await bad('start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z', /^end_date: the range may not span more than 90 days/);
    await bad('status=pending', /^status: "pending"/);
    expect((await api(`requests/no-such-case.json?api_key=${apiKey}`)).status).toBe(404);
    expect((await api('requests.xml')).status).toBe(404);
    expect((await api('services.json', { method: 'DELETE' })).status).toBe(405);

    const open = (await (await api(`requests.json?api_key=${apiKey}&status=open&service_code=city-appearance,flood-typhoon`)).json()) as Array<Record<string, unknown>>;
    expectValid(validRequests, open);
    expect(open.map((r) => r.service_code).sort()).toEqual(['city-appearance', 'flood-typhoon']);
    expect(await (await api(`requests.json?api_key=${apiKey}&status=closed`)).json()).toEqual([]);
  });
});

describe('Boston 311 replay', () => {
  type Row = Record<string, string>;
  const rows = parseCsv(BOSTON_CSV, { columns: true }) as Row[];
  // Boston local times, worked out independently of the adapter: 2022 US Eastern is UTC−5, and UTC−4 from
  // 13 March 02:00 to 6 November 02:00 (daylight saving; some SLA targets fall in April).
  const est = (local: string) => {
    if (!local) return null;
    const summer = local >= '2022-03-13 02:00' && local < '2022-11-06 02:00';
    return Date.parse(`${local.replace(' ', 'T')}${summer ? '-04:00' : '-05:00'}`);
  };
  let boston: HallProcess;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = tempDataDir('hall-boston-');
    const store = openStore(join(dataDir, 'hall.db'));
    try {
      const log = createEventLog(store);
      const records = readBoston311Csv(BOSTON_CSV, 'America/New_York');
      expect(ingestFeed(log, records, DEMO_SITE, { feed: 'boston311' }).created).toHaveLength(100);
      // The same feed again lands nothing.
      const head = log.head();
      expect(ingestFeed(log, records, DEMO_SITE, { feed: 'boston311' })).toMatchObject({ created: [], alreadyThere: expect.any(Array) });
      expect(log.head()).toBe(head);
    } finally {
      store.close();
    }
    boston = await startHall({ dataDir, args: ['--demo-feed', '0'] });
  });
  afterAll(() => boston.stop());

  it('makes every row a case with its open, target and closed times and its state', async () => {
    const store = openStore(join(dataDir, 'hall.db'));
    const cases = loadCases(store);
    store.close();
    expect(cases).toHaveLength(100);
    const byExternal = new Map(cases.map((c) => [c.externalId, c]));
    for (const row of rows) {
      const c = byExternal.get(row.case_enquiry_id!)!;
      const closed = row.case_status === 'Closed';
      expect({ createdAt: c.createdAt, registeredAt: c.registeredAt, dueAt: c.dueAt ?? null, closedAt: c.closedAt, state: c.state }).toEqual({
        createdAt: est(row.open_dt!), registeredAt: est(row.open_dt!), dueAt: est(row.target_dt!), closedAt: closed ? est(row.closed_dt!) : null,
        state: closed ? 'closed' : 'registered',
      });
      expect(c.title).toBe((row.case_title || row.type)!.trim());
    }
    // Staff reports count as our own patrol: proactive discovery sees them.
    expect(cases.filter((c) => c.source === 'patrol')).toHaveLength(rows.filter((r) => r.source === 'City Worker App').length);
  });

  it('serves them from requests.json, schema-valid, with Open311 status and times', async () => {
    const key = readFileSync(join(dataDir, API_KEY_FILE), 'utf8').trim();
    const res = await fetch(`${boston.httpBase}/open311/v2/requests.json?api_key=${key}&start_date=2022-01-01T00:00:00-05:00&end_date=2022-02-01T00:00:00-05:00`);
    const served = (await res.json()) as Array<Record<string, string | null>>;
    expectValid(validRequests, served);
    expect(served).toHaveLength(100);
    const byRequested = (a: Record<string, string | null>, b: Record<string, string | null>) => Date.parse(b.requested_datetime!) - Date.parse(a.requested_datetime!);
    expect([...served].sort(byRequested)).toEqual(served);
    expect(served.filter((r) => r.status === 'closed')).toHaveLength(rows.filter((r) => r.case_status === 'Closed').length);
    const closedRow = rows.find((r) => r.case_status === 'Closed' && r.target_dt)!;
    const closedReq = served.find((r) => Date.parse(r.requested_datetime!) === est(closedRow.open_dt!) && r.service_name === closedRow.type)!;
    expect(Date.parse(closedReq.updated_datetime!)).toBe(est(closedRow.closed_dt!));
    expect(Date.parse(closedReq.expected_datetime!)).toBe(est(closedRow.target_dt!));
    expect(closedReq.updated_datetime).toMatch(/\+08:00$/);

    // What the hall serves is itself a feed another hall can take in, with the same states.
    const again = readOpen311Json(served);
    expect(again.map((r) => r.status).sort()).toEqual(served.map((r) => r.status).sort());
  });

  it('rejects a feed with a broken row whole, naming the row and field', () => {
    const broken = BOSTON_CSV.toString().replace('2022-01-19 11:42:16', '2022-01-18 11:42:16');
    expect(() => readBoston311Csv(broken, 'America/New_York')).toThrow(FeedError);
    expect(() => readBoston311Csv(broken, 'America/New_York')).toThrow(/row 3 closed_dt: before the request was made/);
    expect(() => readOpen311Json({})).toThrow(/must be a JSON array/);
    expect(() => readOpen311Json([{ service_request_id: '1', status: 'closed', service_code: 'x', requested_datetime: '2026-11-20T10:00:00+08:00' }])).toThrow(/record 0 updated_datetime: a closed request needs its closing time/);
    expect(() => readBoston311Csv(BOSTON_CSV, 'Mars/Olympus')).toThrow(/unknown time zone/);
  });
});
