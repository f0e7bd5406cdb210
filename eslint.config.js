// Flat config. Besides the recommended rules it enforces the layering the architecture depends on:
// the hall core and the shared code run without Electron (headless hall, tests), the shared code also runs in
// the renderer (so no Node built-ins), and the renderer reaches into electron/ only through electron/common.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const electronBan = { name: 'electron', message: 'This layer must run without Electron (headless hall, unit tests).' };
const nodeBuiltins = [...builtinModules.filter((m) => !m.startsWith('_')), ...builtinModules.map((m) => `node:${m}`)];

// Scripts and configs run on the Node that runs ESLint (Node 24), so its globals are exactly theirs.
const nodeGlobals = Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((name) => [name, 'readonly']));

export default defineConfig(
  { ignores: ['out/', 'dist/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: nodeGlobals } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/hall/**', 'electron/main/window-planner.ts', 'electron/main/restart-policy.ts', 'electron/main/app-config.ts', 'electron/main/app-url.ts', 'electron/main/hall-bridge.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronBan] }] },
  },
  {
    files: ['electron/common/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronBan,
            ...nodeBuiltins.map((name) => ({ name, message: 'electron/common also runs in the renderer: no Node built-ins.' })),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to the shell only through window.hallBridge.' }],
          patterns: [
            {
              regex: '(^|/)electron/(?!common/)',
              message: 'The renderer may import from electron/ only electron/common/** (hall core and shell internals are off limits).',
            },
          ],
        },
      ],
    },
  },
);
