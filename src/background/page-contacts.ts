/**
 * What pages are told about the watched contacts (src/shared/page-protocol.ts), made once per
 * watch list here in the worker, so that no page has to prepare a thousand contacts' names on
 * every load: who they are (page-people.ts), and the name matcher's term index, whose terms name
 * a contact by where its record starts among the people (a few digits, where a contact id is
 * dozens of characters, and the page parses every one of them).
 */
import { contactTerms } from '../core/contact-terms';
import { buildTermIndex } from '../core/term-index';
import type { WatchedContact } from '../shared/contact';
import { encodePeople } from '../shared/page-people';
import { MAX_PAGE_CONTACTS, type PageContacts } from '../shared/page-protocol';

export function toPageContacts(contacts: readonly WatchedContact[]): PageContacts {
  const kept = contacts.slice(0, MAX_PAGE_CONTACTS);
  const { encoded: people, keys } = encodePeople(
    kept.map((c) => ({ id: c.contactId, name: c.displayName, email: c.emails[0] ?? '' })),
  );
  const index = buildTermIndex(
    kept.flatMap((contact, position) =>
      contactTerms(contact).map((term) => ({ ...term, key: keys[position]! })),
    ),
  );
  return { revision: revisionOf(JSON.stringify([people, index])), people, index };
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
