/**
 * Pure changes to the watch list, applied by the worker through `watchListItem.update` (so they
 * are serialised with every other write). None of them drops or changes a contact it was not
 * asked about.
 */
import type { WatchedContact } from '../shared/contact';

/** Adds the contacts not on the list yet, in order; says which were there already. */
export function addNew(
  list: readonly WatchedContact[],
  incoming: readonly WatchedContact[],
): { list: readonly WatchedContact[]; added: WatchedContact[]; already: WatchedContact[] } {
  const ids = new Set(list.map((c) => c.contactId));
  const added: WatchedContact[] = [];
  const already: WatchedContact[] = [];
  for (const contact of incoming) {
    if (ids.has(contact.contactId)) {
      already.push(contact);
    } else {
      ids.add(contact.contactId);
      added.push(contact);
    }
  }
  return { list: added.length === 0 ? list : [...list, ...added], added, already };
}

/** Puts `group` on these contacts (undefined: no group). */
export function withGroup(
  list: readonly WatchedContact[],
  contactIds: ReadonlySet<string>,
  group: string | undefined,
): readonly WatchedContact[] {
  return list.map((contact) => {
    if (!contactIds.has(contact.contactId)) return contact;
    const rest: WatchedContact = { ...contact };
    delete (rest as { group?: string }).group;
    return group === undefined ? rest : { ...rest, group };
  });
}

export function withNotify(
  list: readonly WatchedContact[],
  contactId: string,
  notify: boolean,
): readonly WatchedContact[] {
  return list.map((contact) =>
    contact.contactId === contactId ? { ...contact, notify } : contact,
  );
}
