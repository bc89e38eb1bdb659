// Test lists (the gate's pass list, skip lists): one corpus-relative path per line; `#` starts a comment,
// and a comment after a path is that entry's note (for a skip list: the reason).
import { readFile } from 'node:fs/promises';

/** Parses a list: path → note (empty when the line has none). Duplicates are an error. */
export function parseList(text: string, name = 'list'): Map<string, string> {
  const entries = new Map<string, string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const hash = raw.indexOf('#');
    const path = (hash < 0 ? raw : raw.slice(0, hash)).trim();
    if (path === '') return;
    if (/\s/.test(path)) throw new Error(`${name}:${i + 1}: one path per line, got ${JSON.stringify(path)}`);
    if (entries.has(path)) throw new Error(`${name}:${i + 1}: ${path} is listed twice`);
    entries.set(path, hash < 0 ? '' : raw.slice(hash + 1).trim());
  });
  return entries;
}

export async function readList(file: string): Promise<Map<string, string>> {
  return parseList(await readFile(file, 'utf8'), file);
}

/** The list's text with `paths` appended as one sorted block (existing lines and comments are kept). */
export function appendToList(text: string, paths: Iterable<string>): string {
  const added = [...paths].sort();
  if (added.length === 0) return text;
  const base = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  return base + added.map((p) => `${p}\n`).join('');
}
