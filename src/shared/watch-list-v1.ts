/**
 * Version 1 of the stored watch list: `{ v: 1, value: WatchedContact[] }` with contactId,
 * displayName, emails, addedAt and optional firstName/lastName (src/shared/contact.ts), but no
 * `group` or `notify`. Version 2 added those two, both optional: a version 1 contact is in no
 * group and has notifications off.
 *
 * The version was bumped, though the shapes are compatible, so that a build that only knows
 * version 1 refuses a version 2 list (typed-storage never writes over a newer version) instead
 * of reading it and writing it back without the groups and notify settings.
 */
import { isRecord } from '../core/json-guards';

/**
 * Brings a version 1 watch list to version 2. A version 1 list had no `group` or `notify`: any
 * found there did not come from this extension and are dropped, not trusted. What is not a list
 * of records is passed on unchanged, for validation and salvage to report. Never throws.
 */
export function migrateWatchListV1(old: unknown): unknown {
  if (!Array.isArray(old)) return old;
  return Array.from(old, (entry: unknown) => {
    if (!isRecord(entry)) return entry;
    const rest = { ...entry };
    delete rest.group;
    delete rest.notify;
    return rest;
  });
}
