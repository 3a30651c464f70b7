import { err, ok, type Result } from '../core/result';
import { isFiniteNumber, isRecord, isString, isStringArray } from '../core/json-guards';
import { t } from '../ui/i18n';

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
  /** A section of the popup ("Team"): trimmed, 1 to {@link MAX_GROUP_LENGTH} characters. */
  readonly group?: string;
  /** "Notify me when available"; absent means off. */
  readonly notify?: boolean;
  /** The profile picture's URL, from the People API: always one {@link isAvatarUrl} accepts. */
  readonly avatar?: string;
}

export const MAX_GROUP_LENGTH = 40;
const MAX_URL_LENGTH = 2_048;

/**
 * Where a profile picture may come from: Webex's avatar hosts over https, or loopback (the
 * emulator; the worker keeps loopback pictures only in the dev build, and the extension pages'
 * CSP `img-src` says the same). Nothing else: a picture from anywhere would let whoever wrote a
 * profile see when the popup is opened.
 */
export function isAvatarUrl(raw: unknown): raw is string {
  if (!isString(raw) || raw.length > MAX_URL_LENGTH || !URL.canParse(raw)) return false;
  const url = new URL(raw);
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:' && url.hostname.endsWith('.webexcontent.com')) return true;
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    (url.hostname === '127.0.0.1' || url.hostname === 'localhost')
  );
}

/**
 * A group name as typed: trimmed; empty means "no group" (undefined). Longer than
 * {@link MAX_GROUP_LENGTH} characters, or not text, is an error.
 */
export function parseGroup(raw: unknown): Result<string | undefined> {
  if (raw === undefined) return ok(undefined);
  if (!isString(raw)) return err(t('group_not_text'));
  const group = raw.trim();
  if ([...group].length > MAX_GROUP_LENGTH) {
    return err(t('group_too_long', String(MAX_GROUP_LENGTH)));
  }
  return ok(group === '' ? undefined : group);
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
  const group = parseGroup(raw.group);
  if (!group.ok) return err(`contact ${contactId}: ${group.error}`);
  const { notify, avatar } = raw;
  if (notify !== undefined && typeof notify !== 'boolean') {
    return err(`contact ${contactId} has a notify setting that is not true or false`);
  }
  if (avatar !== undefined && !isAvatarUrl(avatar)) {
    return err(`contact ${contactId} has a picture URL that is not from Webex`);
  }
  return ok({
    contactId,
    displayName,
    emails,
    addedAt,
    ...names(firstName, lastName),
    ...(group.value === undefined ? {} : { group: group.value }),
    ...(notify === undefined ? {} : { notify }),
    ...(avatar === undefined ? {} : { avatar }),
  });
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
