import { packageProject } from '@mpy-ts/vitest-config';

export default packageProject(import.meta.dirname);
