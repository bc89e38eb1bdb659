// The `help` builtin the REPL banner points at (MicroPython's py/builtinhelp.c behaviour): `help()`
// prints the port's help text, `help('modules')` the built-in modules in four 18-column columns,
// `help(obj)` the object, its type and the names its module, class or type defines.
import {
  builtin, dictGet, dictKeys, dictSetStr, PyModule, PyType, str, typeOf,
} from '@mpy-ts/core-vm';
import type { VM } from '@mpy-ts/core-vm';

/** MicroPython's default help text (the unix port's). */
export const DEFAULT_HELP_TEXT =
  'Welcome to MicroPython!\n' +
  '\n' +
  'For online docs please visit http://docs.micropython.org/\n' +
  '\n' +
  'Control commands:\n' +
  '  CTRL-A        -- on a blank line, enter raw REPL mode\n' +
  '  CTRL-B        -- on a blank line, enter normal REPL mode\n' +
  '  CTRL-C        -- interrupt a running program\n' +
  '  CTRL-D        -- on a blank line, exit or do a soft reset\n' +
  '  CTRL-E        -- on a blank line, enter paste mode\n' +
  '\n' +
  'For further help on a specific object, type help(obj)\n';

/** The ESP8266 port's help text (v1.9.4 ports/esp8266/help.c; protocols.md 2.1). */
export const ESP8266_HELP_TEXT =
  'Welcome to MicroPython!\n' +
  '\n' +
  'For online docs please visit http://docs.micropython.org/en/latest/esp8266/ .\n' +
  "For diagnostic information to include in bug reports execute 'import port_diag'.\n" +
  '\n' +
  'Basic WiFi configuration:\n' +
  '\n' +
  'import network\n' +
  'sta_if = network.WLAN(network.STA_IF); sta_if.active(True)\n' +
  'sta_if.scan()                             # Scan for available access points\n' +
  'sta_if.connect("<AP_name>", "<password>") # Connect to an AP\n' +
  'sta_if.isconnected()                      # Check for successful connection\n' +
  "# Change name/password of ESP8266's AP:\n" +
  'ap_if = network.WLAN(network.AP_IF)\n' +
  'ap_if.config(essid="<AP_NAME>", authmode=network.AUTH_WPA_WPA2_PSK, password="<password>")\n' +
  '\n' +
  'Control commands:\n' +
  '  CTRL-A        -- on a blank line, enter raw REPL mode\n' +
  '  CTRL-B        -- on a blank line, enter normal REPL mode\n' +
  '  CTRL-C        -- interrupt a running program\n' +
  '  CTRL-D        -- on a blank line, do a soft reset of the board\n' +
  '  CTRL-E        -- on a blank line, enter paste mode\n' +
  '\n' +
  'For further help on a specific object, type help(obj)\n';

const NUM_COLUMNS = 4;
const COLUMN_WIDTH = 18;

/** The `help('modules')` listing: sorted, column-first, then the note about the filesystem. */
export function formatModuleList(names: readonly string[]): string {
  const items = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rows = Math.ceil(items.length / NUM_COLUMNS);
  let out = '';
  for (let i = 0; i < rows; i++) {
    for (let j = i; ; ) {
      out += items[j];
      const len = items[j].length;
      j += rows;
      if (j >= items.length) break;
      let gap = COLUMN_WIDTH - len;
      while (gap < 1) gap += COLUMN_WIDTH;
      out += ' '.repeat(gap);
    }
    out += '\n';
  }
  return out + 'Plus any modules on the filesystem\n';
}

/** Puts `help` into `vm`'s builtins, printing `text` for `help()`. */
export function installHelp(vm: VM, text: string = DEFAULT_HELP_TEXT): void {
  const out = (s: string) => vm.printTo(null, s, false);
  const help = builtin(
    'help',
    (...args: unknown[]) => {
      if (args.length === 0 || args[0] === undefined) {
        out(text);
        return null;
      }
      const obj = args[0];
      if (obj === 'modules') {
        out(formatModuleList(vm.builtinModuleNames().filter((n) => n !== '__main__')));
        return null;
      }
      const type = typeOf(obj);
      out(`object ${str(obj)} is of type ${type.name}\n`);
      if (obj instanceof PyModule) {
        for (const k of dictKeys(obj.dict)) out(`  ${str(k)} -- ${str(dictGet(obj.dict, k))}\n`);
      } else {
        const holder = obj instanceof PyType ? obj : type;
        for (const [k, v] of holder.dict) out(`  ${k} -- ${str(v)}\n`);
      }
      return null;
    },
    { params: 'obj', min: 0 },
  );
  dictSetStr(vm.builtins, 'help', help);
}
