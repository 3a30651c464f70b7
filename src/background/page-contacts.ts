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
  const index = buildTermIndex(kept.flatMap(contactTerms));
  return { revision: revisionOf(JSON.stringify([people, emails, index])), people, emails, index };
}

/**
 * FNV-1a of what pages are sent: a worker that wakes sends the contacts again, and a page that
 * already has this revision must not scan itself again (MV3 stops an idle worker every 30 s).
 */
function revisionOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${(hash >>> 0).toString(36)}`;
}
