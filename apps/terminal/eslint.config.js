import { config } from '@mpy-ts/eslint-config';

export default config(import.meta.dirname, { host: true });
