import { err, ok, type Result } from '../core/result';
import { isFiniteNumber, isRecord, isString, isStringArray } from '../core/json-guards';

/** A person on the watch list, resolved through the People API when it was added. */
export interface WatchedContact {
  /** Hydra person id. */
  readonly contactId: string;
  readonly displayName: string;
  readonly emails: readonly string[];
  /** From the People API when it has them: pages also find the person as "First Last". */
  readonly firstName?: string;
  readonly lastName?: string;
  /** UTC ms. */
  readonly addedAt: number;
}

export function parseWatchedContact(raw: unknown): Result<WatchedContact> {
  if (!isRecord(raw)) return err('a contact must be an object');
  const { contactId, displayName, emails, addedAt } = raw;
  if (!isString(contactId) || contactId === '') return err('a contact needs a contactId');
  if (!isString(displayName)) return err(`contact ${contactId} has no displayName`);
  if (!isStringArray(emails)) return err(`contact ${contactId} has no email list`);
  if (!isFiniteNumber(addedAt)) return err(`contact ${contactId} has no addedAt time`);
  const { firstName, lastName } = raw;
  if (
    (firstName !== undefined && !isString(firstName)) ||
    (lastName !== undefined && !isString(lastName))
  ) {
    return err(`contact ${contactId} has a first or last name that is not text`);
  }
  return ok({ contactId, displayName, emails, addedAt, ...names(firstName, lastName) });
}

export function parseWatchList(raw: unknown): Result<WatchedContact[]> {
  if (!Array.isArray(raw)) return err('the watch list must be an array');
  const contacts: WatchedContact[] = [];
  for (const [index, item] of raw.entries()) {
    const parsed = parseWatchedContact(item);
    if (!parsed.ok) return err(`item ${index}: ${parsed.error}`);
    contacts.push(parsed.value);
  }
  return ok(contacts);
}

/** First and last name, kept only when both are there (one alone makes no "First Last"). */
export function names(
  firstName: string | undefined,
  lastName: string | undefined,
): { firstName?: string; lastName?: string } {
  return firstName?.trim() && lastName?.trim() ? { firstName, lastName } : {};
}
