/** How the options page lists the watch list: sorted, and in sections by group. */
import type { WatchedContact } from '../shared/contact';

export type ContactSort = 'name' | 'added';

export interface ContactSection {
  /** '' for the contacts in no group. */
  readonly group: string;
  readonly contacts: readonly WatchedContact[];
}

/** By name (the UI language's collation), or oldest first (the order added); ties keep the stored order. */
export function sortContacts(
  contacts: readonly WatchedContact[],
  sort: ContactSort,
  language?: string,
): WatchedContact[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  const order =
    sort === 'name'
      ? (a: WatchedContact, b: WatchedContact) => collator.compare(a.displayName, b.displayName)
      : (a: WatchedContact, b: WatchedContact) => a.addedAt - b.addedAt;
  return [...contacts].sort(order);
}

/** Groups in name order, then the contacts in no group; one section of all when none has one. */
export function sectionContacts(
  contacts: readonly WatchedContact[],
  sort: ContactSort,
  language?: string,
): ContactSection[] {
  const sorted = sortContacts(contacts, sort, language);
  const byGroup = new Map<string, WatchedContact[]>();
  for (const contact of sorted) {
    const group = contact.group ?? '';
    byGroup.set(group, [...(byGroup.get(group) ?? []), contact]);
  }
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  const named = [...byGroup.keys()].filter((g) => g !== '').sort(collator.compare);
  const sections = named.map((group) => ({ group, contacts: byGroup.get(group) ?? [] }));
  const ungrouped = byGroup.get('');
  if (ungrouped) sections.push({ group: '', contacts: ungrouped });
  return sections;
}
