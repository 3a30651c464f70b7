/**
 * What pages are told about the watched contacts (src/shared/page-protocol.ts), made once per
 * watch list here in the worker, so that no page has to prepare a thousand contacts' names on
 * every load: names and emails by id, and the name matcher's term index.
 */
import { contactTerms } from '../core/contact-terms';
import { buildTermIndex } from '../core/name-matcher';
import type { WatchedContact } from '../shared/contact';
import { MAX_PAGE_CONTACTS, type PageContacts, type PagePerson } from '../shared/page-protocol';

export function toPageContacts(contacts: readonly WatchedContact[]): PageContacts {
  const people: Record<string, PagePerson> = {};
  const emails: Record<string, string> = {};
  const kept = contacts.slice(0, MAX_PAGE_CONTACTS);
  for (const contact of kept) {
    people[contact.contactId] = { name: contact.displayName, email: contact.emails[0] ?? '' };
    for (const email of contact.emails) emails[email.toLowerCase()] ??= contact.contactId;
  }
  return { people, emails, index: buildTermIndex(kept.flatMap(contactTerms)) };
}
