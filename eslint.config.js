// Flat config. Besides the recommended rules it enforces the layering the architecture depends on, declared
// once in LAYERS below and checked by folder:
//   electron/common    pure shared code (protocol, contracts, domain); also runs in the renderer
//   electron/hall      the hall core: plain Node, runs headless and in Electron's utilityProcess
//   electron/district  the district simulator (S-7.6): plain Node, its own process, speaks the upstream protocol
//   electron/main      the Electron main process
//   electron/preload   the preload script
//   renderer/src       the React app (renderer/*.ts beside it are build-time Vite plugins)
// and two placement rules: the SQLite driver and every SQL statement of the product live in electron/hall/store/
// (the district simulator's in electron/district/store/)
// (tests may open a database themselves, to tamper with it or to measure the raw driver).
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;

/** Which layers each layer may import from (besides itself), and what else it must not use. */
export const LAYERS = {
  'electron/common': { imports: [], electron: false, nodeBuiltins: false },
  'electron/hall': { imports: ['electron/common'], electron: false, nodeBuiltins: true },
  'electron/district': { imports: ['electron/common'], electron: false, nodeBuiltins: true },
  'electron/main': { imports: ['electron/common'], electron: true, nodeBuiltins: true },
  'electron/preload': { imports: ['electron/common'], electron: true, nodeBuiltins: true },
  'renderer/src': { imports: ['electron/common'], electron: false, nodeBuiltins: false },
};
/** Shell modules with pure decisions, unit-tested without Electron. */
const PURE_SHELL = ['window-planner.ts', 'restart-policy.ts', 'app-config.ts', 'app-url.ts', 'hall-bridge.ts'].map((f) => `electron/main/${f}`);
const STORE = 'electron/hall/store';
const DISTRICT_STORE = 'electron/district/store';
const SQL_DRIVER = 'better-sqlite3';
/** A string that starts like an SQL statement (upper case keywords, as this code base writes them). */
const SQL_START = /^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|WITH|REPLACE|BEGIN|COMMIT|VACUUM)\s/;

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const within = (path, folder) => path === folder || path.startsWith(`${folder}/`);
const layerOf = (path) => Object.keys(LAYERS).find((folder) => within(path, folder));

const layering = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = relative(ROOT, context.filename).split('\\').join('/');
    const layer = layerOf(file);
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const report = (message) => context.report({ node, message });
      if (source === SQL_DRIVER && within(file, 'electron') && !within(file, STORE) && !within(file, DISTRICT_STORE)) {
        return report(`${SQL_DRIVER} is used only in ${STORE}/ (and the simulator's ${DISTRICT_STORE}/).`);
      }
      if (!layer) return;
      const rules = LAYERS[layer];
      if (source === 'electron' && (!rules.electron || PURE_SHELL.includes(file))) {
        return report(`${layer === 'electron/main' ? file : layer} must run without Electron (headless hall, unit tests).`);
      }
      if (!rules.nodeBuiltins && NODE_BUILTINS.has(source)) return report(`${layer} also runs in the browser: no Node built-in '${source}'.`);
      if (!source.startsWith('.')) return;
      const target = relative(ROOT, resolve(dirname(context.filename), source)).split('\\').join('/');
      const targetLayer = layerOf(target);
      if (targetLayer && targetLayer !== layer && !rules.imports.includes(targetLayer)) {
        report(`${layer} may import from ${rules.imports.length ? rules.imports.join(', ') : 'no other layer'}, not from ${targetLayer}.`);
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

const sqlPlacement = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = relative(ROOT, context.filename).split('\\').join('/');
    if (!within(file, 'electron') || within(file, STORE) || within(file, DISTRICT_STORE)) return {};
    const report = (node) => context.report({ node, message: `SQL statements belong in ${STORE}/ (a query module there; the simulator's in ${DISTRICT_STORE}/).` });
    return {
      Literal: (node) => typeof node.value === 'string' && SQL_START.test(node.value) && report(node),
      TemplateLiteral: (node) => SQL_START.test(node.quasis[0].value.cooked ?? '') && report(node),
    };
  },
};

// Scripts and configs run on the Node that runs ESLint (Node 24), so its globals are exactly theirs.
const nodeGlobals = Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((name) => [name, 'readonly']));

export default defineConfig(
  { ignores: ['out/', 'dist/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: nodeGlobals } },
  {
    plugins: { hall: { rules: { layering, 'sql-in-store': sqlPlacement } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'hall/layering': 'error',
      'hall/sql-in-store': 'error',
    },
  },
);
