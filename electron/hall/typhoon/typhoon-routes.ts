// HTTP for typhoon tracks: POST /api/typhoons[?name=…] (console seats) takes a CMA best track or the operational
// track JSON as the body, parses and validates every storm in it and, only when the whole file is good, logs one
// typhoon.imported event a storm in one transaction; a refused file stores nothing and the answer names the
// problem (the line, or the field). GET /api/typhoons: every imported track, as the snapshot carries them.
import type { ServerResponse } from 'node:http';
import type { TyphoonImportAnswer } from '../../common/http-api.ts';
import type { Officer } from '../../common/protocol.ts';
import { typhoonId } from '../../common/typhoon/stored-typhoon.ts';
import { MAX_TYPHOON_FILE_BYTES, parseTyphoonFile, stormName } from '../../common/typhoon/typhoon-import.ts';
import type { Appended, EventLog } from '../event-log.ts';
import { BodyTooLarge, readBody } from '../http-body.ts';
import { sendJson } from '../http-replies.ts';
import type { RouteTable } from '../http-routes.ts';
import type { Store } from '../store/database.ts';
import { loadTyphoons } from '../store/typhoon-table.ts';

export interface TyphoonRouteDeps {
  store: Store;
  events: EventLog;
  officerAt(seatId: string): Officer | null;
  broadcast(appended: Appended): void;
  log(line: string): void;
}

const refused = (res: ServerResponse, status: number, error: string) => sendJson(res, status, { ok: false, stored: false, error } satisfies TyphoonImportAnswer);

export function typhoonRoutes(deps: TyphoonRouteDeps): RouteTable {
  return {
    typhoonImport: async ({ req, res, seat, query }) => {
      let bytes: Buffer;
      try {
        bytes = await readBody(req, MAX_TYPHOON_FILE_BYTES);
      } catch (error) {
        if (error instanceof BodyTooLarge) return refused(res, 413, error.message);
        throw error;
      }
      const text = new TextDecoder('utf-8', { fatal: true });
      let body: string;
      try {
        body = text.decode(bytes);
      } catch {
        return refused(res, 422, '文件不是 UTF-8 文本 / the file is not UTF-8 text');
      }
      const parsed = parseTyphoonFile(body);
      if (!parsed.ok) return refused(res, 422, parsed.error);
      const officer = deps.officerAt(seat.id);
      const file = query.name ?? null;
      const appended = deps.events.appendMany(parsed.tracks.map((track) => ({
        type: 'typhoon.imported' as const, origin: 'hall' as const, seat: seat.id, ...(officer ? { officer } : {}),
        payload: () => ({ id: typhoonId(track), file, track }),
      })));
      appended.forEach(deps.broadcast);
      const storms = parsed.tracks.map((track) => ({ id: typhoonId(track), name: stormName(track), fixes: track.fixes.length }));
      deps.log(`${seat.id} imported ${storms.length} typhoon track(s): ${storms.map((s) => s.id).join(', ')}${file ? ` from ${file}` : ''}`);
      sendJson(res, 200, { ok: true, stored: true, storms } satisfies TyphoonImportAnswer);
    },
    typhoons: ({ res }) => sendJson(res, 200, loadTyphoons(deps.store)),
  };
}
