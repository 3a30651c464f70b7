/**
 * What the popup's list shows, as plain data: the entries that match the search, in the chosen
 * order, in sections by group. Pure, so the rules are tested without a browser.
 */
import { PresenceStatus } from '../core/presence';
import type { WatchedContact } from './contact';
import type { ContactEntry } from './contact-entry';

export type SortOrder = 'name' | 'availability';

/**
 * "By availability": Active first, then the precedence Webex gives states when several apply
 * (do not disturb over presenting over a call over a meeting over a calendar event…), then the
 * states that say little (Pending, Unknown). An assumption written down here, in one place.
 */
export const AVAILABILITY_ORDER: readonly PresenceStatus[] = [
  PresenceStatus.Active,
  PresenceStatus.Dnd,
  PresenceStatus.Presenting,
  PresenceStatus.Call,
  PresenceStatus.Meeting,
  PresenceStatus.CalendarItem,
  PresenceStatus.Busy,
  PresenceStatus.Quiet,
  PresenceStatus.OutOfOffice,
  PresenceStatus.Inactive,
  PresenceStatus.Pending,
  PresenceStatus.Unknown,
];

const RANK = new Map(AVAILABILITY_ORDER.map((status, index) => [status, index]));

export interface GroupItem {
  readonly kind: 'group';
  readonly key: string;
  readonly name: string;
  readonly count: number;
}

export interface ContactItem {
  readonly kind: 'contact';
  readonly key: string;
  readonly entry: ContactEntry;
}

export type ListItem = GroupItem | ContactItem;

export interface ListOptions {
  readonly query: string;
  readonly order: SortOrder;
  /** Orders group names. */
  readonly collator: Intl.Collator;
  /** The heading of contacts without a group, when others have one. */
  readonly ungroupedName: string;
}

/** Case- and accent-insensitive form for searching: "Zoë" is found by "zoe". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

const searchTexts = new WeakMap<WatchedContact, string>();

function searchTextOf(contact: WatchedContact): string {
  let text = searchTexts.get(contact);
  if (text === undefined) {
    const names = [contact.displayName, contact.firstName ?? '', contact.lastName ?? ''];
    text = foldForSearch([...names, ...contact.emails].join('\n'));
    searchTexts.set(contact, text);
  }
  return text;
}

function queryWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean);
}

function matchesWords(contact: WatchedContact, words: readonly string[]): boolean {
  const text = searchTextOf(contact);
  return words.every((word) => text.includes(word));
}

/** Every word of the query appears in the name or an email address. */
export function matchesQuery(contact: WatchedContact, query: string): boolean {
  return matchesWords(contact, queryWords(query));
}

/** The contact's group; "" for none. */
export function groupOf(contact: WatchedContact): string {
  return contact.group?.trim() ?? '';
}

/** How names are ordered, the same in the popup and in the worker's list head. */
export function nameCollator(language: string | undefined): Intl.Collator {
  return new Intl.Collator(language, { sensitivity: 'base' });
}

/**
 * The contacts in name order. Made once per watch list: a change of presence never needs it again,
 * so a push at 1,000 contacts costs no collation.
 */
export function sortContactsByName(
  contacts: readonly WatchedContact[],
  collator: Intl.Collator,
): WatchedContact[] {
  return [...contacts].sort((a, b) => collator.compare(a.displayName, b.displayName));
}

const rankOf = (entry: ContactEntry): number => RANK.get(entry.presence.status) ?? RANK.size;

/**
 * The list's items: group headings (only when some contact has a group; groups by name,
 * ungrouped last) each followed by its matching contacts in order. Empty groups are left out.
 * `entries` come in name order (`sortContactsByName`); by availability they are sorted by state
 * only, and the sort being stable keeps names in order within a state.
 */
export function listItems(entries: readonly ContactEntry[], options: ListOptions): ListItem[] {
  const words = queryWords(options.query);
  const shown =
    words.length === 0 ? [...entries] : entries.filter((e) => matchesWords(e.contact, words));
  if (options.order === 'availability') shown.sort((a, b) => rankOf(a) - rankOf(b));
  const contactItem = (entry: ContactEntry): ContactItem => ({
    kind: 'contact',
    key: entry.contact.contactId,
    entry,
  });
  if (!entries.some((entry) => groupOf(entry.contact) !== '')) return shown.map(contactItem);

  const groups = new Map<string, ContactEntry[]>();
  for (const entry of shown) {
    const group = groupOf(entry.contact);
    const members = groups.get(group);
    if (members) members.push(entry);
    else groups.set(group, [entry]);
  }
  const names = [...groups.keys()].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : options.collator.compare(a, b),
  );
  return names.flatMap((name) => {
    const members = groups.get(name) ?? [];
    const heading: GroupItem = {
      kind: 'group',
      key: `group:${name}`,
      name: name || options.ungroupedName,
      count: members.length,
    };
    return [heading, ...members.map(contactItem)];
  });
}
