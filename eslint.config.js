import { config } from '@mpy-ts/eslint-config';

// The repository's own scripts (each package lints itself through its own eslint.config.js).
export default config(import.meta.dirname, { host: true, ignores: ['packages/**', 'apps/**', 'tooling/**', '.tools/**'] });
