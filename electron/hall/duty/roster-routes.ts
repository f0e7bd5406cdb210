// HTTP for the roster (console seats only): POST /api/roster/import[?dryRun=1&name=…] takes a CSV or xlsx file
// as the body, checks every row (common/domain/roster-rows.ts) and, only when all are good, logs one
// roster.set event with the seat and whoever answered its roll call; a refused file changes nothing and the
// answer names each bad row and column. GET /api/roster/template.csv|xlsx: the template, filled in with the
// coming week as the roster has it, ready to edit and import again.
import type { ServerResponse } from 'node:http';
import { dateKey, dayOf } from '../../common/domain/beijing-time.ts';
import { rosterChangeProblem, rosterDayOf, type RosterRules } from '../../common/domain/roster.ts';
import { rosterChangesFromRows, rosterTemplateRows } from '../../common/domain/roster-rows.ts';
import type { RosterImportAnswer } from '../../common/http-api.ts';
import type { Officer } from '../../common/protocol.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import type { Appended, EventLog } from '../event-log.ts';
import { BodyTooLarge, readBody } from '../http-body.ts';
import { sendFile, sendJson } from '../http-replies.ts';
import type { RouteTable } from '../http-routes.ts';
import type { Store } from '../store/database.ts';
import { loadRoster } from './roster-state.ts';
import { readRosterFile, RosterFileError, rosterCsv, rosterXlsx } from './roster-file.ts';

const MAX_FILE_BYTES = 1024 * 1024;
const TEMPLATE_DAYS = 7;

export interface RosterRouteDeps {
  store: Store;
  events: EventLog;
  site: SiteRules;
  consoleSeats: readonly string[];
  officerAt(seatId: string): Officer | null;
  now(): number;
  broadcast(appended: Appended): void;
  log(line: string): void;
}

const refused = (res: ServerResponse, status: number, message: string) =>
  sendJson(res, status, { ok: false, stored: false, problems: [{ row: null, column: null, message }], count: 1 } satisfies RosterImportAnswer);

export function rosterRoutes(deps: RosterRouteDeps): RouteTable {
  const rules: RosterRules = { hasDepartment: deps.site.hasDepartment, consoleSeats: deps.consoleSeats };
  return {
    rosterImport: async ({ req, res, seat, query }) => {
      let bytes: Buffer;
      try {
        bytes = await readBody(req, MAX_FILE_BYTES);
      } catch (error) {
        if (error instanceof BodyTooLarge) return refused(res, 413, error.message);
        throw error;
      }
      let table;
      try {
        table = await readRosterFile(bytes);
      } catch (error) {
        if (error instanceof RosterFileError) return refused(res, 422, error.message);
        throw error;
      }
      const now = deps.now();
      const result = rosterChangesFromRows(table.header, table.rows, { ...rules, departments: deps.site.site.departments, now });
      if (!result.ok) return sendJson(res, 422, { ok: false, stored: false, problems: result.problems, count: result.count } satisfies RosterImportAnswer);
      // The rows were checked one by one; the same rule the command obeys has the last word.
      const problem = result.changes.map((c) => rosterChangeProblem(c, now, rules)).find((p) => p !== null);
      if (problem) return refused(res, 422, problem);
      const answer = { ok: true, rows: result.rows, dates: result.changes.length, first: result.first, last: result.last } as const;
      if (query.dryRun === '1') return sendJson(res, 200, { ...answer, stored: false } satisfies RosterImportAnswer);
      const officer = deps.officerAt(seat.id);
      const appended = deps.events.append({
        type: 'roster.set', origin: 'hall', seat: seat.id, ...(officer ? { officer } : {}),
        payload: () => ({ changes: result.changes, ...(query.name ? { file: query.name } : {}) }),
      });
      deps.broadcast(appended);
      deps.log(`${seat.id} imported the roster for ${answer.dates} date(s), ${answer.first} … ${answer.last}${query.name ? ` from ${query.name}` : ''}`);
      sendJson(res, 200, { ...answer, stored: true } satisfies RosterImportAnswer);
    },
    rosterTemplate: async ({ res, params: { format } }) => {
      const now = deps.now();
      const roster = loadRoster(deps.store, now);
      const today = dayOf(now);
      const days = Array.from({ length: TEMPLATE_DAYS }, (_, i) => rosterDayOf(dateKey(today + 1 + i), roster));
      const rows = rosterTemplateRows(days, (id) => deps.site.department(id).zh);
      const body = format === 'csv' ? rosterCsv(rows) : await rosterXlsx(rows);
      const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      sendFile(res, body, type, `roster-template.${format}`, `值班表模板.${format}`);
    },
  };
}
