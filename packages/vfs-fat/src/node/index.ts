// Node-only parts of @mpy-ts/vfs-fat: image files as block devices, and the `mpy-fat` command.
export { FileBlockDevice } from './file-device.js';
export { main as runCli } from './cli.js';
