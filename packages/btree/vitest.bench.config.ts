import { packageProject } from '@mpy-ts/vitest-config';

// `pnpm bench`: runs bench/*.bench.ts once, printing its table (not a unit test: no timing assertions).
export default packageProject(import.meta.dirname, { include: ['bench/*.bench.ts'], testTimeout: 1_800_000 });
