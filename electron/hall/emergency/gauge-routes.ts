// HTTP for gauges (S-6.5): POST /api/gauges (console seats) takes `{ readings: [...] }` as JSON, the same readings
// the district link carries, through the one ingest path (gauge-ingest.ts); the answer says how many were stored,
// already held or refused (each by its index and reason) and how many warning lines were crossed. A body that is
// not JSON or not of that shape stores nothing. GET /api/gauges: every gauge's latest readings.
import { GaugePost, type GaugePostAnswer } from '../../common/http-api.ts';
import { describeIssues } from '../../common/protocol.ts';
import type { Appended, EventLog } from '../event-log.ts';
import { BodyTooLarge, readBody } from '../http-body.ts';
import { sendJson } from '../http-replies.ts';
import type { RouteTable } from '../http-routes.ts';
import type { GaugeIngest } from './gauge-ingest.ts';

const MAX_BODY_BYTES = 256 * 1024;

export function gaugeRoutes(deps: { ingest: GaugeIngest; events: EventLog; broadcast(appended: Appended): void; log(line: string): void }): RouteTable {
  return {
    gauges: ({ res }) => sendJson(res, 200, deps.ingest.views()),
    gaugePost: async ({ req, res, seat }) => {
      let text: string;
      try {
        text = (await readBody(req, MAX_BODY_BYTES)).toString('utf8');
      } catch (error) {
        if (error instanceof BodyTooLarge) return sendJson(res, 413, { error: error.message });
        throw error;
      }
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        return sendJson(res, 400, { error: '请求体不是 JSON / the body is not JSON' });
      }
      const parsed = GaugePost.safeParse(data);
      if (!parsed.success) return sendJson(res, 422, { error: describeIssues(parsed.error) });
      const answer = deps.events.batch(() => deps.ingest.recordGaugeReadings(parsed.data.readings, 'http'));
      for (const appended of answer.crossed) if (!appended.duplicate) deps.broadcast(appended);
      if (answer.refused.length) deps.log(`${seat.id} posted gauge readings: ${answer.refused.length} refused (${answer.refused[0]!.reason})`);
      const reply: GaugePostAnswer = { stored: answer.stored, duplicates: answer.duplicates, crossed: answer.crossed.length, refused: answer.refused };
      sendJson(res, answer.stored + answer.duplicates === 0 ? 422 : 200, reply);
    },
  };
}
