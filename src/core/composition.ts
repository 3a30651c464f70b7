/**
 * The Apheleia composition (WEBEX-PROTOCOL.md §2.6): validating it off the wire and mapping it to
 * the SDK's `Presence`. Validators return a Result with a reason and never throw.
 */
import { isFiniteNumber, isNonEmptyString, isRecord, isString } from './json-guards';
import type { Presence, PresenceStatus } from './presence';
import { PresenceStatus as Status } from './presence';
import type { SourcePresence } from './presence-source';
import { err, ok } from './result';
import type { Result } from './result';
import { wireStatusToPresenceStatus } from './wire-status';

export interface Composition {
  /** The user's CI UUID, lower case. */
  readonly subject: string;
  /** The raw wire status string; map it with `wireStatusToPresenceStatus`. */
  readonly status?: string;
  /** From `customStatus`, else `statusMessage`. */
  readonly customStatus?: string;
  /** From the RFC3339 `lastActive` / `expiresTime`, as UTC ms. */
  readonly lastActiveTime?: number;
  readonly expiresTime?: number;
  /** Seconds until the status expires; -1 means no known expiry. */
  readonly expiresTTL?: number;
}

/** "active within the last 10 minutes" (REST definition; applied by the client, §3). */
export const ACTIVE_WINDOW_MS = 10 * 60_000;

export const SUBSCRIPTION_UPDATE_EVENT = 'apheleia.subscription_update';

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$/;

/** UTC ms of an RFC3339 time; undefined for anything else. */
function timeMs(value: unknown): number | undefined {
  if (!isString(value) || !RFC3339.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Only a missing or invalid `subject` rejects. Every other field is optional, and a malformed one
 * is treated as absent: rejecting the whole composition would hide the person for good (they
 * would be dropped from every reply and re-read forever) over a field we can do without.
 */
export function parseComposition(payload: unknown): Result<Composition> {
  if (!isRecord(payload)) return err('A presence composition should be a JSON object.');
  const subject = payload['subject'];
  if (!isNonEmptyString(subject)) {
    return err('A presence composition needs a "subject" (the user id).');
  }
  const { status, customStatus, statusMessage, expiresTTL } = payload;
  const lastActiveTime = timeMs(payload['lastActive']);
  const expiresTime = timeMs(payload['expiresTime']);
  const custom = isString(customStatus) ? customStatus : statusMessage;
  return ok({
    subject: subject.toLowerCase(),
    ...(isString(status) ? { status } : {}),
    ...(isString(custom) ? { customStatus: custom } : {}),
    ...(lastActiveTime !== undefined ? { lastActiveTime } : {}),
    ...(expiresTime !== undefined ? { expiresTime } : {}),
    ...(isFiniteNumber(expiresTTL) ? { expiresTTL } : {}),
  });
}

/** The `data` of a Mercury `apheleia.subscription_update` push: the event type plus a composition. */
export function parseSubscriptionUpdate(data: unknown): Result<Composition> {
  if (!isRecord(data)) return err('A presence update should be a JSON object.');
  if (data['eventType'] !== SUBSCRIPTION_UPDATE_EVENT) {
    return err(`Not a presence update: eventType is ${JSON.stringify(data['eventType'])}.`);
  }
  return parseComposition(data);
}

function composedStatus(c: Composition, lastActiveTime: number, now: number): PresenceStatus {
  const status = wireStatusToPresenceStatus(c.status);
  if (status === Status.Active && lastActiveTime > 0 && now - lastActiveTime >= ACTIVE_WINDOW_MS) {
    return Status.Inactive;
  }
  return status;
}

export function compositionToSourcePresence(c: Composition, now: number): SourcePresence {
  const lastActiveTime = c.lastActiveTime ?? 0;
  let expiresTime = 0;
  if (c.expiresTime !== undefined) expiresTime = c.expiresTime;
  else if (c.expiresTTL !== undefined && c.expiresTTL > 0) expiresTime = now + c.expiresTTL * 1000;
  return {
    status: composedStatus(c, lastActiveTime, now),
    customStatus: c.customStatus ?? '',
    lastActiveTime,
    expiresTime,
  };
}

export function compositionToPresence(c: Composition, contactId: string, now: number): Presence {
  return { contactId, ...compositionToSourcePresence(c, now) };
}
