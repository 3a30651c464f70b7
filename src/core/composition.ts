/**
 * The Apheleia composition (WEBEX-PROTOCOL.md §2.6): validating it off the wire and mapping it to
 * the SDK's `Presence`. Validators return a Result with a reason and never throw.
 */
import { isRecord } from './json-guards';
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
  /** RFC3339 timestamps, already checked to parse. */
  readonly lastActive?: string;
  readonly expiresTime?: string;
  readonly statusTime?: string;
  /** Seconds until the status expires; -1 means no known expiry. */
  readonly expiresTTL?: number;
}

/** "active within the last 10 minutes" (REST definition; applied by the client, §3). */
export const ACTIVE_WINDOW_MS = 10 * 60_000;

export const SUBSCRIPTION_UPDATE_EVENT = 'apheleia.subscription_update';

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$/;

function optionalString(obj: Record<string, unknown>, key: string): Result<string | undefined> {
  const value = obj[key];
  if (value === undefined || value === null) return ok(undefined);
  if (typeof value !== 'string') return err(`"${key}" should be a string, got ${typeof value}.`);
  return ok(value);
}

function optionalTime(obj: Record<string, unknown>, key: string): Result<string | undefined> {
  const value = optionalString(obj, key);
  if (!value.ok || value.value === undefined) return value;
  if (!RFC3339.test(value.value) || Number.isNaN(Date.parse(value.value))) {
    return err(`"${key}" is not an RFC3339 time: ${JSON.stringify(value.value.slice(0, 40))}.`);
  }
  return value;
}

export function parseComposition(payload: unknown): Result<Composition> {
  if (!isRecord(payload)) return err('A presence composition should be a JSON object.');
  const subject = payload['subject'];
  if (typeof subject !== 'string' || subject === '') {
    return err('A presence composition needs a "subject" (the user id).');
  }
  const status = optionalString(payload, 'status');
  if (!status.ok) return status;
  const custom = optionalString(payload, 'customStatus');
  if (!custom.ok) return custom;
  const message = optionalString(payload, 'statusMessage');
  if (!message.ok) return message;
  const lastActive = optionalTime(payload, 'lastActive');
  if (!lastActive.ok) return lastActive;
  const expiresTime = optionalTime(payload, 'expiresTime');
  if (!expiresTime.ok) return expiresTime;
  const statusTime = optionalTime(payload, 'statusTime');
  if (!statusTime.ok) return statusTime;
  const ttl = payload['expiresTTL'];
  if (ttl !== undefined && ttl !== null && (typeof ttl !== 'number' || !Number.isFinite(ttl))) {
    return err('"expiresTTL" should be a number of seconds.');
  }
  const composition: { -readonly [K in keyof Composition]: Composition[K] } = {
    subject: subject.toLowerCase(),
  };
  if (status.value !== undefined) composition.status = status.value;
  const customStatus = custom.value ?? message.value;
  if (customStatus !== undefined) composition.customStatus = customStatus;
  if (lastActive.value !== undefined) composition.lastActive = lastActive.value;
  if (expiresTime.value !== undefined) composition.expiresTime = expiresTime.value;
  if (statusTime.value !== undefined) composition.statusTime = statusTime.value;
  if (typeof ttl === 'number') composition.expiresTTL = ttl;
  return ok(composition);
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
  const lastActiveTime = c.lastActive !== undefined ? Date.parse(c.lastActive) : 0;
  let expiresTime = 0;
  if (c.expiresTime !== undefined) expiresTime = Date.parse(c.expiresTime);
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
