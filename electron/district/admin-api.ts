// The simulator's admin interface, on the same port as the upstream protocol, for tests and drills. Every
// route needs `Authorization: Bearer <admin token>`; bodies are JSON checked against the schemas here, and
// every refusal says what is wrong: 400 (bad body, naming the field), 401, 404 (no such route, hall or ticket),
// 405, 409 (a ticket that cannot change any more), 413.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { Id } from '../common/domain/case-model.ts';
import { Ticket, TicketNo } from '../common/upstream-protocol.ts';
import { MisbehaviourSettings } from './misbehaviour.ts';

const time = z.number().int();

export const AdminTicket = z.strictObject({
  /** Which hall gets it; may be left out when the district serves one hall. */
  hallId: Id.optional(),
  ...Ticket.omit({ ticketNo: true }).partial().shape,
  /** The district changes or cancels it this many seconds later (a drill: cancel what the hall is closing). */
  followUp: z.strictObject({ action: z.enum(['update', 'cancel']), afterS: z.number().int().min(1).max(86_400) }).optional(),
});
export const AdminTicketUpdate = z.strictObject({
  ticketNo: TicketNo,
  dueAt: time.optional(),
  description: z.string().trim().max(4000).optional(),
  urgency: z.string().trim().min(1).max(32).optional(),
}).refine((u) => u.dueAt !== undefined || u.description !== undefined || u.urgency !== undefined, 'nothing to change: give dueAt, description or urgency');
export const AdminTicketCancel = z.strictObject({ ticketNo: TicketNo, reason: z.string().trim().min(1).max(500) });
export const AdminCut = z.strictObject({ seconds: z.number().int().min(0).max(3600) });
export const AdminStorm = z.strictObject({
  on: z.boolean(),
  /** Seconds between gauge readings while the storm lasts. */
  gaugeEveryS: z.number().int().min(1).max(3600).optional(),
});

/** A refusal with its HTTP status. */
export class AdminError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface AdminHandlers {
  status(): unknown;
  misbehaviour(): unknown;
  setMisbehaviour(settings: MisbehaviourSettings): unknown;
  cut(body: z.infer<typeof AdminCut>): unknown;
  ticket(body: z.infer<typeof AdminTicket>): unknown;
  updateTicket(body: z.infer<typeof AdminTicketUpdate>): unknown;
  cancelTicket(body: z.infer<typeof AdminTicketCancel>): unknown;
  storm(body: z.infer<typeof AdminStorm>): unknown;
}

const MAX_BODY_BYTES = 64 * 1024;

type Route = { method: 'GET' | 'POST'; schema: z.ZodType | null; run(h: AdminHandlers, body: never): unknown };
const route = <S extends z.ZodType | null>(method: 'GET' | 'POST', schema: S, run: (h: AdminHandlers, body: S extends z.ZodType ? z.infer<S> : undefined) => unknown): Route =>
  ({ method, schema, run: run as Route['run'] });

export const ADMIN_ROUTES: Readonly<Record<string, Route[]>> = {
  '/admin/status': [route('GET', null, (h) => h.status())],
  '/admin/misbehave': [route('GET', null, (h) => h.misbehaviour()), route('POST', MisbehaviourSettings, (h, b) => h.setMisbehaviour(b))],
  '/admin/cut': [route('POST', AdminCut, (h, b) => h.cut(b))],
  '/admin/ticket': [route('POST', AdminTicket, (h, b) => h.ticket(b))],
  '/admin/ticket/update': [route('POST', AdminTicketUpdate, (h, b) => h.updateTicket(b))],
  '/admin/ticket/cancel': [route('POST', AdminTicketCancel, (h, b) => h.cancelTicket(b))],
  '/admin/storm': [route('POST', AdminStorm, (h, b) => h.storm(b))],
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new AdminError(413, `body over ${MAX_BODY_BYTES} bytes`));
        req.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function authorised(req: IncomingMessage, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The request handler of the district's HTTP server. */
export function createAdminHandler(adminToken: string, handlers: AdminHandlers, log: (line: string) => void) {
  const reply = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.headersSent) return;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
    res.end(JSON.stringify(body));
  };
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const path = new URL(req.url ?? '/', 'http://district').pathname;
      const routes = ADMIN_ROUTES[path];
      if (!routes) return reply(res, 404, { error: `no route ${path}` });
      if (!authorised(req, adminToken)) return reply(res, 401, { error: 'admin token missing or wrong (Authorization: Bearer <token>)' });
      const match = routes.find((r) => r.method === req.method);
      if (!match) return reply(res, 405, { error: `${req.method} not allowed on ${path}` }, { allow: routes.map((r) => r.method).join(', ') });
      let body: unknown;
      if (match.schema) {
        const text = await readBody(req);
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch {
          throw new AdminError(400, 'body is not JSON');
        }
        const parsed = match.schema.safeParse(raw);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          throw new AdminError(400, `${issue.path.length ? issue.path.join('.') : '(body)'}: ${issue.message}`);
        }
        body = parsed.data;
      }
      reply(res, 200, await match.run(handlers, body as never));
    } catch (error) {
      if (error instanceof AdminError) return reply(res, error.status, { error: error.message });
      log(`admin ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
      reply(res, 500, { error: (error as Error).message });
    }
  };
}
