export { BinasciiError, a2bBase64, b2aBase64, hexlify, unhexlify } from './binascii.js';
