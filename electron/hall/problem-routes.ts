// A persistent problem's timeline for the console (S-4.7): the event that made it, its links, its closing and
// the copies to the leader about it, from the log.
import type { EventLog } from './event-log.ts';
import { sendJsonText } from './http-replies.ts';
import { refuse, type RouteTable } from './http-routes.ts';
import type { Store } from './store/database.ts';
import { loadProblem } from './store/problem-table.ts';

export function problemRoutes(deps: { store: Store; events: EventLog }): RouteTable {
  return {
    problemEvents: ({ res, url, params: { problemId } }) => {
      const problem = loadProblem(deps.store, problemId);
      if (!problem) return refuse(res, url, 404, `no persistent problem ${problemId}`);
      sendJsonText(res, 200, `[${deps.events.problemTimelineJson(problem.id, problem.no).join(',')}]`);
    },
  };
}
