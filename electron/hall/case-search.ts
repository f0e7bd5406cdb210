// S-4.8: find cases by Chinese text, grid, source, department, state and time. Text of three or more
// characters goes through the FTS5 trigram index; one or two characters (common in Chinese: 积水, 噪音)
// cannot form a trigram and fall back to LIKE over the same table.
import { z } from 'zod';
import { CaseSource, CaseState, Department, Id, type CaseView } from '../common/protocol.ts';
import type { Store } from './store/database.ts';

export const TimeRange = z.object({ from: z.coerce.number().int().optional(), to: z.coerce.number().int().optional() });

export const CaseQuery = TimeRange.extend({
  q: z.string().trim().max(100).optional(),
  grid: Id.optional(),
  source: CaseSource.optional(),
  department: Department.optional(),
  state: CaseState.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type CaseQuery = z.infer<typeof CaseQuery>;

/** Newest first. `department` matches lead or assisting. */
export function searchCases(store: Store, query: CaseQuery): CaseView[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const text = query.q?.replace(/"/g, '""');
  if (text && [...text].length >= 3) {
    where.push('no IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?)');
    params.push(`"${text}"`);
  } else if (text) {
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const columns = ['title', 'description', 'address', 'category'];
    where.push(`no IN (SELECT rowid FROM cases_fts WHERE ${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    params.push(...columns.map(() => like));
  }
  const equal = (column: string, value: unknown) => {
    if (value === undefined) return;
    where.push(`${column} = ?`);
    params.push(value);
  };
  equal('grid_id', query.grid);
  equal('source', query.source);
  equal('state', query.state);
  if (query.department) {
    where.push("(lead = ? OR EXISTS (SELECT 1 FROM json_each(view, '$.assisting') WHERE value = ?))");
    params.push(query.department, query.department);
  }
  if (query.from !== undefined) {
    where.push('created_at >= ?');
    params.push(query.from);
  }
  if (query.to !== undefined) {
    where.push('created_at < ?');
    params.push(query.to);
  }
  const sql = `SELECT view FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, no DESC LIMIT ?`;
  return store.all<{ view: string }>(sql, ...params, query.limit).map((r) => JSON.parse(r.view) as CaseView);
}
