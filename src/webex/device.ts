/**
 * The WDM device (docs/protocol.md §3): one registration per install, reused and refreshed on
 * each start, registered again only when WDM has forgotten it (404).
 */
import { isNonEmptyString, isRecord } from '../core/json-guards';
import { err, ok } from '../core/result';
import type { Result } from '../core/result';
import { WebexError } from './errors';
import type { HttpClient } from './http';
import { pruneOldDevices } from './device-list';
import type { Logger } from './log';
import { silentLogger } from './log';
import { hasScheme, isHttpUrl } from '../core/url-scheme';
import { joinUrl } from './urls';

/** What the caller persists between worker restarts. JSON-safe. */
export interface StoredDevice {
  readonly url: string;
  readonly webSocketUrl: string;
  /** Our own CI user UUID. */
  readonly userId: string;
  readonly etag?: string;
  /** UTC ms of the first registration. */
  readonly registeredAt: number;
}

/** The JS SDK's registration body (device config defaults). */
export const DEVICE_REGISTRATION_BODY = {
  name: 'browser',
  deviceType: 'WEB',
  model: 'web-js-sdk',
  localizedModel: 'webex-js-sdk',
  systemName: 'WEBEX_JS_SDK',
  systemVersion: '1.0.0',
} as const;

const UPSTREAM = { includeUpstreamServices: 'all' } as const;

interface DeviceReply {
  readonly url: string;
  readonly webSocketUrl: string;
  readonly userId: string;
}

export function parseDeviceReply(json: unknown): Result<DeviceReply> {
  if (!isRecord(json)) return err('The device registration is not a JSON object.');
  const { url, webSocketUrl, userId } = json;
  if (!isHttpUrl(url)) {
    return err('The device registration has no valid "url".');
  }
  if (!hasScheme(webSocketUrl, ['wss:', 'ws:'])) {
    return err('The device registration has no valid "webSocketUrl".');
  }
  if (!isNonEmptyString(userId)) {
    return err('The device registration has no "userId".');
  }
  return ok({ url, webSocketUrl, userId: userId.toLowerCase() });
}

function toStored(reply: DeviceReply, etag: string | null, registeredAt: number): StoredDevice {
  return { ...reply, registeredAt, ...(etag === null ? {} : { etag }) };
}

/** WDM's `message` when the user has too many devices; the SDK matches it exactly. */
export const EXCESSIVE_REGISTRATIONS = 'User has excessive device registrations';

function isExcessiveRegistrations(error: unknown): boolean {
  return error instanceof WebexError && error.serverMessage === EXCESSIVE_REGISTRATIONS;
}

async function postDevice(http: HttpClient, wdmBaseUrl: string, now: number) {
  const reply = await http.send('POST', joinUrl(wdmBaseUrl, 'devices'), {
    query: UPSTREAM,
    body: DEVICE_REGISTRATION_BODY,
    parse: parseDeviceReply,
  });
  return toStored(reply.value, reply.headers.get('etag'), now);
}

/**
 * Registers a device. When WDM refuses because the user has too many, deletes the oldest third
 * of the user's devices of our type and tries once more, as the JS SDK's `register` does
 * (docs/protocol.md §3.1).
 */
export async function registerDevice(
  http: HttpClient,
  wdmBaseUrl: string,
  now: number = Date.now(),
  log: Logger = silentLogger,
): Promise<StoredDevice> {
  try {
    return await postDevice(http, wdmBaseUrl, now);
  } catch (error) {
    if (!isExcessiveRegistrations(error)) throw error;
  }
  const deleted = await pruneOldDevices(http, wdmBaseUrl, DEVICE_REGISTRATION_BODY.deviceType);
  log('info', `WDM had too many devices for this user; deleted ${deleted} old ones`);
  return postDevice(http, wdmBaseUrl, now);
}

/** PUT the device; unchanged on 304. Throws a `not-found` WebexError on 404. */
async function refreshDevice(http: HttpClient, stored: StoredDevice): Promise<StoredDevice> {
  const reply = await http.send('PUT', stored.url, {
    query: UPSTREAM,
    body: { ...DEVICE_REGISTRATION_BODY, url: stored.url },
    headers: stored.etag === undefined ? {} : { 'if-none-match': stored.etag },
    parse: (json) => (json === undefined ? ok(null) : parseDeviceReply(json)),
  });
  if (reply.value === null) return stored;
  return toStored(
    reply.value,
    reply.headers.get('etag') ?? stored.etag ?? null,
    stored.registeredAt,
  );
}

/** Reuses and refreshes the stored device, or registers one; `reRegistered` means a new url. */
export async function ensureDevice(
  http: HttpClient,
  wdmBaseUrl: string,
  stored: StoredDevice | null,
  now: number = Date.now(),
  log: Logger = silentLogger,
): Promise<{ device: StoredDevice; reRegistered: boolean }> {
  if (stored !== null) {
    try {
      return { device: await refreshDevice(http, stored), reRegistered: false };
    } catch (error) {
      if (!(error instanceof WebexError) || error.kind !== 'not-found') throw error;
    }
  }
  return { device: await registerDevice(http, wdmBaseUrl, now, log), reRegistered: true };
}
