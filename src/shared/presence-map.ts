import { isPresenceStatus, type Presence } from '../core/presence';
import { err, ok, type Result } from '../core/result';
import { isFiniteNumber, isRecord, isString } from '../core/json-guards';

/** Live presence by contact id, as the background last heard it. */
export type PresenceMap = Readonly<Record<string, Presence>>;

export function parsePresence(raw: unknown): Result<Presence> {
  if (!isRecord(raw)) return err('a presence must be an object');
  const { contactId, status, customStatus, lastActiveTime, expiresTime } = raw;
  if (!isString(contactId)) return err('a presence needs a contactId');
  if (!isPresenceStatus(status)) return err(`presence of ${contactId} has an unknown status`);
  if (!isString(customStatus) || !isFiniteNumber(lastActiveTime) || !isFiniteNumber(expiresTime)) {
    return err(`presence of ${contactId} is missing customStatus, lastActiveTime or expiresTime`);
  }
  if (!isTime(lastActiveTime) || !isTime(expiresTime)) {
    return err(`presence of ${contactId} has a time no date can hold`);
  }
  return ok({ contactId, status, customStatus, lastActiveTime, expiresTime });
}

/** The latest time a `Date` can hold (ECMA-262 §21.4.1.22): past it, formatting throws. */
export const MAX_TIME_MS = 8.64e15;

/** 0 (unknown) or a UTC ms a `Date` can show. */
function isTime(ms: number): boolean {
  return ms >= 0 && ms <= MAX_TIME_MS;
}

export function parsePresenceMap(raw: unknown): Result<PresenceMap> {
  if (!isRecord(raw)) return err('the presence map must be an object');
  const entries: Array<[string, Presence]> = [];
  for (const [id, value] of Object.entries(raw)) {
    const parsed = parsePresence(value);
    if (!parsed.ok) return err(parsed.error);
    entries.push([id, parsed.value]);
  }
  // fromEntries defines own properties: `map['__proto__'] = ...` would set the map's prototype.
  return ok(Object.fromEntries(entries));
}
