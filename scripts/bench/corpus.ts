/**
 * Reads and validates a corpus folder: `names.json` (`[{ "page": "pages/x.html", "names": [...] }]`)
 * plus the pages it lists. Every problem is reported as a `CorpusError` with a clear message.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CorpusEntry } from './types';

export class CorpusError extends Error {
  override name = 'CorpusError';
}

export interface Corpus {
  /** Absolute path of the corpus folder. */
  readonly dir: string;
  readonly entries: readonly CorpusEntry[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one `names.json` item; `where` names it in error messages. */
function validateEntry(value: unknown, where: string): CorpusEntry {
  if (!isRecord(value)) throw new CorpusError(`${where}: expected an object { page, names }`);
  const { page, names } = value;
  if (typeof page !== 'string' || page.trim() === '') {
    throw new CorpusError(`${where}: "page" must be a non-empty string`);
  }
  const normalised = path.posix.normalize(page.replaceAll('\\', '/'));
  if (path.posix.isAbsolute(normalised) || normalised.startsWith('../') || normalised === '..') {
    throw new CorpusError(
      `${where}: "page" must be a path inside the corpus folder, got "${page}"`,
    );
  }
  if (!/\.x?html?$/i.test(normalised)) {
    throw new CorpusError(`${where}: "page" must be an .html file, got "${page}"`);
  }
  if (!Array.isArray(names) || names.length === 0) {
    throw new CorpusError(`${where}: "names" must be a non-empty array of strings`);
  }
  const checked = names.map((name: unknown, i) => {
    if (typeof name !== 'string' || name.trim() === '') {
      throw new CorpusError(`${where}: names[${i}] must be a non-empty string`);
    }
    return name.trim();
  });
  return { page: normalised, names: checked };
}

export function readCorpus(dirArg: string): Corpus {
  const dir = path.resolve(dirArg);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new CorpusError(`corpus folder not found: ${dir}`);
  }
  if (!isDir) throw new CorpusError(`corpus path is not a folder: ${dir}`);

  const namesFile = path.join(dir, 'names.json');
  let text: string;
  try {
    text = readFileSync(namesFile, 'utf8');
  } catch {
    throw new CorpusError(
      `missing ${namesFile} (expected [{ "page": "pages/x.html", "names": [...] }])`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CorpusError(`${namesFile} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed)) throw new CorpusError(`${namesFile}: expected a JSON array`);
  if (parsed.length === 0) throw new CorpusError(`${namesFile}: the array is empty`);

  const seen = new Set<string>();
  const entries = parsed.map((item: unknown, i) => {
    const entry = validateEntry(item, `${namesFile} [${i}]`);
    if (seen.has(entry.page))
      throw new CorpusError(`${namesFile} [${i}]: duplicate page "${entry.page}"`);
    seen.add(entry.page);
    const file = path.join(dir, entry.page);
    let isFile = false;
    try {
      isFile = statSync(file).isFile();
    } catch {
      isFile = false;
    }
    if (!isFile) throw new CorpusError(`${namesFile} [${i}]: page file not found: ${file}`);
    return entry;
  });
  return { dir, entries };
}
