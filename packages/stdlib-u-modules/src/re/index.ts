export {
  FLAG_ASCII,
  FLAG_DOTALL,
  FLAG_IGNORECASE,
  FLAG_MULTILINE,
  FLAG_UNICODE,
  FLAG_VERBOSE,
  RegexSyntaxError,
} from './ast.js';
export { RegexTooComplexError, MAX_GROUPS } from './limits.js';
export { RegexStackOverflowError, RegexStepLimitError, DEFAULT_MAX_BACKTRACK, type RunOptions } from './vm.js';
export {
  MODE_FULLMATCH,
  MODE_MATCH,
  MODE_SEARCH,
  Regex,
  TemplateIndexError,
  codePoints,
  compileRegex,
  eachMatch,
  eachMatchCPython,
  expandTemplate,
  fromCodePoints,
  parseTemplate,
  type CompileOptions,
  type TemplatePart,
} from './regex.js';
