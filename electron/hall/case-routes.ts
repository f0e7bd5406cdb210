// Cases and forces over HTTP for every seat: search (S-4.8; a desk gets its own department's cases only, S-9,
// whatever it asks for), a case's timeline, a force's track history (S-3.1).
import { caseVisibleTo } from '../common/visibility.ts';
import type { EventLog } from './event-log.ts';
import type { ForcePositions } from './force-positions.ts';
import { sendJson, sendJsonText } from './http-replies.ts';
import { refuse, type RouteTable } from './http-routes.ts';
import { searchCases } from './store/case-search.ts';
import { loadCase } from './store/case-table.ts';
import type { Store } from './store/database.ts';

const HOUR = 3600_000;

export function caseRoutes(deps: { store: Store; events: EventLog; positions: ForcePositions; now(): number }): RouteTable {
  return {
    cases: ({ res, seat, query }) => sendJson(res, 200, searchCases(deps.store, { ...query, ...(seat.role === 'desk' ? { department: seat.department } : {}) })),
    caseEvents: ({ res, url, seat, params: { caseId } }) => {
      const view = loadCase(deps.store, caseId);
      if (!view || !caseVisibleTo(seat, view)) return refuse(res, url, 404, `no case ${caseId}`);
      sendJsonText(res, 200, `[${deps.events.caseTimelineJson(view.id, view.no).join(',')}]`);
    },
    forceTrack: ({ res, params: { forceId }, query: { from, to } }) => {
      const now = deps.now();
      sendJson(res, 200, deps.positions.track(forceId, from ?? now - HOUR, to ?? now + 1));
    },
  };
}
