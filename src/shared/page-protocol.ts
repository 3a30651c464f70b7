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
import type { TermIndex } from '../core/name-matcher';
import { parsePresence } from './presence-map';

export const PAGE_PORT_NAME = 'presence-lens:page';

/** More than any watch list we keep (the UI caps it far lower): a bound, not a product limit. */
export const MAX_PAGE_CONTACTS = 5_000;
const MAX_TEXT = 320;
/** A hint's units at most, with its separator (term-hint.ts). */
const MAX_HINT = 8;

/** What a badge and its card say about a watched contact. */
export interface PagePerson {
  readonly name: string;
  /** For "Open chat"; "" when the contact has none. */
  readonly email: string;
}

/**
 * The watched contacts, as a page needs them. Made once per watch list by the worker
 * (src/background/page-contacts.ts) and read lazily by the page: a page's code runs cold on every
 * load, so it must not loop over a thousand contacts to get started. Each entry is checked when it
 * is first used (personOf, matcherFromIndex), not on arrival.
 */
export interface PageContacts {
  /** Changes whenever anything below does: the same revision again needs no new scan. */
  readonly revision: string;
  readonly people: Readonly<Record<string, PagePerson>>;
  /** Lower-case email -> contact id, for `mailto:` links. */
  readonly emails: Readonly<Record<string, string>>;
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

/** A contact's name and email, if the worker's entry for it is well formed. */
export function personOf(people: PageContacts['people'], id: string): PagePerson | null {
  if (!Object.hasOwn(people, id)) return null;
  const person: unknown = people[id];
  if (!isRecord(person) || !isShortText(person.name) || !isShortText(person.email)) return null;
  return { name: person.name, email: person.email };
}

/** An id for an email, if the worker's entry for it is well formed. */
export function contactForEmail(emails: PageContacts['emails'], email: string): string | null {
  if (!Object.hasOwn(emails, email)) return null;
  const id: unknown = emails[email];
  return isShortText(id) && id !== '' ? id : null;
}

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
  const { revision, people, emails, index } = raw;
  if (!isShortText(revision) || !isBoundedRecord(people) || !isBoundedRecord(emails)) {
    return err('contacts need a revision, people and emails');
  }
  if (!isRecord(index)) return err('contacts need an index');
  const { size, spaceless, punctuation, buckets, hints } = index;
  if (typeof size !== 'number' || !isBoundedRecord(buckets)) return err('a bad term index');
  // Hints are escaped where they are compiled (term-hint.ts): any string is safe, if bounded.
  if (!isString(hints) || hints.length > MAX_PAGE_CONTACTS * 4 * MAX_HINT) {
    return err('bad term hints');
  }
  return ok({
    type: 'contacts',
    focusable: raw.focusable === true,
    revision,
    people: people as PageContacts['people'],
    emails: emails as PageContacts['emails'],
    index: {
      size,
      spaceless: spaceless === true,
      punctuation: punctuation === true,
      buckets: buckets as TermIndex['buckets'],
      hints,
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
