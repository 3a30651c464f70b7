/**
 * The one port between a page's annotator (src/content/) and the worker. The page learns only
 * what it needs to draw badges: names, match terms and one email per watched contact, and what
 * the badges of the contacts it actually shows say. Never tokens, settings or the server.
 *
 * Imported by the content script, so this module must stay free of webextension-polyfill and of
 * anything large. Both ends validate and cap what they receive.
 */
import { isRecord, isString } from '../core/json-guards';
import { isPresenceStatus, type PresenceStatus } from '../core/presence';
import { err, ok, type Result } from '../core/result';
import type { TermIndex } from '../core/term-index';
import { MAX_PERSON_TEXT } from './page-people';

export const PAGE_PORT_NAME = 'presence-lens:page';

/** More than any watch list we keep (the UI caps it far lower): a bound, not a product limit. */
export const MAX_PAGE_CONTACTS = 5_000;
const MAX_TEXT = MAX_PERSON_TEXT;
/** A hint's units at most, with its separator (term-hint.ts). */
const MAX_HINT = 8;
/** A record of page-people.ts at most: three texts and their separators. */
const MAX_PERSON_RECORD = 3 * MAX_PERSON_TEXT + 3;
/** A badge's label or card line at most: a name, a custom status and a few words around them. */
const MAX_VIEW_TEXT = 4 * MAX_PERSON_TEXT;
/** The status line, custom status, until and last active. */
const MAX_VIEW_LINES = 4;

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

/**
 * What one contact's badges and card say, composed by the worker in the UI's language
 * (src/background/badge-views.ts), so that pages carry no status words, clocks or calendars.
 * The texts do not go stale: "until 15:30" ends with the status (the worker re-reads the
 * presence then and sends the new view), and the last active time is a weekday or a date, never
 * "5 minutes ago".
 */
export interface BadgeView {
  readonly id: string;
  /** Which glyph the badge shows. */
  readonly status: PresenceStatus;
  /** The badge's accessible name: "Ana Silva: Do not disturb until 15:30, 'Focus time'". */
  readonly label: string;
  /** The card's lines: the status's name, then the custom status, until and last active, if any. */
  readonly lines: readonly string[];
}

export type WorkerToPage =
  | ({
      readonly type: 'contacts';
      /** Badges are tab stops (an option: a page naming 200 people must not gain 200 by default). */
      readonly focusable: boolean;
    } & PageContacts)
  | { readonly type: 'views'; readonly views: readonly BadgeView[] }
  /** The site is no longer allowed (or never was): remove every badge and stop. */
  | { readonly type: 'stop' };

/** The contacts this page shows: the worker sends their views now and on every change. */
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

const isViewText = (value: unknown): value is string =>
  isString(value) && value.length <= MAX_VIEW_TEXT;

function parseBadgeView(raw: unknown): Result<BadgeView> {
  if (!isRecord(raw)) return err('a badge view must be an object');
  const { id, status, label, lines } = raw;
  if (!isShortText(id) || id === '') return err('a badge view needs a contact id');
  if (!isPresenceStatus(status)) return err(`badge view of ${id}: unknown status`);
  if (!isViewText(label)) return err(`badge view of ${id}: a bad label`);
  // Array.from reads holes of a sparse array as undefined, where `every` would skip them.
  const copy = Array.isArray(lines) && lines.length <= MAX_VIEW_LINES ? Array.from(lines) : [];
  if (copy.length < 1 || !copy.every(isViewText)) return err(`badge view of ${id}: bad card lines`);
  return ok({ id, status, label, lines: copy });
}

export function parseWorkerToPage(raw: unknown): Result<WorkerToPage> {
  if (!isRecord(raw)) return err('a message must be an object');
  switch (raw.type) {
    case 'contacts':
      return parseContacts(raw);
    case 'views': {
      const views = parseList(raw.views, parseBadgeView);
      return views.ok ? ok({ type: 'views', views: views.value }) : views;
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
