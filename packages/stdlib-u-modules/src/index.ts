// @mpy-ts/stdlib-u-modules: MicroPython's micro-libraries. The engines below are plain TypeScript and
// know nothing of the VM's object model; the Python bindings wrap them.
export * from './re/index.js';
export * from './struct/index.js';
export * from './framebuf/index.js';
export * from './zlib/index.js';
export * from './hashlib/index.js';
export * from './binascii/index.js';
export * from './time/index.js';
export * from './random/index.js';
export * from './uctypes/index.js';
export * from './json/index.js';

// The Python bindings (modules registered with core-vm).
export { registerStdlibModules, stdlibModuleNames } from './python/index.js';
