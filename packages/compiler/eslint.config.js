import { config } from '@mpy-ts/eslint-config';

export default [
  ...config(import.meta.dirname),
  // The compiler switches over AST node kinds and handles "everything else" in a `default:` on purpose.
  { files: ['**/*.ts'], rules: { '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }] } },
];
