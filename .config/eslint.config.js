// Room boundaries from docs: who may import whom. A violation is a lint error, so `npm test` fails.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ui = ['react', 'react/*', 'ink', 'ink-*', '@inquirer/*'];
const processes = ['node:child_process', 'child_process', 'execa'];
const network = ['node:http', 'node:https', 'node:net', '@octokit/*', 'undici'];
const io = ['node:fs', 'node:fs/promises', 'fs', 'fs/promises', 'node:os', 'os', ...processes, ...network];

function rooms(group, message) {
  return { group, message };
}

function restrict(files, patterns) {
  return {
    files,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname + '/..' } },
    rules: {
      // A forgotten await in a release tool is a silent half-release.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  restrict(
    ['src/domain/**'],
    [
      rooms([...io, ...ui], 'domain/ is pure: no I/O, no UI.'),
      rooms(
        ['**/engine/**', '**/adapters/**', '**/ui/**', '**/plain/**', '**/cli/**', '**/sandbox/**'],
        'domain/ imports only domain/.',
      ),
    ],
  ),
  restrict(
    ['src/ports/**'],
    [
      rooms([...io, ...ui], 'ports/ holds interfaces only.'),
      rooms(
        ['**/engine/**', '**/adapters/**', '**/ui/**', '**/plain/**', '**/cli/**', '**/sandbox/**'],
        'ports/ may import domain/ types only.',
      ),
    ],
  ),
  restrict(
    ['src/engine/**'],
    [
      rooms(
        [...ui, ...processes, ...network],
        'engine/ is headless: no React, no processes, no network. Go through a port.',
      ),
      rooms(
        ['**/adapters/**', '**/ui/**', '**/plain/**', '**/cli/**', '**/sandbox/**'],
        'engine/ reaches the world through ports/ only.',
      ),
    ],
  ),
  restrict(
    ['src/adapters/**'],
    [
      rooms(ui, 'adapters/ never render.'),
      rooms(
        ['**/engine/**', '**/ui/**', '**/plain/**', '**/cli/**'],
        'adapters/ implement ports/; they do not know the engine or the front ends.',
      ),
    ],
  ),
  restrict(
    ['src/ui/**', 'src/plain/**'],
    [
      rooms(
        [...processes, ...network, 'node:fs', 'node:fs/promises'],
        'Front ends never run processes or touch files: the engine does.',
      ),
      rooms(
        ['**/adapters/**', '**/engine/stages/**', '**/sandbox/**'],
        'Front ends see engine events and the prompter port only.',
      ),
    ],
  ),
  restrict(
    ['src/sandbox/**'],
    [
      rooms(ui, 'sandbox/ never renders.'),
      rooms(
        ['**/engine/**', '**/ui/**', '**/plain/**', '**/cli/**'],
        'sandbox/ is a world of its own: domain/ and Node only.',
      ),
    ],
  ),
  {
    files: ['src/cli/**', 'test/**', 'bench/**', '.config/**'],
    rules: { 'no-console': 'off' },
  },
);
