/** Pairs each watched contact with the presence to show, and says where that presence came from. */
import { unknownPresence, type Presence } from '../core/presence';
import type { WatchedContact } from './contact';
import type { PresenceMap } from './presence-map';

/** `last-known`: from storage, possibly stale; `none`: nothing heard yet, shown as Unknown. */
export type PresenceOrigin = 'live' | 'last-known' | 'none';

export interface ContactEntry {
  readonly contact: WatchedContact;
  readonly presence: Presence;
  readonly source: PresenceOrigin;
}

export function contactEntry(
  contact: WatchedContact,
  live: PresenceMap,
  lastKnown: PresenceMap,
): ContactEntry {
  const fresh = live[contact.contactId];
  if (fresh) return { contact, presence: fresh, source: 'live' };
  const stale = lastKnown[contact.contactId];
  if (stale) return { contact, presence: stale, source: 'last-known' };
  return { contact, presence: unknownPresence(contact.contactId), source: 'none' };
}

/** Entries in watch-list order: the order the user built is the order they scan. */
export function contactEntries(
  contacts: readonly WatchedContact[],
  live: PresenceMap,
  lastKnown: PresenceMap,
): ContactEntry[] {
  return contacts.map((contact) => contactEntry(contact, live, lastKnown));
}

/**
 * Makes entries that keep their identity while nothing in them changed, so a list can skip the
 * rows whose entry is the same object as last time (only changed rows re-render).
 */
export class ContactEntryCache {
  private entries = new Map<string, ContactEntry>();

  entriesFor(
    contacts: readonly WatchedContact[],
    live: PresenceMap,
    lastKnown: PresenceMap,
  ): ContactEntry[] {
    const next = new Map<string, ContactEntry>();
    const list = contacts.map((contact) => {
      const fresh = contactEntry(contact, live, lastKnown);
      const old = this.entries.get(contact.contactId);
      const same =
        old !== undefined &&
        old.contact === contact &&
        old.source === fresh.source &&
        (old.presence === fresh.presence || fresh.source === 'none');
      const entry = same ? old : fresh;
      next.set(contact.contactId, entry);
      return entry;
    });
    this.entries = next;
    return list;
  }
}
