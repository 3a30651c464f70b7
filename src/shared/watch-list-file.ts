/**
 * The watch list as a file, for export and import (options page):
 *
 *     { "format": "presence-lens-watch-list", "version": 1, "exportedAt": ISO-8601,
 *       "contacts": [WatchedContact, ...] }
 *
 * Reading checks each contact on its own: bad entries are reported by index (counting from 0,
 * as they stand in the file's `contacts` array) and the rest are kept. A file that is not JSON,
 * or not this format, is one error and yields nothing.
 */
import { isRecord } from '../core/json-guards';
import { err, ok, type Result } from '../core/result';
import { t } from '../ui/i18n';
import { parseWatchedContact, type WatchedContact } from './contact';
import { fields, listOf, safeInteger, text, type Guard } from './payload-guards';

export const WATCH_LIST_FORMAT = 'presence-lens-watch-list';
export const WATCH_LIST_FILE_VERSION = 1;
/** Larger files are refused before parsing: 5000 contacts fit in well under this. */
export const MAX_WATCH_LIST_FILE_CHARS = 2_000_000;
export const MAX_IMPORTED_CONTACTS = 5000;

export interface WatchListFile {
  readonly format: typeof WATCH_LIST_FORMAT;
  readonly version: typeof WATCH_LIST_FILE_VERSION;
  readonly exportedAt: string;
  readonly contacts: readonly WatchedContact[];
}

export function watchListFile(contacts: readonly WatchedContact[], now: number): WatchListFile {
  return {
    format: WATCH_LIST_FORMAT,
    version: WATCH_LIST_FILE_VERSION,
    exportedAt: new Date(now).toISOString(),
    contacts,
  };
}

/** "presence-lens-contacts-2026-12-04.json" */
export function watchListFileName(now: number): string {
  return `presence-lens-contacts-${new Date(now).toISOString().slice(0, 10)}.json`;
}

export interface BadEntry {
  /** Index in the file's `contacts` array, from 0. */
  readonly index: number;
  readonly reason: string;
}

export interface ReadWatchListFile {
  readonly contacts: readonly WatchedContact[];
  readonly bad: readonly BadEntry[];
}

/** Reads a file's text. The error (whole file refused) is a sentence a user can act on. */
export function readWatchListFile(textOfFile: string): Result<ReadWatchListFile> {
  if (textOfFile.length > MAX_WATCH_LIST_FILE_CHARS) {
    return err(t('import_file_too_large'));
  }
  let json: unknown;
  try {
    json = JSON.parse(textOfFile);
  } catch {
    return err(t('import_not_json'));
  }
  if (!isRecord(json) || json.format !== WATCH_LIST_FORMAT) {
    return err(t('import_unknown_format'));
  }
  if (json.version !== WATCH_LIST_FILE_VERSION) {
    return err(t('import_unknown_version', String(json.version)));
  }
  if (!Array.isArray(json.contacts)) {
    return err(t('import_no_contacts_array'));
  }
  if (json.contacts.length > MAX_IMPORTED_CONTACTS) {
    return err(t('import_too_many_contacts', String(MAX_IMPORTED_CONTACTS)));
  }
  const contacts: WatchedContact[] = [];
  const bad: BadEntry[] = [];
  const ids = new Set<string>();
  for (let index = 0; index < json.contacts.length; index++) {
    const parsed = parseWatchedContact(json.contacts[index]);
    if (!parsed.ok) {
      bad.push({ index, reason: parsed.error });
    } else if (ids.has(parsed.value.contactId)) {
      bad.push({ index, reason: t('import_listed_twice', parsed.value.contactId) });
    } else {
      ids.add(parsed.value.contactId);
      contacts.push(parsed.value);
    }
  }
  return ok({ contacts, bad });
}

export interface ImportReport {
  readonly added: readonly WatchedContact[];
  /** Names of the contacts in the file that were watched already (kept as they were). */
  readonly alreadyWatched: readonly string[];
  readonly bad: readonly BadEntry[];
  /** Names of contacts the People API no longer knows, or that are bots: not imported. */
  readonly notFound: readonly string[];
  readonly bots: readonly string[];
}

const names = listOf(text(1000), MAX_IMPORTED_CONTACTS);

export const importReport: Guard<ImportReport> = fields({
  added: listOf(parseWatchedContact, MAX_IMPORTED_CONTACTS),
  alreadyWatched: names,
  bad: listOf(fields({ index: safeInteger, reason: text(1000) }), MAX_IMPORTED_CONTACTS),
  notFound: names,
  bots: names,
});
