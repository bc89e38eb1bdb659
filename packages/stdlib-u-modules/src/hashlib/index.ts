export { HASH_NAMES, Hasher } from './hashlib.js';
