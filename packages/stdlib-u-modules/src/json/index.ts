export {
  JsonDecodeError,
  JsonTypeError,
  JsonValueError,
  dumpJson,
  encodeJsonString,
  parseJson,
  type DumpOptions,
  type JsonBuilder,
  type JsonKind,
} from './json.js';
