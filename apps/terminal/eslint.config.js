import { config } from '@mpy-ts/eslint-config';

export default [
  ...config(import.meta.dirname, { host: true }),
  // the launchers are CommonJS on purpose (faster start-up than the ES module loader)
  { files: ['bin/**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
];
