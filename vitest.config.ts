import { defineConfig } from 'vitest/config';

// Every package and app with a vitest.config.ts is a project (see tooling/vitest-config).
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts'],
  },
});
