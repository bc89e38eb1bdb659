import { packageProject } from '@mpy-ts/vitest-config';

// The interop and model tests run 100k-key datasets through the engine and the C library.
export default packageProject(import.meta.dirname, { testTimeout: 180_000 });
