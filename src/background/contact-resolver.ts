/**
 * Turns what a user typed into "Add contact" (an email, a Webex person id, or a raw UUID) into a
 * watched contact, through the People API, with an error message a user can act on.
 */
import { err, ok, type Result } from '../core/result';
import { looksLikeUuid, personIdToUuid, uuidToPersonId } from '../core/hydra-id';
import { names, type WatchedContact } from '../shared/contact';
import { WebexError } from '../webex/errors';
import type { PeopleApi, Person } from '../webex/people-api';

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

/** What the watch list keeps of a person's names; also what a later check refreshes. */
export function contactNames(person: Person): Omit<WatchedContact, 'contactId' | 'addedAt'> {
  return {
    displayName: person.displayName,
    emails: person.emails,
    ...names(person.firstName, person.lastName),
  };
}

export function toContact(person: Person, now: number): WatchedContact {
  return { contactId: person.id, ...contactNames(person), addedAt: now };
}

async function findPerson(people: PeopleApi, query: string): Promise<Result<Person>> {
  if (EMAIL.test(query)) {
    const found = await people.findByEmail(query);
    const person = found[0];
    return person ? ok(person) : err(`No one with the email ${query} was found.`);
  }
  const personId = looksLikeUuid(query) ? uuidToPersonId(query.toLowerCase()) : query;
  if (!personIdToUuid(personId).ok) {
    return err('Enter an email address or a Webex person id.');
  }
  try {
    return ok(await people.get(personId));
  } catch (error) {
    if (error instanceof WebexError && error.kind === 'not-found') {
      return err(`No person with the id ${query} was found.`);
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
  if (query === '') return err('Enter an email address or a Webex person id.');
  try {
    const found = await findPerson(people, query);
    if (!found.ok) return found;
    if (found.value.type === 'bot') {
      return err(`${found.value.displayName} is a bot: bots have no presence to watch.`);
    }
    return ok(toContact(found.value, now));
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
}
