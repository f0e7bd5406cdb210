// The problems, problem_cases and leader_copies tables: persistent problems (顽症) and copies to the leader
// (抄报) as they now are, projected from the log, with the columns the hall's checks look them up by.
import type { LeaderCopy, ProblemView } from '../../common/protocol.ts';
import type { Store } from './database.ts';

const parse = <T>(rows: Array<{ view: string }>) => rows.map((r) => JSON.parse(r.view) as T);

export function upsertProblem(db: Store, problem: ProblemView): void {
  db.run(
    `INSERT INTO problems (id, no, grid_id, category, state, updated_at, view) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at, view = excluded.view`,
    problem.id, problem.no, problem.gridId, problem.category, problem.state, problem.updatedAt, JSON.stringify(problem),
  );
  if (problem.state === 'dismissed') return;
  for (const caseId of problem.caseIds) db.run('INSERT OR IGNORE INTO problem_cases (case_id, problem_id) VALUES (?, ?)', caseId, problem.id);
}

export function loadProblem(db: Store, id: string): ProblemView | undefined {
  const row = db.get<{ view: string }>('SELECT view FROM problems WHERE id = ?', id);
  return row && (JSON.parse(row.view) as ProblemView);
}

export const loadProblems = (db: Store): ProblemView[] => parse(db.all<{ view: string }>('SELECT view FROM problems ORDER BY no'));

/** Every record at a grid and category, dismissed proposals included. */
export const problemsAt = (db: Store, gridId: string, category: string): ProblemView[] =>
  parse(db.all<{ view: string }>('SELECT view FROM problems WHERE grid_id = ? AND category = ? ORDER BY no', gridId, category));

/** The open or closed problems that hold any of these cases. */
export const problemsHolding = (db: Store, caseIds: readonly string[]): ProblemView[] =>
  caseIds.length === 0 ? [] : parse(db.all<{ view: string }>(
    `SELECT view FROM problems WHERE id IN (SELECT problem_id FROM problem_cases WHERE case_id IN (${caseIds.map(() => '?').join(', ')})) ORDER BY no`,
    ...caseIds,
  ));

export function upsertCopy(db: Store, copy: LeaderCopy): void {
  db.run(
    `INSERT INTO leader_copies (id, no, problem_id, case_id, acknowledged, view) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET acknowledged = excluded.acknowledged, view = excluded.view`,
    copy.id, copy.no, copy.problemId, copy.caseId, copy.acknowledgedAt === null ? 0 : 1, JSON.stringify(copy),
  );
}

export function loadCopy(db: Store, id: string): LeaderCopy | undefined {
  const row = db.get<{ view: string }>('SELECT view FROM leader_copies WHERE id = ?', id);
  return row && (JSON.parse(row.view) as LeaderCopy);
}

export const loadCopies = (db: Store): LeaderCopy[] => parse(db.all<{ view: string }>('SELECT view FROM leader_copies ORDER BY no'));

/** Copies of this problem or case not yet acknowledged. */
export const unacknowledgedCopiesOf = (db: Store, subject: { problemId?: string; caseId?: string }): LeaderCopy[] =>
  parse(db.all<{ view: string }>(
    'SELECT view FROM leader_copies WHERE acknowledged = 0 AND (problem_id = ? OR case_id = ?) ORDER BY no',
    subject.problemId ?? null, subject.caseId ?? null,
  ));
