// HTTP for CAP warnings (console seats only): POST /api/warnings[?file=…] takes one CAP 1.2 document as the body
// (the console's file import sends the file so; another system with a console token may too), at most the
// parser's byte cap. 200 with what became of it; 413 larger than the cap; 422 refused, with the parser's code and
// reason. A refused document stores nothing.
import type { ServerResponse } from 'node:http';
import { DEFAULT_XML_LIMITS } from '../../common/cap/xml-reader.ts';
import type { WarningAnswer } from '../../common/http-api.ts';
import type { Officer } from '../../common/protocol.ts';
import type { Appended } from '../event-log.ts';
import { BodyTooLarge, readBody } from '../http-body.ts';
import { sendJson } from '../http-replies.ts';
import type { RouteTable } from '../http-routes.ts';
import type { IngestWarning } from './warning-ingest.ts';

export interface WarningRouteDeps {
  ingest: IngestWarning;
  officerAt(seatId: string): Officer | null | undefined;
  broadcast(appended: Appended): void;
}

const MAX_BODY_BYTES = DEFAULT_XML_LIMITS.maxBytes;

const refused = (res: ServerResponse, status: number, answer: Omit<Extract<WarningAnswer, { ok: false }>, 'ok' | 'stored'>) =>
  sendJson(res, status, { ok: false, stored: false, ...answer } satisfies WarningAnswer);

export function warningRoutes(deps: WarningRouteDeps): RouteTable {
  return {
    warningIngest: async ({ req, res, seat, query }) => {
      let bytes: Buffer;
      try {
        bytes = await readBody(req, MAX_BODY_BYTES);
      } catch (error) {
        if (error instanceof BodyTooLarge) return refused(res, 413, { code: 'limit', reason: error.message, line: 1, column: 1 });
        throw error;
      }
      const officer = deps.officerAt(seat.id);
      const result = deps.ingest(bytes, { via: query.file ? 'console' : 'http', seat: seat.id, ...(officer ? { officer } : {}), ...(query.file ? { file: query.file } : {}) });
      if (!result.ok) {
        const { code, message, line, column } = result.refusal;
        return refused(res, code === 'limit' && result.refusal.limit === 'bytes' ? 413 : 422, { code, reason: message, line, column });
      }
      if (!result.duplicate) deps.broadcast(result.appended);
      sendJson(res, 200, {
        ok: true, stored: !result.duplicate, duplicate: result.duplicate, identifier: result.identifier, covers: result.covers, outcome: result.outcome,
      } satisfies WarningAnswer);
    },
  };
}
