/**
 * The Apheleia composition (docs/protocol.md §5): validating it off the wire and mapping it to
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
  /** Seconds until the status expires, at most `MAX_EXPIRY_S`; -1 means no known expiry. */
  readonly expiresTTL?: number;
}

/** A status that claims to last longer than a year is capped there (and `new Date` stays valid). */
export const MAX_EXPIRY_S = 365 * 24 * 3600;
const MAX_EXPIRY_MS = MAX_EXPIRY_S * 1000;

/** `expiresTTL` off the wire, clamped to -1 (no known expiry) .. a year. */
export function clampExpiresTtl(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0) return -1;
  return Math.min(seconds, MAX_EXPIRY_S);
}

/** When a status ends, at most a year after `now`; 0 (no known end) stays 0. */
export function clampExpiresTime(expiresTime: number, now: number): number {
  if (!Number.isFinite(expiresTime) || expiresTime <= 0) return 0;
  return Math.min(expiresTime, now + MAX_EXPIRY_MS);
}

/** "active within the last 10 minutes" (REST; applied by the client, docs/protocol.md §8). */
export const ACTIVE_WINDOW_MS = 10 * 60_000;

export const SUBSCRIPTION_UPDATE_EVENT = 'apheleia.subscription_update';

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$/;

/** UTC ms of an RFC3339 time after 1970 (0 means "unknown" downstream); undefined otherwise. */
function timeMs(value: unknown): number | undefined {
  if (!isString(value) || !RFC3339.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** A short, never-throwing description of an unexpected value, for an error message. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 60));
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
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
    ...(isFiniteNumber(expiresTTL) ? { expiresTTL: clampExpiresTtl(expiresTTL) } : {}),
  });
}

/** The `data` of a Mercury `apheleia.subscription_update` push: the event type plus a composition. */
export function parseSubscriptionUpdate(data: unknown): Result<Composition> {
  if (!isRecord(data)) return err('A presence update should be a JSON object.');
  if (data['eventType'] !== SUBSCRIPTION_UPDATE_EVENT) {
    return err(`Not a presence update: eventType is ${describeValue(data['eventType'])}.`);
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
  expiresTime = clampExpiresTime(expiresTime, now);
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
