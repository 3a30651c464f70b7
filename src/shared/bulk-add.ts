/**
 * "Paste a list" on the options page: many emails or person ids added at once. The worker looks
 * them up at a pace the People API allows and reports progress through `bulkAddProgressItem`
 * (src/shared/storage-items.ts); the request's answer is the summary.
 */
import { parseWatchedContact, type WatchedContact } from './contact';
import { fields, flag, listOf, safeInteger, text, type Guard } from './payload-guards';

/** At most this many entries per "Add all": more would take minutes at the People API's pace. */
export const MAX_BULK_QUERIES = 500;

/**
 * Splits pasted text into entries: new lines, commas, semicolons or spaces separate them. Each
 * entry is trimmed, empty ones are dropped, and an entry given twice (ignoring case) is kept once.
 * Mail clients paste `Ada Lovelace <ada@example.com>`: the address in angle brackets is taken.
 */
export function splitPastedList(pasted: string): string[] {
  const seen = new Set<string>();
  const entries: string[] = [];
  // Angle-bracketed addresses first, so "Ada Lovelace <ada@x>" does not become three entries.
  // A quoted name may hold commas ("Hopper, Grace" <grace@x>): it goes first.
  const unwrapped = pasted
    .replace(/"[^"\n]*"\s*(?=<)/g, ' ')
    .replace(/[^\n,;<>]*<([^<>\s]+@[^<>\s]+)>/g, ' $1 ');
  for (const piece of unwrapped.split(/[\s,;]+/)) {
    const entry = piece.trim();
    const key = entry.toLowerCase();
    if (entry === '' || seen.has(key)) continue;
    seen.add(key);
    entries.push(entry);
  }
  return entries;
}

export interface FailedQuery {
  readonly query: string;
  readonly error: string;
}

export interface BulkAddSummary {
  readonly added: readonly WatchedContact[];
  /** The queries whose person is on the list already. */
  readonly alreadyWatched: readonly string[];
  readonly notFound: readonly string[];
  /** Queries that named a bot: bots have no presence, so they are refused. */
  readonly bots: readonly string[];
  /** Not an email or person id, or the lookup failed (network, server): worth another try. */
  readonly failed: readonly FailedQuery[];
}

export interface BulkAddProgress {
  readonly done: number;
  readonly total: number;
  /** False once the run has finished (or stopped). */
  readonly running: boolean;
}

const queries = listOf(text(1000), MAX_BULK_QUERIES * 2);

export const bulkAddSummary: Guard<BulkAddSummary> = fields({
  added: listOf(parseWatchedContact, MAX_BULK_QUERIES * 2),
  alreadyWatched: queries,
  notFound: queries,
  bots: queries,
  failed: listOf(fields({ query: text(1000), error: text(1000) }), MAX_BULK_QUERIES * 2),
});

export const bulkAddProgress: Guard<BulkAddProgress> = fields({
  done: safeInteger,
  total: safeInteger,
  running: flag,
});
