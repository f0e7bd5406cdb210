// The layering rules of eslint.config.js, checked on in-memory snippets through ESLint's Node API.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
const eslint = new ESLint({ cwd: resolve(import.meta.dirname, '../..') });

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint layering', () => {
  it('the hall core must not import electron', async () => {
    expect(await restrictedImports("import { x } from 'electron';", 'electron/hall/lint-probe.ts')).toHaveLength(1);
    expect(await restrictedImports("import { x } from 'node:fs';", 'electron/hall/lint-probe.ts')).toEqual([]);
  });

  it('shared code must import neither electron nor Node built-ins', async () => {
    for (const source of ['electron', 'node:path', 'fs', 'node:crypto']) {
      expect(await restrictedImports(`import { x } from '${source}';`, 'electron/common/lint-probe.ts')).toHaveLength(1);
    }
    expect(await restrictedImports("import { x } from 'zod';", 'electron/common/lint-probe.ts')).toEqual([]);
  });

  it('the pure shell modules must not import electron', async () => {
    for (const file of ['window-planner.ts', 'restart-policy.ts']) {
      expect(await restrictedImports("import { x } from 'electron';", `electron/main/${file}`)).toHaveLength(1);
    }
    expect(await restrictedImports("import { x } from 'electron';", 'electron/main/lint-probe.ts')).toEqual([]);
  });

  it('the renderer reaches into electron/ only through electron/common', async () => {
    const file = 'renderer/src/components/lint-probe.tsx';
    expect(await restrictedImports("import { x } from '../../../electron/hall/store/db.ts';", file)).toHaveLength(1);
    expect(await restrictedImports("import { x } from '../../../electron/main/ipc.ts';", file)).toHaveLength(1);
    expect(await restrictedImports("import { x } from 'electron';", file)).toHaveLength(1);
    expect(await restrictedImports("import { x } from '../../../electron/common/protocol.ts';", file)).toEqual([]);
  });
});
