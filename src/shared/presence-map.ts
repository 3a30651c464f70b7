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
  return ok({ contactId, status, customStatus, lastActiveTime, expiresTime });
}

export function parsePresenceMap(raw: unknown): Result<PresenceMap> {
  if (!isRecord(raw)) return err('the presence map must be an object');
  const map: Record<string, Presence> = {};
  for (const [id, value] of Object.entries(raw)) {
    const parsed = parsePresence(value);
    if (!parsed.ok) return err(parsed.error);
    map[id] = parsed.value;
  }
  return ok(map);
}
