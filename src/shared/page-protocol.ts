/**
 * The one port between a page's annotator (src/content/) and the worker. The page learns only
 * what it needs to draw badges: names, match terms and one email per watched contact, and the
 * presence of the contacts it actually shows. Never tokens, settings or the server.
 *
 * Imported by the content script, so this module must stay free of webextension-polyfill and of
 * anything large. Both ends validate and cap what they receive.
 */
import { isRecord, isString } from '../core/json-guards';
import type { Presence } from '../core/presence';
import { err, ok, type Result } from '../core/result';
import type { TermIndex } from '../core/term-index';
import { MAX_PERSON_TEXT } from './page-people';
import { parsePresence } from './presence-map';

export const PAGE_PORT_NAME = 'presence-lens:page';

/** More than any watch list we keep (the UI caps it far lower): a bound, not a product limit. */
export const MAX_PAGE_CONTACTS = 5_000;
const MAX_TEXT = MAX_PERSON_TEXT;
/** A hint's units at most, with its separator (term-hint.ts). */
const MAX_HINT = 8;
/** A record of page-people.ts at most: three texts and their separators. */
const MAX_PERSON_RECORD = 3 * MAX_PERSON_TEXT + 3;

/**
 * The watched contacts, as a page needs them. Made once per watch list by the worker
 * (src/background/page-contacts.ts) and read lazily by the page: a page's code runs cold on every
 * load, so it must not loop over a thousand contacts to get started. Each entry is checked when it
 * is first used (PagePeople, matcherFromIndex), not on arrival.
 */
export interface PageContacts {
  /** Changes whenever anything below does: the same revision again needs no new scan. */
  readonly revision: string;
  /** Encoded by page-people.ts; the index's term keys are positions in it. */
  readonly people: string;
  /** Display names, "First Last" forms and emails (also for `mailto:` links). */
  readonly index: TermIndex;
}

export type WorkerToPage =
  | ({
      readonly type: 'contacts';
      /** Badges are tab stops (an option: a page naming 200 people must not gain 200 by default). */
      readonly focusable: boolean;
    } & PageContacts)
  | { readonly type: 'presence'; readonly presences: readonly Presence[] }
  /** The site is no longer allowed (or never was): remove every badge and stop. */
  | { readonly type: 'stop' };

/** The contacts this page shows: the worker sends their presence now and on every change. */
export type PageToWorker = { readonly type: 'watch'; readonly ids: readonly string[] };

const isShortText = (value: unknown): value is string =>
  isString(value) && value.length <= MAX_TEXT;

function isBoundedRecord(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && Object.keys(value).length <= MAX_PAGE_CONTACTS * 4;
}

function parseList<T>(raw: unknown, parse: (item: unknown) => Result<T>): Result<T[]> {
  if (!Array.isArray(raw) || raw.length > MAX_PAGE_CONTACTS) return err('a bad or too long list');
  const items: T[] = [];
  for (const item of raw) {
    const parsed = parse(item);
    if (!parsed.ok) return parsed;
    items.push(parsed.value);
  }
  return ok(items);
}

function parseContacts(raw: Record<string, unknown>): Result<WorkerToPage> {
  const { revision, people, index } = raw;
  if (!isShortText(revision) || !isString(people))
    return err('contacts need a revision and people');
  if (people.length > MAX_PAGE_CONTACTS * MAX_PERSON_RECORD) return err('too many people');
  if (!isRecord(index)) return err('contacts need an index');
  const { size, spaceless, punctuation, buckets, hints, otherHints } = index;
  if (typeof size !== 'number' || !isBoundedRecord(buckets)) return err('a bad term index');
  // Hints are escaped where they are compiled (term-hint.ts): any string is safe, if bounded.
  const isHints = (value: unknown): value is string =>
    isString(value) && value.length <= MAX_PAGE_CONTACTS * 4 * MAX_HINT;
  if (!isHints(hints) || !isHints(otherHints)) return err('bad term hints');
  return ok({
    type: 'contacts',
    focusable: raw.focusable === true,
    revision,
    people,
    index: {
      size,
      spaceless: spaceless === true,
      punctuation: punctuation === true,
      buckets: buckets as TermIndex['buckets'],
      hints,
      otherHints,
    },
  });
}

export function parseWorkerToPage(raw: unknown): Result<WorkerToPage> {
  if (!isRecord(raw)) return err('a message must be an object');
  switch (raw.type) {
    case 'contacts':
      return parseContacts(raw);
    case 'presence': {
      const presences = parseList(raw.presences, parsePresence);
      return presences.ok ? ok({ type: 'presence', presences: presences.value }) : presences;
    }
    case 'stop':
      return ok({ type: 'stop' });
    default:
      return err('unknown message type');
  }
}

export function parsePageToWorker(raw: unknown): Result<PageToWorker> {
  if (!isRecord(raw) || raw.type !== 'watch') return err('unknown message type');
  const ids = parseList(raw.ids, (id) =>
    isShortText(id) && id !== '' ? ok(id) : err('a contact id must be short text'),
  );
  return ids.ok ? ok({ type: 'watch', ids: ids.value }) : ids;
}
