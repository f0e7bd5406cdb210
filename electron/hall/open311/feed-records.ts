// Request feeds from other 311 systems, read into one record shape for ingest: an Open311 requests.json
// array (as a remote GeoReport v2 server returns it) or a Boston-311-style CSV export. Everything is checked
// before anything is stored; problems name the record (row) and the field.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { CaseSource, LonLat } from '../../common/domain/case-model.ts';
import { parseW3c, zonedToEpoch } from './zoned-time.ts';

export interface FeedRecord {
  /** The request's id in its own system; the case keeps it as externalId. */
  externalId: string;
  status: 'open' | 'closed';
  serviceCode: string;
  serviceName: string | null;
  title: string | null;
  description: string;
  requestedAt: number;
  closedAt: number | null;
  /** The source system's SLA target (expected_datetime, Boston target_dt). */
  expectedAt: number | null;
  address: string;
  location: LonLat | null;
  source: CaseSource | null;
  statusNotes: string | null;
}

export class FeedError extends Error {}

const MAX_PROBLEMS = 10;

function collect<T>(rows: readonly T[], read: (row: T, problem: (field: string, message: string) => void) => FeedRecord, label: (i: number) => string): FeedRecord[] {
  const problems: string[] = [];
  const records = rows.map((row, i) => read(row, (field, message) => problems.push(`${label(i)} ${field}: ${message}`)));
  const ids = new Map<string, number>();
  records.forEach((r, i) => {
    const first = ids.get(r.externalId);
    if (first !== undefined) problems.push(`${label(i)} id ${r.externalId}: same id as ${label(first)}`);
    else ids.set(r.externalId, i);
  });
  if (problems.length) {
    const more = problems.length > MAX_PROBLEMS ? ` (and ${problems.length - MAX_PROBLEMS} more)` : '';
    throw new FeedError(`feed rejected, nothing stored: ${problems.slice(0, MAX_PROBLEMS).join('; ')}${more}`);
  }
  return records;
}

/** Times must be in order: a closing or a target before the request is a broken record, not history. */
function checkTimes(r: FeedRecord, problem: (field: string, message: string) => void, names: { closed: string; expected: string }): void {
  if (r.status === 'closed' && r.closedAt === null) problem(names.closed, 'a closed request needs its closing time');
  if (r.closedAt !== null && r.closedAt < r.requestedAt) problem(names.closed, 'before the request was made');
  if (r.expectedAt !== null && r.expectedAt <= r.requestedAt) problem(names.expected, 'not after the request was made');
}

// ---- Open311 requests.json ---------------------------------------------------------------------------------

const w3c = z.string().refine((s) => parseW3c(s) !== undefined, 'not a W3C date-time with its time zone (e.g. 2026-11-23T14:05:00+08:00)');
const optionalText = z.string().nullish();

const Open311Record = z.object({
  service_request_id: z.union([z.string().min(1).max(80), z.number().int()]),
  status: z.enum(['open', 'closed']),
  service_code: z.string().min(1).max(80),
  service_name: optionalText,
  description: optionalText,
  status_notes: optionalText,
  requested_datetime: w3c,
  updated_datetime: w3c.nullish(),
  expected_datetime: w3c.nullish(),
  address: optionalText,
  lat: z.number().min(-90).max(90).nullish(),
  long: z.number().min(-180).max(180).nullish(),
});

/** Records of a GeoReport v2 requests.json; the closing time of a closed request is its updated_datetime. */
export function readOpen311Json(data: unknown): FeedRecord[] {
  if (!Array.isArray(data)) throw new FeedError('feed rejected, nothing stored: requests.json must be a JSON array of service requests');
  return collect(data, (row, problem) => {
    const parsed = Open311Record.safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 3)) problem(issue.path.join('.') || '(record)', issue.message);
      return { externalId: '', status: 'open', serviceCode: '', serviceName: null, title: null, description: '', requestedAt: 0, closedAt: null, expectedAt: null, address: '', location: null, source: null, statusNotes: null };
    }
    const r = parsed.data;
    const time = (s: string | null | undefined) => (s ? Date.parse(s) : null);
    const record: FeedRecord = {
      externalId: String(r.service_request_id), status: r.status, serviceCode: r.service_code, serviceName: r.service_name ?? null, title: null,
      description: r.description ?? '', requestedAt: Date.parse(r.requested_datetime), closedAt: r.status === 'closed' ? time(r.updated_datetime) : null,
      expectedAt: time(r.expected_datetime), address: r.address ?? '', statusNotes: r.status_notes ?? null, source: null,
      location: r.lat != null && r.long != null ? { lat: r.lat, lon: r.long } : null,
    };
    checkTimes(record, problem, { closed: 'updated_datetime', expected: 'expected_datetime' });
    return record;
  }, (i) => `record ${i}`);
}

// ---- Boston 311 CSV ----------------------------------------------------------------------------------------

/** Boston's intake channels: staff reports count as our own patrol (先行发现), app reports as citizen self-report. */
const BOSTON_SOURCES: Readonly<Record<string, CaseSource>> = {
  'City Worker App': 'patrol', 'Employee Generated': 'patrol', 'Citizens Connect App': 'qr', 'Self Service': 'qr', 'Constituent Call': 'hotline12345',
};
const BOSTON_COLUMNS = ['case_enquiry_id', 'open_dt', 'target_dt', 'closed_dt', 'case_status', 'case_title', 'type', 'reason', 'location', 'latitude', 'longitude', 'source'];

/** Rows of a Boston 311 CSV export, whose times are local wall-clock times in `timeZone` (America/New_York). */
export function readBoston311Csv(csv: string | Buffer, timeZone: string): FeedRecord[] {
  let rows: Array<Record<string, string>>;
  try {
    rows = parse(csv, { columns: true, skip_empty_lines: true, bom: true });
  } catch (error) {
    throw new FeedError(`feed rejected, nothing stored: not a readable CSV: ${(error as Error).message}`);
  }
  const missing = BOSTON_COLUMNS.filter((c) => rows.length && !(c in rows[0]!));
  if (missing.length) throw new FeedError(`feed rejected, nothing stored: CSV lacks the column(s) ${missing.join(', ')}`);
  return collect(rows, (row, problem) => {
    const text = (name: string) => (row[name] ?? '').trim();
    const time = (name: string) => {
      if (!text(name)) return null;
      const at = zonedToEpoch(text(name), timeZone);
      if (at === undefined) problem(name, `${JSON.stringify(text(name))} is not a date-time YYYY-MM-DD HH:mm:ss`);
      return at ?? null;
    };
    const status = text('case_status').toLowerCase();
    if (status !== 'open' && status !== 'closed') problem('case_status', `${JSON.stringify(text('case_status'))} is neither Open nor Closed`);
    if (!/^[\w.-]{1,80}$/.test(text('case_enquiry_id'))) problem('case_enquiry_id', 'missing or not an id');
    const requestedAt = time('open_dt');
    if (requestedAt === null) problem('open_dt', 'required');
    const [lat, lon] = [Number(text('latitude')), Number(text('longitude'))];
    const record: FeedRecord = {
      externalId: text('case_enquiry_id'), status: status === 'closed' ? 'closed' : 'open', serviceCode: text('type') || text('reason'),
      serviceName: text('type') || null, title: text('case_title') || null, description: text('reason'), requestedAt: requestedAt ?? 0,
      closedAt: time('closed_dt'), expectedAt: time('target_dt'), address: text('location'), statusNotes: text('closure_reason') || null,
      source: BOSTON_SOURCES[text('source')] ?? 'hotline12345',
      location: text('latitude') && text('longitude') && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null,
    };
    if (!record.serviceCode) problem('type', 'required');
    checkTimes(record, problem, { closed: 'closed_dt', expected: 'target_dt' });
    return record;
  }, (i) => `row ${i + 2}`);
}
