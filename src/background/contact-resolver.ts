/**
 * Turns what a user typed into "Add contact" (an email, a Webex person id, or a raw UUID) into a
 * watched contact, through the People API, with an error message a user can act on.
 */
import { err, ok, type Result } from '../core/result';
import { looksLikeUuid, personIdToUuid, uuidToPersonId } from '../core/hydra-id';
import { isAvatarUrl, names, type WatchedContact } from '../shared/contact';
import { WebexError } from '../webex/errors';
import type { PeopleApi, Person } from '../webex/people-api';
import { t } from '../ui/i18n';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** What a query asks for: an address, a person id (a raw UUID made one), or nothing usable. */
export type QueryKind =
  | { readonly kind: 'email'; readonly email: string }
  | { readonly kind: 'id'; readonly personId: string; readonly uuid: string }
  | { readonly kind: 'invalid' };

export function classifyQuery(rawQuery: string): QueryKind {
  const query = rawQuery.trim();
  if (EMAIL.test(query)) return { kind: 'email', email: query };
  const personId = looksLikeUuid(query) ? uuidToPersonId(query.toLowerCase()) : query;
  const uuid = personIdToUuid(personId);
  return uuid.ok ? { kind: 'id', personId, uuid: uuid.value } : { kind: 'invalid' };
}

type PersonDetails = Pick<
  WatchedContact,
  'displayName' | 'emails' | 'firstName' | 'lastName' | 'avatar'
>;

/**
 * What the watch list keeps of a person: names, emails, and the picture when it comes from
 * Webex's avatar hosts (isAvatarUrl); also what a later check refreshes.
 */
function personDetails(person: Person): PersonDetails {
  return {
    displayName: person.displayName,
    emails: person.emails,
    ...names(person.firstName, person.lastName),
    ...(isAvatarUrl(person.avatar) ? { avatar: person.avatar } : {}),
  };
}

export function toContact(person: Person, now: number): WatchedContact {
  return { contactId: person.id, ...personDetails(person), addedAt: now };
}

/**
 * The contact with what the People API now says of the person (a name, an email or a picture
 * changed, or went); the user's own settings (group, notify) and when it was added are kept.
 */
export function refreshedContact(contact: WatchedContact, person: Person): WatchedContact {
  const { contactId, addedAt, group, notify } = contact;
  return {
    contactId,
    ...personDetails(person),
    addedAt,
    ...(group === undefined ? {} : { group }),
    ...(notify === undefined ? {} : { notify }),
  };
}

async function findPerson(people: PeopleApi, query: string): Promise<Result<Person>> {
  if (EMAIL.test(query)) {
    const found = await people.findByEmail(query);
    const person = found[0];
    return person ? ok(person) : err(t('worker_email_not_found', query));
  }
  const personId = looksLikeUuid(query) ? uuidToPersonId(query.toLowerCase()) : query;
  if (!personIdToUuid(personId).ok) {
    return err(t('worker_query_invalid'));
  }
  try {
    return ok(await people.get(personId));
  } catch (error) {
    if (error instanceof WebexError && error.kind === 'not-found') {
      return err(t('worker_id_not_found', query));
    }
    throw error;
  }
}

export async function resolveContact(
  people: PeopleApi,
  rawQuery: string,
  now: number,
): Promise<Result<WatchedContact>> {
  const query = rawQuery.trim();
  if (query === '') return err(t('worker_query_invalid'));
  try {
    const found = await findPerson(people, query);
    if (!found.ok) return found;
    if (found.value.type === 'bot') {
      return err(t('worker_contact_is_bot', found.value.displayName));
    }
    return ok(toContact(found.value, now));
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
}
