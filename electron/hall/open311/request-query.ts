// GET requests.json: the query arguments of GeoReport v2 and the cases they select. A list of
// service_request_id overrides every other argument; otherwise the requested_datetime window defaults to the
// last 90 days, may not span more than 90 days, and at most 1000 requests are returned, newest first.
import { DAY } from '../../common/domain/beijing-time.ts';
import { Id, type CaseView } from '../../common/domain/case-model.ts';
import type { Open311Error } from './post-request.ts';
import { isFinished } from './service-request.ts';
import { parseW3c } from './zoned-time.ts';

export const MAX_SPAN_MS = 90 * DAY;
export const MAX_REQUESTS = 1000;

export type RequestQuery =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'window'; from: number; to: number; codes: string[] | null; statuses: Array<'open' | 'closed'> | null };

const list = (value: string | null) => (value === null || value.trim() === '' ? null : value.split(',').map((v) => v.trim()).filter(Boolean));

export function parseRequestQuery(params: URLSearchParams, now: number): { ok: true; query: RequestQuery } | { ok: false; errors: Open311Error[] } {
  const errors: Open311Error[] = [];
  const bad = (description: string) => errors.push({ code: 400, description });
  const ids = list(params.get('service_request_id'));
  if (ids) {
    const wrong = ids.find((id) => !Id.safeParse(id).success);
    if (wrong !== undefined) bad(`service_request_id: ${JSON.stringify(wrong)} is not a request id`);
    if (ids.length > MAX_REQUESTS) bad(`service_request_id: more than ${MAX_REQUESTS} ids`);
    return errors.length ? { ok: false, errors } : { ok: true, query: { kind: 'ids', ids } };
  }
  const date = (name: 'start_date' | 'end_date') => {
    const text = params.get(name)?.trim();
    if (!text) return undefined;
    const at = parseW3c(text);
    if (at === undefined) bad(`${name}: ${JSON.stringify(text)} is not a W3C date-time with its time zone, e.g. 2026-11-01T00:00:00+08:00`);
    return at;
  };
  const start = date('start_date');
  const end = date('end_date');
  const to = end ?? (start === undefined ? now : start + MAX_SPAN_MS);
  const from = start ?? to - MAX_SPAN_MS;
  if (from > to) bad('start_date: after end_date');
  if (to - from > MAX_SPAN_MS) bad('end_date: the range may not span more than 90 days');
  const statuses = list(params.get('status'));
  const wrongStatus = statuses?.find((s) => s !== 'open' && s !== 'closed');
  if (wrongStatus !== undefined) bad(`status: ${JSON.stringify(wrongStatus)} is neither open nor closed`);
  if (errors.length) return { ok: false, errors };
  return { ok: true, query: { kind: 'window', from, to, codes: list(params.get('service_code')), statuses: statuses as Array<'open' | 'closed'> | null } };
}

/** Whether a case of the window matches the code and status filters (codeOf maps its category). */
export function matches(c: CaseView, q: Extract<RequestQuery, { kind: 'window' }>, codeOf: (category: string) => string): boolean {
  return (!q.codes || q.codes.includes(codeOf(c.category))) && (!q.statuses || q.statuses.includes(isFinished(c) ? 'closed' : 'open'));
}
