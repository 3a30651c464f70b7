/**
 * The one port between a page's annotator (src/content/) and the worker. The page learns only
 * what it needs to draw badges: the watched contacts' match terms, and what the badges of the
 * contacts it actually shows say, names and emails included. Never contact ids, tokens,
 * settings or the server.
 *
 * A page names a contact by its key: its position in the watch list of one revision (a few
 * digits, where a contact id is dozens of characters, and the page parses every key on every
 * load). Keys mean nothing across revisions, so a page's `watch` carries the revision it was
 * made for, and a new revision starts a page's badges over.
 *
 * Imported by the content script, so this module must stay free of webextension-polyfill and of
 * anything large. Both ends validate and cap what they receive.
 */
import { isRecord, isString } from '../core/json-guards';
import { err, ok, type Result } from '../core/result';
import type { TermIndex } from '../core/term-format';
import type { GlyphShape } from '../ui/glyph-shapes';
import type { StatusTone } from '../ui/status-tones';

export const PAGE_PORT_NAME = 'presence-lens:page';

/** More than any watch list we keep (the UI caps it far lower): a bound, not a product limit. */
export const MAX_PAGE_CONTACTS = 5_000;
/** Longer names and emails are not what the worker sends: a bound, not a product limit. */
export const MAX_PERSON_TEXT = 320;
/** A revision or a key at most. */
const MAX_KEY = 40;
/** A hint's pattern at most: five units, each written in up to four characters, and a bar (term-hint.ts). */
const MAX_HINT = 24;
/** A badge's label or card line at most: a name, a custom status and a few words around them. */
const MAX_VIEW_TEXT = 4 * MAX_PERSON_TEXT;
/** A style sheet at most: the card's is about 1,500 characters. */
const MAX_STYLE = 8_000;
/** The status line, custom status, until and last active. */
const MAX_VIEW_LINES = 4;

/**
 * The watched contacts' match terms, as a page needs them. Made once per watch list by the
 * worker (src/background/page-contacts.ts) and read lazily by the page: a page's code runs cold
 * on every load, so it must not loop over a thousand contacts to get started. Each index entry
 * is checked when it is first used (matcherFromIndex), not on arrival.
 */
export interface PageContacts {
  /** Changes whenever anything below does: the same revision again needs no new scan. */
  readonly revision: string;
  /** Display names, "First Last" forms and emails (also for `mailto:` links), by contact key. */
  readonly index: TermIndex;
}

/** The badges' and the card's style sheets (src/background/page-styles.ts), as CSS text. */
export interface PageStyles {
  readonly badge: string;
  readonly card: string;
}

/**
 * What one contact's badges and card say, composed by the worker in the UI's language
 * (src/background/badge-views.ts), so that pages carry no status words, clocks or calendars.
 * The texts do not go stale: "until 15:30" ends with the status (the worker re-reads the
 * presence then and sends the new view), and the last active time is a weekday or a date, never
 * "5 minutes ago".
 */
export interface BadgeView {
  /** The contact's key in the page's current revision. */
  readonly key: string;
  /** The status's glyph (src/ui/status-glyph.ts): the page carries no shapes of its own. */
  readonly glyph: GlyphShape;
  /** The glyph's colour family (its `data-tone`). */
  readonly tone: StatusTone;
  /** The badge's accessible name: "Ana Silva: Do not disturb until 15:30, 'Focus time'". */
  readonly label: string;
  /** The card's heading. */
  readonly name: string;
  /** For the card's "Open chat"; "" when the contact has none. */
  readonly email: string;
  /** The card's lines: the status's name, then the custom status, until and last active, if any. */
  readonly lines: readonly string[];
  /** The card's accessible name: "Presence of Ana Silva". */
  readonly card: string;
  /** The words of its "Open chat" link. */
  readonly chat: string;
}

export type WorkerToPage =
  | ({
      readonly type: 'contacts';
      /** Badges are tab stops (an option: a page naming 200 people must not gain 200 by default). */
      readonly focusable: boolean;
      readonly styles: PageStyles;
    } & PageContacts)
  | { readonly type: 'views'; readonly views: readonly BadgeView[] }
  /** The site is no longer allowed (or never was): remove every badge and stop. */
  | { readonly type: 'stop' };

/** The contacts this page shows: the worker sends their views now and on every change. */
export type PageToWorker = {
  readonly type: 'watch';
  /** The revision the keys belong to: a watch for an older one is ignored. */
  readonly revision: string;
  readonly keys: readonly string[];
};

// The page drops a message it cannot read without a word (there is no one to tell), so one
// reason does for all of them there.
const MALFORMED = err('a malformed message');

const isKey = (value: unknown): value is string =>
  isString(value) && value !== '' && value.length <= MAX_KEY;
const isText =
  (max: number) =>
  (value: unknown): value is string =>
    isString(value) && value.length <= max;
const isViewText = isText(MAX_VIEW_TEXT);
const isPersonText = isText(MAX_PERSON_TEXT);
/** SVG path data: commands, numbers and separators, nothing else. */
const isPathData = (value: unknown): value is string =>
  isString(value) && /^[MmLlHhVvCcSsQqTtAaZz0-9 .,-]{1,400}$/.test(value);
const isTone = (value: unknown): value is StatusTone =>
  isString(value) && /^[a-z-]{1,16}$/.test(value);

function isGlyph(value: unknown): value is GlyphShape {
  return isRecord(value) && isPathData(value.d) && typeof value.outline === 'boolean';
}

function isBoundedRecord(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && Object.keys(value).length <= MAX_PAGE_CONTACTS * 4;
}

/** Array.from reads the holes of a sparse array as undefined, where `every` would skip them. */
function listOf<T>(raw: unknown, max: number, is: (item: unknown) => item is T): T[] | null {
  if (!Array.isArray(raw) || raw.length > max) return null;
  const items = Array.from(raw as unknown[]);
  return items.every(is) ? items : null;
}

/**
 * The index is handed on as it came once its shape is checked: the matcher reads only these
 * fields, takes only `true` for the flags, and checks each bucket entry when it first uses it.
 */
function parseContacts(raw: Record<string, unknown>): Result<WorkerToPage> {
  const { revision, index } = raw;
  if (!isKey(revision) || !isRecord(index)) return MALFORMED;
  // Patterns the page does not compile unless they are what the worker writes (hint-finder.ts):
  // here they need only be bounded strings.
  const isPattern = isText(MAX_PAGE_CONTACTS * 4 * MAX_HINT);
  const { hints } = index;
  if (typeof index.size !== 'number' || !isBoundedRecord(index.buckets)) return MALFORMED;
  if (!isRecord(hints) || !isPattern(hints.inWords) || !isPattern(hints.anywhere)) return MALFORMED;
  if (!isPattern(hints.anywhereStarts)) return MALFORMED;
  const { styles } = raw;
  const isStyle = isText(MAX_STYLE);
  if (!isRecord(styles) || !isStyle(styles.badge) || !isStyle(styles.card)) return MALFORMED;
  const focusable = raw.focusable === true;
  return ok({
    type: 'contacts',
    focusable,
    styles: { badge: styles.badge, card: styles.card },
    revision,
    index: index as unknown as TermIndex,
  });
}

function isBadgeView(raw: unknown): raw is BadgeView {
  if (!isRecord(raw)) return false;
  const { key, glyph, tone, label, name, email, lines, card, chat } = raw;
  const texts = listOf(lines, MAX_VIEW_LINES, isViewText);
  return (
    isKey(key) &&
    isGlyph(glyph) &&
    isTone(tone) &&
    isViewText(label) &&
    isPersonText(name) &&
    isPersonText(email) &&
    isViewText(card) &&
    isViewText(chat) &&
    texts !== null &&
    texts.length > 0
  );
}

export function parseWorkerToPage(raw: unknown): Result<WorkerToPage> {
  if (!isRecord(raw)) return MALFORMED;
  switch (raw.type) {
    case 'contacts':
      return parseContacts(raw);
    case 'views': {
      // Each view handed on as it came: the page reads only the fields checked here.
      const views = listOf(raw.views, MAX_PAGE_CONTACTS, isBadgeView);
      return views ? ok({ type: 'views', views }) : MALFORMED;
    }
    case 'stop':
      return ok({ type: 'stop' });
    default:
      return MALFORMED;
  }
}

export function parsePageToWorker(raw: unknown): Result<PageToWorker> {
  if (!isRecord(raw) || raw.type !== 'watch') return err('unknown message type');
  if (!isKey(raw.revision)) return err('a watch needs the revision of its keys');
  const keys = listOf(raw.keys, MAX_PAGE_CONTACTS, isKey);
  if (!keys) return err('contact keys must be a list of short texts');
  return ok({ type: 'watch', revision: raw.revision, keys });
}
