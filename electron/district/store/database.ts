// The one module of the district simulator that talks to the SQLite driver (like the hall's store/database.ts,
// which the layering keeps it from importing): WAL, synchronous FULL, so whatever the simulator acknowledges has
// been committed and survives kill -9 and power loss. Writes go through `writeTx` (BEGIN IMMEDIATE).
import Database from 'better-sqlite3';
import { DISTRICT_MIGRATIONS } from './migrations.ts';

export interface DistrictStore {
  readonly path: string;
  writeTx<T>(fn: () => T): T;
  run(sql: string, ...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  get<T>(sql: string, ...params: unknown[]): T | undefined;
  all<T>(sql: string, ...params: unknown[]): T[];
  close(): void;
}

export function openDistrictStore(path: string): DistrictStore {
  const db = new Database(path);
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > DISTRICT_MIGRATIONS.length) {
    db.close();
    throw new Error(`district database ${path} has schema ${current}, newer than this simulator's (${DISTRICT_MIGRATIONS.length})`);
  }
  DISTRICT_MIGRATIONS.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + i + 1}`);
    }).immediate();
  });

  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  return {
    path,
    writeTx: (fn) => db.transaction(fn).immediate(),
    run: (sql, ...params) => prepared(sql).run(...params),
    get: (sql, ...params) => prepared(sql).get(...params) as never,
    all: (sql, ...params) => prepared(sql).all(...params) as never,
    close: () => db.close(),
  };
}
