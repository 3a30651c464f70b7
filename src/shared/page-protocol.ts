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
import { parsePresence } from './presence-map';

export const PAGE_PORT_NAME = 'presence-lens:page';

/** More than any watch list we keep (the UI caps it far lower): a bound, not a product limit. */
export const MAX_PAGE_CONTACTS = 5_000;
const MAX_TERMS = 8;
const MAX_TEXT = 320;

export interface PageContact {
  readonly id: string;
  readonly name: string;
  /** For "Open chat"; "" when the contact has none. */
  readonly email: string;
  /** Names and emails to find on the page (src/core/contact-terms.ts). */
  readonly terms: readonly string[];
}

export type WorkerToPage =
  | {
      readonly type: 'contacts';
      readonly contacts: readonly PageContact[];
      /** Badges are tab stops (an option: a page naming 200 people must not gain 200 by default). */
      readonly focusable: boolean;
    }
  | { readonly type: 'presence'; readonly presences: readonly Presence[] }
  /** The site is no longer allowed (or never was): remove every badge and stop. */
  | { readonly type: 'stop' };

/** The contacts this page shows: the worker sends their presence now and on every change. */
export type PageToWorker = { readonly type: 'watch'; readonly ids: readonly string[] };

const isShortText = (value: unknown): value is string =>
  isString(value) && value.length <= MAX_TEXT;

function parsePageContact(raw: unknown): Result<PageContact> {
  if (!isRecord(raw)) return err('a contact must be an object');
  const { id, name, email, terms } = raw;
  if (!isShortText(id) || id === '' || !isShortText(name) || !isShortText(email)) {
    return err('a contact needs an id, a name and an email');
  }
  if (!Array.isArray(terms) || terms.length > MAX_TERMS || !terms.every(isShortText)) {
    return err(`contact ${id} has bad terms`);
  }
  return ok({ id, name, email, terms });
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

export function parseWorkerToPage(raw: unknown): Result<WorkerToPage> {
  if (!isRecord(raw)) return err('a message must be an object');
  switch (raw.type) {
    case 'contacts': {
      const contacts = parseList(raw.contacts, parsePageContact);
      if (!contacts.ok) return contacts;
      return ok({ type: 'contacts', contacts: contacts.value, focusable: raw.focusable === true });
    }
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
