/**
 * Version 0 of the stored watch list: what the walking skeleton wrote, before stored values had a
 * `{ v, value }` envelope. A bare array under "watchList" in `chrome.storage.local`:
 *
 *     [{ contactId: string, displayName: string, email: string }, ...]
 *
 * one address as `email` (a few builds already wrote `emails: string[]`), and no `addedAt`.
 */
import { isFiniteNumber, isRecord, isString, isStringArray } from '../core/json-guards';

/**
 * Brings a version 0 watch list to version 1 (src/shared/contact.ts), as far as it can: what it
 * cannot make sense of is passed on unchanged, for validation to reject and salvage to report.
 * Never throws.
 */
export function migrateWatchListV0(old: unknown): unknown {
  if (!Array.isArray(old)) return old;
  return Array.from(old, migrateContact);
}

function migrateContact(entry: unknown): unknown {
  if (!isRecord(entry)) return entry;
  const { contactId, displayName, email, emails, addedAt, firstName, lastName } = entry;
  const addresses = isStringArray(emails)
    ? emails
    : emails === undefined
      ? isString(email) && email.trim() !== ''
        ? [email.trim()]
        : []
      : emails; // some other shape: left for validation to report
  return {
    contactId,
    // The skeleton could store a contact by address alone; the address is the best name there is.
    displayName: isString(displayName) ? displayName : firstAddress(addresses),
    emails: addresses,
    // When it was added was not recorded: 0 reads as "before anything else".
    addedAt: isFiniteNumber(addedAt) ? addedAt : 0,
    ...(firstName === undefined ? {} : { firstName }),
    ...(lastName === undefined ? {} : { lastName }),
  };
}

function firstAddress(addresses: unknown): string | undefined {
  return isStringArray(addresses) ? addresses[0] : undefined;
}
