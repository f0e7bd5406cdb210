// Open311 GeoReport v2 at /open311/v2/ (JSON only): the service list, service requests, and POST of a new
// request, which becomes a case in the event log like any intake (origin `hall`: the hall took it in and owns
// it). The service list is public; requests need the Open311 api_key (query or form field), because they
// show what citizens reported and where. Idempotency: a POST with an `Idempotency-Key` header lands once and
// a retry gets the same service_request_id back.
import type { Gazetteer } from '../../common/address/gazetteer.ts';
import { placeDraft } from '../../common/address/placement.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CaseView } from '../../common/domain/case-model.ts';
import type { Appended, EventLog } from '../event-log.ts';
import { caseCreatedSpec } from '../commands.ts';
import type { RouteTable } from '../http-routes.ts';
import { casesCreatedBetween, loadCase } from '../store/case-table.ts';
import { sendJson } from '../http-replies.ts';
import type { Store } from '../store/database.ts';
import type { Open311Key } from './api-key.ts';
import { parsePostFields, type Open311Error } from './post-request.ts';
import { matches, MAX_REQUESTS, parseRequestQuery } from './request-query.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import { kpiRulesFor } from '../../common/kpi/kpi-definitions.ts';
import { serviceCatalogue, serviceCodeOf } from './service-catalogue.ts';
import { toServiceRequest } from './service-request.ts';

const MAX_BODY_BYTES = 64 * 1024;
const IDEMPOTENCY_KEY = /^[\w-]{8,80}$/;

export interface Open311Deps {
  events: EventLog;
  store: Store;
  site: SiteRules;
  /** Places a request by its address when it gives no point. */
  gazetteer: Gazetteer;
  key: Open311Key;
  now(): number;
  /** Sends a newly stored event to every LAN client. */
  broadcast(appended: Appended): void;
  log(line: string): void;
}

const fail = (res: ServerResponse, status: number, errors: Open311Error[]) => sendJson(res, status, errors);
const failOne = (res: ServerResponse, status: number, description: string) => fail(res, status, [{ code: status, description }]);

class BodyError extends Error {}

async function readFields(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyError(`body: larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks).toString('utf8');
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(body));
  if (type === 'application/json') {
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      throw new BodyError('body: not valid JSON');
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new BodyError('body: must be a JSON object of fields');
    // Scalars only: nested values (attribute[…]) belong to service definitions, which this hall has none of.
    return Object.fromEntries(Object.entries(data).flatMap(([k, v]) => (['string', 'number', 'boolean'].includes(typeof v) ? [[k, String(v)]] : [])));
  }
  throw new BodyError(`content-type: ${JSON.stringify(type)} not accepted; send application/x-www-form-urlencoded or application/json`);
}

export function open311Routes(deps: Open311Deps): RouteTable {
  const catalogue = serviceCatalogue(deps.site);
  const asRequest = (c: CaseView) => toServiceRequest(c, { rules: kpiRulesFor(deps.site.site), department: deps.site.department });
  function getRequests(res: ServerResponse, url: URL) {
    const parsed = parseRequestQuery(url.searchParams, deps.now());
    if (!parsed.ok) return fail(res, 400, parsed.errors);
    const q = parsed.query;
    const cases = q.kind === 'ids'
      ? q.ids.flatMap((id) => loadCase(deps.store, id) ?? [])
      : casesCreatedBetween(deps.store, q.from, q.to).filter((c) => matches(c, q, serviceCodeOf)).slice(0, MAX_REQUESTS);
    sendJson(res, 200, cases.map(asRequest));
  }

  async function postRequest(req: IncomingMessage, res: ServerResponse, url: URL) {
    let fields: Record<string, string>;
    try {
      fields = await readFields(req);
    } catch (error) {
      if (error instanceof BodyError) return failOne(res, 400, error.message);
      throw error;
    }
    if (!deps.key.matches(fields.api_key ?? url.searchParams.get('api_key') ?? undefined)) return failOne(res, 403, 'api_key: missing or invalid');
    const idempotency = req.headers['idempotency-key'];
    if (idempotency !== undefined && (typeof idempotency !== 'string' || !IDEMPOTENCY_KEY.test(idempotency))) {
      return failOne(res, 400, 'Idempotency-Key: 8-80 letters, digits, _ or -');
    }
    const post = parsePostFields(fields, catalogue);
    if (!post.ok) return fail(res, post.status, post.errors);
    const appended = deps.events.append(caseCreatedSpec(placeDraft(deps.gazetteer, post.draft), {
      origin: 'hall', seat: null, at: deps.now(), ...(idempotency === undefined ? {} : { idemKey: `open311/${idempotency}` }),
    }));
    if (appended.event.type !== 'case.created') return failOne(res, 400, 'Idempotency-Key: already used for a different kind of request');
    if (!appended.duplicate) deps.broadcast(appended);
    sendJson(res, appended.duplicate ? 200 : 201, [{
      service_request_id: appended.event.payload.id, service_notice: '已上报城运中心，等待受理', account_id: post.accountId,
    }]);
  }

  const keyRequired = (res: ServerResponse, url: URL) => !deps.key.matches(url.searchParams.get('api_key') ?? undefined) && (failOne(res, 403, 'api_key: missing or invalid'), true);
  return {
    open311Services: ({ res }) => sendJson(res, 200, catalogue.services),
    open311Post: ({ req, res, url }) => postRequest(req, res, url),
    open311Requests: ({ res, url }) => {
      if (!keyRequired(res, url)) getRequests(res, url);
    },
    open311Request: ({ res, url, params: { requestId } }) => {
      if (keyRequired(res, url)) return;
      const found = loadCase(deps.store, requestId);
      if (found) sendJson(res, 200, [asRequest(found)]);
      else failOne(res, 404, `service_request_id: ${JSON.stringify(requestId)} not found`);
    },
  };
}
