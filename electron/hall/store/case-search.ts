// S-4.8: find cases by Chinese text, grid, source, department, state and time. Text of three or more
// characters goes through the FTS5 trigram index; one or two characters (common in Chinese: 积水, 噪音)
// cannot form a trigram and fall back to LIKE over the same table.
import type { CaseQuery } from '../../common/http-api.ts';
import type { CaseView } from '../../common/protocol.ts';
import type { Store } from './database.ts';
import { getMeta, setMeta } from './meta-table.ts';
import { caseOf, highestCaseNo } from './case-table.ts';

/**
 * Brings the trigram index up to the cases table. Only intake writes searchable text, so the index is a
 * tail of new cases: keeping it off the append path makes every append cheaper, and catching up here, just
 * before a search, keeps every search complete.
 */
export function catchUpSearchIndex(store: Store): number {
  const head = Number(getMeta(store, 'search_head') ?? 0);
  const last = highestCaseNo(store);
  if (last <= head) return 0;
  return store.writeTx(() => {
    const added = store.run(
      `INSERT INTO cases_fts (rowid, title, description, address, category)
       SELECT no, view ->> '$.title', view ->> '$.description', view ->> '$.address', view ->> '$.category' FROM cases WHERE no > ?`,
      head,
    ).changes;
    setMeta(store, 'search_head', String(last));
    return added;
  });
}

/** Newest first. `department` matches lead or assisting. */
export function searchCases(store: Store, query: CaseQuery): CaseView[] {
  if (query.q) catchUpSearchIndex(store);
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
  return store.all<{ view: string }>(sql, ...params, query.limit).map((r) => caseOf(r.view));
}
