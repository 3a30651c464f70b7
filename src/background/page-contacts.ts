/**
 * What pages are told about the watched contacts (src/shared/page-protocol.ts), made once per
 * watch list here in the worker, so that no page has to prepare a thousand contacts' names on
 * every load: the name matcher's term index, whose terms name a contact by its key (its
 * position in this list), and, for the worker alone, who each key is.
 */
import { contactTerms } from '../core/contact-terms';
import { buildTermIndex } from '../core/term-index';
import type { WatchedContact } from '../shared/contact';
import { MAX_PAGE_CONTACTS, MAX_PERSON_TEXT, type PageContacts } from '../shared/page-protocol';

/** Who a key stands for: what the worker puts into that contact's badge views. */
export interface PagePerson {
  readonly id: string;
  readonly name: string;
  /** For "Open chat"; "" when the contact has none. */
  readonly email: string;
}

export interface PageContactsBuild {
  readonly contacts: PageContacts;
  /** `people[k]` is the contact whose key is `String(k)`. */
  readonly people: readonly PagePerson[];
}

export function toPageContacts(watched: readonly WatchedContact[]): PageContactsBuild {
  const kept = watched.slice(0, MAX_PAGE_CONTACTS);
  const people = kept.map((c) => ({
    id: c.contactId,
    name: c.displayName.slice(0, MAX_PERSON_TEXT),
    email: (c.emails[0] ?? '').slice(0, MAX_PERSON_TEXT),
  }));
  const index = buildTermIndex(
    kept.flatMap((contact, key) =>
      contactTerms(contact).map((term) => ({ ...term, key: String(key) })),
    ),
  );
  // The people are in the revision: their names and emails go into the views.
  const revision = revisionOf(JSON.stringify([people, index]));
  return { contacts: { revision, index }, people };
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
