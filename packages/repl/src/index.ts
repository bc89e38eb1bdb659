export {
  ESP8266_BANNER, FORCED_EXIT, KEYBOARD_INTERRUPT, PASTE_MODE_HEADER, RAW_REPL_HEADER, Repl,
  UNHANDLED_EXCEPTION, makeBanner,
} from './repl.js';
export type { ReplMode, ReplOptions, ReplProfile } from './repl.js';
export type { ExecMode, ExecOptions, ExecResult, ReplEvaluator } from './evaluator.js';
export { READLINE_CONTINUE, READLINE_ENTER, Readline, cursorBack } from './readline.js';
export type { ReadlineFeatures, ReadlineHost } from './readline.js';
export { autocomplete, formatCompletionList } from './completion.js';
export type { Completion, CompletionSource } from './completion.js';
export { continueWithInput } from './continuation.js';
export { decodeUtf8, encodeUtf8 } from './utf8.js';
export * from './chars.js';
