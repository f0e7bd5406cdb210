// Reads from the hall core's HTTP API with this seat's bearer token (S-9: every /api call names its seat). Paths
// and answers come from the shared contract (electron/common/http-api.ts): every answer is validated with the
// route's schema before the page uses it.
import type { z } from 'zod';
import type { HallBridge } from '../../electron/common/bridge.ts';
import { apiPath, ROUTES, type RouteName } from '../../electron/common/http-api.ts';

type Spec<R extends RouteName> = (typeof ROUTES)[R];
type ParamsOf<R extends RouteName> = Spec<R> extends { params: z.ZodType<infer P> } ? P : Record<string, never>;
type AnswerOf<R extends RouteName> = Spec<R> extends { response: z.ZodType<infer A> } ? A : never;
type JsonRoute = { [R in RouteName]: Spec<R> extends { response: z.ZodType } ? R : never }[RouteName];

export interface ApiCall<R extends RouteName> {
  params?: ParamsOf<R>;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

async function authorised(bridge: HallBridge, path: string, signal?: AbortSignal, method: 'GET' | 'POST' = 'GET'): Promise<Response> {
  const response = await fetch(`${bridge.httpBase}${path}`, { method, headers: { Authorization: `Bearer ${bridge.token}` }, signal });
  if (!response.ok) throw new Error(`${path.split('?')[0]}: HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return response;
}

const pathOf = <R extends RouteName>(route: R, call: ApiCall<R>) => apiPath(route, (call.params ?? {}) as never, call.query);

/** Calls a JSON route with its method (a GET, or a POST that starts something) and validates its answer. */
export async function fetchApi<R extends JsonRoute>(bridge: HallBridge, route: R, call: ApiCall<R> = {}): Promise<AnswerOf<R>> {
  const data: unknown = await (await authorised(bridge, pathOf(route, call), call.signal, ROUTES[route].method)).json();
  return (ROUTES[route] as unknown as { response: z.ZodType<AnswerOf<R>> }).response.parse(data);
}

/** Fetches a file route (the token cannot ride on a plain link) and hands it to the browser's save dialog. */
export async function downloadFile<R extends RouteName>(bridge: HallBridge, route: R, call: ApiCall<R>, fileName: string): Promise<void> {
  saveBlob(await (await authorised(bridge, pathOf(route, call), call.signal)).blob(), fileName);
}

/** Hands a file made in the page (or fetched) to the browser's save dialog. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** POSTs a file as the body of an upload route and validates the answer, refusals included: an upload that
 *  is refused answers what was wrong with it in the route's own shape (422), which the page shows. */
export async function postFile<R extends JsonRoute>(bridge: HallBridge, route: R, body: Blob, call: ApiCall<R> = {}): Promise<AnswerOf<R>> {
  const response = await fetch(`${bridge.httpBase}${pathOf(route, call)}`, {
    method: 'POST', body, headers: { Authorization: `Bearer ${bridge.token}` }, signal: call.signal,
  });
  const parsed = (ROUTES[route] as unknown as { response: z.ZodType<AnswerOf<R>> }).response.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new Error(`${pathOf(route, call).split('?')[0]}: HTTP ${response.status}`);
  return parsed.data;
}
