// The layering rules of eslint.config.js (the LAYERS table and the store placement rules), checked on
// in-memory snippets through ESLint's Node API.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
const eslint = new ESLint({ cwd: resolve(import.meta.dirname, '../..') });

async function problems(code: string, filePath: string, rule = 'hall/layering'): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}
const sqlProblems = (code: string, filePath: string) => problems(`const x = 1;\n${code}`, filePath, 'hall/sql-in-store');

describe('lint layering', () => {
  it('the hall core must not import electron, nor the shell', async () => {
    expect(await problems("import { x } from 'electron';", 'electron/hall/lint-probe.ts')).toHaveLength(1);
    expect(await problems("import { x } from '../main/ipc.ts';", 'electron/hall/lint-probe.ts')).toEqual(['electron/hall may import from electron/common, not from electron/main.']);
    expect(await problems("import { x } from 'node:fs';", 'electron/hall/lint-probe.ts')).toEqual([]);
    expect(await problems("import { x } from '../common/protocol.ts';", 'electron/hall/lint-probe.ts')).toEqual([]);
  });

  it('shared code imports from no other layer, neither electron nor Node built-ins', async () => {
    for (const source of ['electron', 'node:path', 'fs', 'node:crypto', '../hall/hall-core.ts', '../../renderer/src/App.tsx']) {
      expect(await problems(`import { x } from '${source}';`, 'electron/common/lint-probe.ts')).toHaveLength(1);
    }
    expect(await problems("import { x } from 'zod';", 'electron/common/lint-probe.ts')).toEqual([]);
  });

  it('the pure shell modules must not import electron; main and preload reach only common', async () => {
    for (const file of ['window-planner.ts', 'restart-policy.ts']) {
      expect(await problems("import { x } from 'electron';", `electron/main/${file}`)).toHaveLength(1);
    }
    expect(await problems("import { x } from 'electron';", 'electron/main/lint-probe.ts')).toEqual([]);
    expect(await problems("import { x } from '../hall/lan-hub.ts';", 'electron/main/lint-probe.ts')).toHaveLength(1);
    expect(await problems("import { x } from '../main/ipc.ts';", 'electron/preload/lint-probe.ts')).toHaveLength(1);
    expect(await problems("import { x } from '../common/ipc-channels.ts';", 'electron/preload/lint-probe.ts')).toEqual([]);
  });

  it('the renderer reaches into electron/ only through electron/common, and uses no Node built-ins', async () => {
    const file = 'renderer/src/components/lint-probe.tsx';
    expect(await problems("import { x } from '../../../electron/hall/store/db.ts';", file)).toHaveLength(1);
    expect(await problems("import { x } from '../../../electron/main/ipc.ts';", file)).toHaveLength(1);
    expect(await problems("import { x } from 'electron';", file)).toHaveLength(1);
    expect(await problems("import { x } from 'node:fs';", file)).toHaveLength(1);
    expect(await problems("import { x } from '../../../electron/common/protocol.ts';", file)).toEqual([]);
  });

  it('the SQLite driver is imported only in the store module', async () => {
    expect(await problems("import x from 'better-sqlite3';", 'electron/hall/lint-probe.ts')).toHaveLength(1);
    expect(await problems("import x from 'better-sqlite3';", 'electron/hall/store/lint-probe.ts')).toEqual([]);
  });

  it('SQL statements are written only in electron/hall/store/', async () => {
    expect(await sqlProblems("db.all('SELECT view FROM cases');", 'electron/hall/lint-probe.ts')).toHaveLength(1);
    expect(await sqlProblems('db.run(`INSERT INTO meta (key) VALUES (${k})`);', 'electron/hall/reports/lint-probe.ts')).toHaveLength(1);
    expect(await sqlProblems("db.all('SELECT view FROM cases');", 'electron/hall/store/lint-probe.ts')).toEqual([]);
    // Words that merely start like a keyword are not statements.
    expect(await sqlProblems("log('Selected 3 cases'); log('UPDATED'); log('选择 SELECT');", 'electron/hall/lint-probe.ts')).toEqual([]);
  });
});
