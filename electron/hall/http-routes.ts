// The hall's one route table: every route of the HTTP contract (common/http-api.ts) has its handler here,
// found by method and path. Before a handler runs, the table has checked who calls (access) and parsed the
// path parameters and the query with the contract's schemas, so a handler sees only valid input; a refusal
// names the problem. Open311 routes answer their errors in Open311's own format.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { matchPath, ROUTES, type RouteName } from '../common/http-api.ts';
import { describeIssues, type SeatInfo } from '../common/protocol.ts';
import { bearerSeat, sendJson } from './http-replies.ts';
import type { SeatRegistry } from './seats.ts';

type Spec<R extends RouteName> = (typeof ROUTES)[R];
type QueryOf<R extends RouteName> = Spec<R> extends { query: z.ZodType<infer Q> } ? Q : undefined;
type ParamsOf<R extends RouteName> = Spec<R> extends { params: z.ZodType<infer P> } ? P : Record<string, string>;
type SeatOf<R extends RouteName> = Spec<R>['access'] extends 'seat' | 'console' ? SeatInfo : undefined;

export interface RouteCall<R extends RouteName> {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  seat: SeatOf<R>;
  params: ParamsOf<R>;
  query: QueryOf<R>;
}

/** Answers the call (possibly later: a returned promise is awaited and a failure becomes a 500); what it
 *  returns is otherwise ignored. */
export type RouteHandler<R extends RouteName> = (call: RouteCall<R>) => unknown;
export type RouteTable = { [R in RouteName]?: RouteHandler<R> };

const OPEN311 = '/open311/';

/** Error replies: `{ error }` for the hall's API, `[{ code, description }]` under /open311/. */
export function refuse(res: ServerResponse, url: URL, status: number, message: string): void {
  if (url.pathname.startsWith(OPEN311)) sendJson(res, status, [{ code: status, description: message }]);
  else sendJson(res, status, { error: message });
}

/** Routes the request if its path belongs to a route; returns false for paths no route has (static files). */
export function dispatch(table: RouteTable, seats: SeatRegistry, req: IncomingMessage, res: ServerResponse, url: URL, log: (line: string) => void): boolean {
  const matching = (Object.keys(ROUTES) as RouteName[]).flatMap((name) => {
    const params = matchPath(ROUTES[name].path, url.pathname);
    return params ? [{ name, params }] : [];
  });
  if (matching.length === 0) {
    if (!url.pathname.startsWith('/api/') && !url.pathname.startsWith(OPEN311)) return false;
    refuse(res, url, 404, `${url.pathname}: no such API${url.pathname.startsWith(OPEN311) ? ' (this server speaks JSON only: services.json, requests.json, requests/{id}.json)' : ''}`);
    return true;
  }
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  const found = matching.find((m) => ROUTES[m.name].method === method);
  if (!found) {
    refuse(res, url, 405, `method ${req.method} not allowed: use ${[...new Set(matching.map((m) => ROUTES[m.name].method))].join(' or ')}`);
    return true;
  }
  const spec: { access: string; params?: z.ZodType; query?: z.ZodType } = ROUTES[found.name];
  const handler = table[found.name] as RouteHandler<RouteName> | undefined;
  if (!handler) {
    refuse(res, url, 404, `${url.pathname}: not served by this hall`);
    return true;
  }
  let seat: SeatInfo | undefined;
  if (spec.access === 'seat' || spec.access === 'console') {
    seat = bearerSeat(req, seats);
    if (!seat) return refuse(res, url, 401, 'a seat token is required (Authorization: Bearer <token>)'), true;
    if (spec.access === 'console' && seat.role !== 'console') {
      return refuse(res, url, 403, `只限指挥台 / for the console seat only, not a ${seat.role} seat`), true;
    }
  }
  const params = spec.params ? spec.params.safeParse(found.params) : { success: true as const, data: found.params };
  if (!params.success) return refuse(res, url, 404, `${url.pathname}: ${describeIssues(params.error)}`), true;
  const query = spec.query ? spec.query.safeParse(Object.fromEntries(url.searchParams)) : { success: true as const, data: undefined };
  if (!query.success) return refuse(res, url, 400, describeIssues(query.error)), true;
  const fail = (error: unknown) => {
    log(`http ${found.name}: ${(error as Error).stack ?? String(error)}`);
    if (!res.headersSent) refuse(res, url, 500, `internal error: ${(error as Error).message}`);
    else res.destroy();
  };
  try {
    const answer = handler({ req, res, url, seat: seat as never, params: params.data as never, query: query.data as never });
    if (answer instanceof Promise) answer.catch(fail);
  } catch (error) {
    fail(error);
  }
  return true;
}
