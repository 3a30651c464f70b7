/** The People API's person (docs/protocol.md §6), validated; only the fields we use. */
import { isNonEmptyString, isRecord, isStringArray } from '../core/json-guards';
import { err, ok } from '../core/result';
import type { Result } from '../core/result';

export type PersonType = 'person' | 'bot' | 'appuser';

export interface Person {
  readonly id: string;
  readonly displayName: string;
  readonly emails: string[];
  readonly type: PersonType;
  /** REST status (`active`, `DoNotDisturb`, ...): only for same-org people, never with `?id=`. */
  readonly status?: string;
  /** ISO-8601. */
  readonly lastActivity?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly avatar?: string;
}

const TYPES: readonly string[] = ['person', 'bot', 'appuser'];
const OPTIONAL_TEXT = ['status', 'lastActivity', 'firstName', 'lastName', 'avatar'] as const;

export function parsePerson(json: unknown): Result<Person> {
  if (!isRecord(json)) return err('A person is not a JSON object.');
  const { id, displayName, emails, type } = json;
  if (!isNonEmptyString(id)) return err('A person has no "id".');
  if (!isStringArray(emails)) {
    return err(`Person ${id} has no "emails" list.`);
  }
  if (displayName !== undefined && typeof displayName !== 'string') {
    return err(`Person ${id} has a "displayName" that is not text.`);
  }
  const kind = type ?? 'person';
  if (typeof kind !== 'string' || !TYPES.includes(kind)) {
    return err(`Person ${id} has an unknown type ${JSON.stringify(type)}.`);
  }
  const person: { -readonly [K in keyof Person]: Person[K] } = {
    id,
    displayName: displayName ?? emails[0] ?? id,
    emails: [...emails],
    type: kind as PersonType,
  };
  for (const key of OPTIONAL_TEXT) {
    const value = json[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return err(`Person ${id} has a "${key}" that is not text.`);
    person[key] = value;
  }
  return ok(person);
}

export interface PersonList {
  readonly items: Person[];
  readonly notFoundIds: string[];
}

export function parsePersonList(json: unknown): Result<PersonList> {
  if (!isRecord(json) || !Array.isArray(json['items'])) {
    return err('The people list has no "items".');
  }
  const items: Person[] = [];
  for (const raw of json['items']) {
    const person = parsePerson(raw);
    if (!person.ok) return person;
    items.push(person.value);
  }
  const notFound = json['notFoundIds'];
  if (notFound !== undefined && notFound !== null) {
    if (!isStringArray(notFound)) {
      return err('"notFoundIds" is not a list of ids.');
    }
    return ok({ items, notFoundIds: [...notFound] });
  }
  return ok({ items, notFoundIds: [] });
}
