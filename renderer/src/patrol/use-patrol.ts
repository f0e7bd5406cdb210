// Patrol data from the hall (S-3.4): the grid kinds' task lists (site data, fetched once per window) and a day's
// coverage per micro grid (refetched every minute while shown: it grows as the forces move).
import { useEffect, useState } from 'react';
import type { HallBridge } from '../../../electron/common/bridge.ts';
import type { GridKind } from '../../../electron/common/geo/grid-schema.ts';
import type { PatrolCoverageAnswer, PatrolTasksAnswer } from '../../../electron/common/http-api.ts';
import type { PatrolTaskList } from '../../../electron/common/patrol/patrol-tasks.ts';
import { fetchApi } from '../hall-api.ts';
import { useHall } from '../hall-context.tsx';

export const COVERAGE_REFRESH_MS = 60_000;

let tasks: Promise<PatrolTasksAnswer> | null = null;
function loadTasks(bridge: HallBridge): Promise<PatrolTasksAnswer> {
  tasks ??= fetchApi(bridge, 'patrolTasks');
  tasks.catch(() => {
    tasks = null; // the next view asks again
  });
  return tasks;
}

/** The site's task lists; null until they arrive (or when they cannot). */
export function usePatrolTasks(): PatrolTasksAnswer | null {
  const { bridge } = useHall();
  const [answer, setAnswer] = useState<PatrolTasksAnswer | null>(null);
  useEffect(() => {
    let live = true;
    loadTasks(bridge).then((a) => live && setAnswer(a), () => {});
    return () => {
      live = false;
    };
  }, [bridge]);
  return answer;
}

/** The task list of a grid kind, when the site has one. */
export function useTaskList(kind: GridKind | null | undefined): PatrolTaskList | undefined {
  const answer = usePatrolTasks();
  return kind ? answer?.lists.find((l) => l.kind === kind) : undefined;
}

export type CoverageState =
  | { status: 'off' }
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; coverage: PatrolCoverageAnswer; at: number };

/**
 * The coverage of `date` (YYYY-MM-DD; undefined: the hall's today, which moves on at midnight), kept fresh
 * every `refreshMs`; `enabled` false fetches nothing. A failed fetch is retried at the next refresh.
 */
export function usePatrolCoverage(date: string | undefined, enabled = true, refreshMs = COVERAGE_REFRESH_MS): CoverageState {
  const { bridge } = useHall();
  const [state, setState] = useState<CoverageState>(enabled ? { status: 'loading' } : { status: 'off' });
  useEffect(() => {
    if (!enabled) {
      setState({ status: 'off' });
      return;
    }
    const abort = new AbortController();
    setState((s) => (s.status === 'ready' && s.coverage.date === date ? s : { status: 'loading' }));
    const load = () =>
      fetchApi(bridge, 'patrolCoverage', { query: { date }, signal: abort.signal }).then(
        (coverage) => setState({ status: 'ready', coverage, at: Date.now() }),
        (error: Error) => !abort.signal.aborted && setState({ status: 'failed', message: error.message }),
      );
    void load();
    const timer = setInterval(load, refreshMs);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
  }, [bridge, date, enabled, refreshMs]);
  return state;
}
