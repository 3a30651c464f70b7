/**
 * The top of the popup's list, made by the worker (src/background/list-head-writer.ts) and kept in
 * `storage.session`, so that a popup paints its first rows from one small read. At 1,000 contacts
 * reading the whole watch list and every presence is most of the time to the first row; the popup
 * reads them after its first paint and then shows the whole list (src/popup/presence-popup.ts).
 *
 * The head is the list as it opens: no search, in the remembered sort order, group headings
 * included. It may lag the worker by a moment; the changes the popup hears over its port are
 * newer and win.
 */
import { isFiniteNumber, isRecord, isString } from '../core/json-guards';
import { err, ok, type Result } from '../core/result';
import { parseWatchedContact, type WatchedContact } from './contact';
import { contactEntries, type ContactEntry } from './contact-entry';
import { listItems, type ListItem, type SortOrder } from './contact-list';
import { parsePresence, type PresenceMap } from './presence-map';

/** More than a 600-pixel popup shows at once, with the virtualizer's overscan. */
export const LIST_HEAD_ROWS = 30;

export type HeadRow =
  /** `name` is "" for the contacts without a group (the popup names that section). */
  | { readonly kind: 'group'; readonly name: string; readonly count: number }
  | { readonly kind: 'contact'; readonly contact: WatchedContact };

export interface ListHead {
  readonly order: SortOrder;
  /** Contacts on the watch list. */
  readonly total: number;
  /** Rows of the whole list (group headings and contacts), for screen readers' set size. */
  readonly size: number;
  /** Its first rows, at most {@link LIST_HEAD_ROWS}. */
  readonly rows: readonly HeadRow[];
  /** Presence of the contacts in `rows` (those the worker has heard of). */
  readonly presence: PresenceMap;
}

export const EMPTY_LIST_HEAD: ListHead = {
  order: 'name',
  total: 0,
  size: 0,
  rows: [],
  presence: {},
};

function headRow(item: ListItem): HeadRow {
  return item.kind === 'group'
    ? { kind: 'group', name: item.name, count: item.count }
    : { kind: 'contact', contact: item.entry.contact };
}

/** `byName`: the watch list sorted by name (sortContactsByName), which the worker keeps. */
export function listHeadOf(
  byName: readonly WatchedContact[],
  presences: PresenceMap,
  order: SortOrder,
  collator: Intl.Collator,
): ListHead {
  const items = listItems(contactEntries(byName, presences, {}), {
    query: '',
    order,
    collator,
    ungroupedName: '',
  });
  const rows = items.slice(0, LIST_HEAD_ROWS).map(headRow);
  const presence: Record<string, PresenceMap[string]> = {};
  for (const row of rows) {
    const id = row.kind === 'contact' ? row.contact.contactId : '';
    if (id !== '' && Object.hasOwn(presences, id)) presence[id] = presences[id]!;
  }
  return { order, total: byName.length, size: items.length, rows, presence };
}

/** The head's rows as list items, with `entries` for its contacts (rows without one are left out). */
export function headItems(
  head: ListHead,
  entries: readonly ContactEntry[],
  ungroupedName: string,
): ListItem[] {
  const byId = new Map(entries.map((entry) => [entry.contact.contactId, entry]));
  return head.rows.flatMap((row): ListItem[] => {
    if (row.kind === 'group') {
      const name = row.name || ungroupedName;
      return [{ kind: 'group', key: `group:${row.name}`, name, count: row.count }];
    }
    const entry = byId.get(row.contact.contactId);
    return entry ? [{ kind: 'contact', key: row.contact.contactId, entry }] : [];
  });
}

const MAX_COUNT = 1_000_000;
const isCount = (value: unknown): value is number =>
  isFiniteNumber(value) && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT;

function parseHeadRow(raw: unknown): Result<HeadRow> {
  if (!isRecord(raw)) return err('a row must be an object');
  if (raw.kind === 'group') {
    if (!isString(raw.name) || raw.name.length > 200 || !isCount(raw.count)) {
      return err('a group row needs a short name and a count');
    }
    return ok({ kind: 'group', name: raw.name, count: raw.count });
  }
  if (raw.kind !== 'contact') return err('a row is a group or a contact');
  const contact = parseWatchedContact(raw.contact);
  return contact.ok ? ok({ kind: 'contact', contact: contact.value }) : contact;
}

export function parseListHead(raw: unknown): Result<ListHead> {
  if (!isRecord(raw)) return err('the list head must be an object');
  const { order, total, size, rows, presence } = raw;
  if (order !== 'name' && order !== 'availability') return err('the list head has no sort order');
  if (!isCount(total) || !isCount(size)) return err('the list head needs a total and a size');
  if (!Array.isArray(rows) || rows.length > LIST_HEAD_ROWS) return err('bad list head rows');
  if (!isRecord(presence)) return err('the list head needs presence');
  const parsedRows: HeadRow[] = [];
  for (const row of rows) {
    const parsed = parseHeadRow(row);
    if (!parsed.ok) return parsed;
    parsedRows.push(parsed.value);
  }
  // Only the presence of the rows' contacts, each checked to belong to its key.
  const kept: Array<[string, PresenceMap[string]]> = [];
  for (const row of parsedRows) {
    if (row.kind !== 'contact' || !Object.hasOwn(presence, row.contact.contactId)) continue;
    const parsed = parsePresence(presence[row.contact.contactId]);
    if (!parsed.ok) return parsed;
    if (parsed.value.contactId !== row.contact.contactId) return err('presence under another id');
    kept.push([row.contact.contactId, parsed.value]);
  }
  return ok({ order, total, size, rows: parsedRows, presence: Object.fromEntries(kept) });
}
