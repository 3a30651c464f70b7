import { contactTerms } from '../core/contact-terms';
import type { WatchedContact } from '../shared/contact';
import { MAX_PAGE_CONTACTS, type PageContact } from '../shared/page-protocol';

/** What a page is told about one watched contact: enough to find and label it, nothing more. */
export function toPageContact(contact: WatchedContact): PageContact {
  return {
    id: contact.contactId,
    name: contact.displayName,
    email: contact.emails[0] ?? '',
    terms: contactTerms(contact).map((term) => term.text),
  };
}

export function toPageContacts(contacts: readonly WatchedContact[]): PageContact[] {
  return contacts.slice(0, MAX_PAGE_CONTACTS).map(toPageContact);
}
