// Shared flat config. Usage in a package's eslint.config.js:
//
//   import { config } from '@mpy-ts/eslint-config';
//   export default config(import.meta.dirname, { host: false });
//
// `host: false` (the default) is for core packages: they run unchanged in Node, a browser Web Worker and
// anywhere else, so they may not touch Node or DOM globals; everything host-specific goes through the
// Host interface of core-vm (see ARCHITECTURE.md). `host: true` is for cli and apps.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const hostOnlyGlobals = [
  ...Object.keys(globals.node),
  ...Object.keys(globals.browser),
].filter((name) => !(name in globals.es2021) && !['console'].includes(name));

const restrictedGlobals = [...new Set([...hostOnlyGlobals, 'console'])].map((name) => ({
  name,
  message: 'core packages are host-independent: reach the host through the Host interface',
}));

/**
 * @param {string} dir the package directory (import.meta.dirname)
 * @param {{ host?: boolean, ignores?: string[] }} [options]
 */
export function config(dir, options = {}) {
  const host = options.host ?? false;
  return tseslint.config(
    { ignores: ['dist/**', 'coverage/**', 'node_modules/**', '*.config.ts', '*.config.js', ...(options.ignores ?? [])] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
      languageOptions: {
        parserOptions: { projectService: true, tsconfigRootDir: dir },
        globals: host ? { ...globals.node } : {},
      },
      linterOptions: { reportUnusedDisableDirectives: 'error' },
      rules: {
        '@typescript-eslint/switch-exhaustiveness-check': 'error',
        '@typescript-eslint/consistent-type-imports': 'error',
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        // An interpreter routinely handles values whose static type is wide on purpose.
        '@typescript-eslint/no-explicit-any': 'off',
        '@typescript-eslint/no-unsafe-assignment': 'off',
        '@typescript-eslint/no-unsafe-member-access': 'off',
        '@typescript-eslint/no-unsafe-argument': 'off',
        '@typescript-eslint/no-unsafe-return': 'off',
        '@typescript-eslint/no-unsafe-call': 'off',
        '@typescript-eslint/restrict-template-expressions': 'off',
        '@typescript-eslint/no-base-to-string': 'off',
        '@typescript-eslint/no-unnecessary-type-assertion': 'off',
        '@typescript-eslint/prefer-promise-reject-errors': 'off',
        '@typescript-eslint/only-throw-error': 'off',
        'no-constant-condition': ['error', { checkLoops: false }],
        'no-fallthrough': 'error',
        'no-cond-assign': ['error', 'except-parens'],
        'no-empty': ['error', { allowEmptyCatch: true }],
        'no-control-regex': 'off',
        'prefer-const': 'error',
        // Opcodes and flags are plain numeric consts (STYLE 15): enums are banned outright.
        'no-restricted-syntax': [
          'error',
          { selector: 'TSEnumDeclaration', message: 'use plain `export const` numbers, not enums' },
        ],
      },
    },
    host
      ? {}
      : {
          files: ['src/**/*.ts'],
          ignores: ['src/**/*.test.ts', 'src/**/__tests__/**', 'src/node/**', 'src/**/*.node.ts'],
          rules: {
            'no-restricted-globals': ['error', ...restrictedGlobals],
            'no-restricted-imports': [
              'error',
              {
                patterns: [
                  { group: ['node:*'], message: 'core packages may not import Node modules' },
                  { group: ['fs', 'path', 'os', 'child_process', 'worker_threads', 'net', 'http', 'crypto'], message: 'core packages may not import Node modules' },
                ],
              },
            ],
          },
        },
    {
      files: ['**/*.test.ts', '**/__tests__/**', 'test/**', 'bench/**', 'scripts/**'],
      languageOptions: { globals: { ...globals.node } },
      rules: {
        '@typescript-eslint/no-floating-promises': 'off',
        '@typescript-eslint/unbound-method': 'off',
      },
    },
    {
      // Plain JavaScript (bins, scripts, tooling): no type information, Node globals.
      files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
      ...tseslint.configs.disableTypeChecked,
      languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
    },
  );
}
