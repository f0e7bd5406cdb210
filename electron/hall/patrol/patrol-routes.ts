// HTTP for S-3.4: GET /api/patrol/coverage (a day's coverage per micro grid, for the console's uncovered view
// and the wall's overlay) and GET /api/patrol/tasks (the grid kinds' task lists).
import { dateKey, dayOf, MINUTE } from '../../common/domain/beijing-time.ts';
import type { PatrolCoverageAnswer } from '../../common/http-api.ts';
import type { KpiResult } from '../../common/kpi/kpi-definitions.ts';
import { isoBeijing } from '../../common/kpi/periods.ts';
import { COVERAGE_RULE, dayHours } from '../../common/patrol/coverage-rule.ts';
import { coverageFigures } from '../../common/patrol/coverage-summary.ts';
import type { PatrolTaskLists } from '../../common/patrol/patrol-tasks.ts';
import { sendJson } from '../http-replies.ts';
import type { RouteTable } from '../http-routes.ts';
import { COVERAGE_KEEP_DAYS, type PatrolCoverage } from './patrol-coverage.ts';

const RULE = {
  minDwellMin: COVERAGE_RULE.minDwellMs / MINUTE, maxGapS: COVERAGE_RULE.maxGapMs / 1000, maxSpeedMps: COVERAGE_RULE.maxSpeedMps,
  dayFrom: dayHours().from, dayTo: dayHours().to,
};
const figure = ({ numeratorIds: _n, denominatorIds: _d, ...rest }: KpiResult) => rest;

export function patrolRoutes(deps: { coverage: PatrolCoverage; tasks: PatrolTaskLists | null; now(): number }): RouteTable {
  const tasks = deps.tasks ?? { source: null, lists: [] };
  return {
    patrolCoverage: ({ res, query }) => {
      const now = deps.now();
      const date = query.date ?? dateKey(dayOf(now));
      const grids = deps.coverage.ofDay(date, now);
      if (!grids) {
        const since = deps.coverage.since();
        return sendJson(res, 404, { error: `no patrol coverage recorded for ${date}: it is kept from ${since ?? 'the first start'} for ${COVERAGE_KEEP_DAYS} days, up to today` });
      }
      const f = coverageFigures(grids);
      const answer: PatrolCoverageAnswer = {
        date, now: isoBeijing(now), rule: RULE, figures: { allDay: figure(f.allDay), day: figure(f.day), night: figure(f.night) }, grids,
      };
      sendJson(res, 200, answer);
    },
    patrolTasks: ({ res }) => sendJson(res, 200, tasks),
  };
}
