import { err, ok, type Result } from '../core/result';
import { isFiniteNumber, isRecord, isString } from '../core/json-guards';
import type { StoredDevice } from '../webex/device';
import type { SecretStore } from './secret-store';

export interface DeviceStore {
  load(): Promise<StoredDevice | null>;
  save(device: StoredDevice | null): Promise<void>;
}

function parseStoredDevice(raw: unknown): Result<StoredDevice> {
  if (!isRecord(raw)) return err('a device must be an object');
  const { url, webSocketUrl, userId, etag, registeredAt } = raw;
  if (!isString(url) || !isString(webSocketUrl) || !isString(userId)) {
    return err('a device needs url, webSocketUrl and userId');
  }
  if (etag !== undefined && !isString(etag)) return err('a device etag must be a string');
  if (!isFiniteNumber(registeredAt)) return err('a device needs registeredAt');
  return ok({ url, webSocketUrl, userId, registeredAt, ...(etag === undefined ? {} : { etag }) });
}

/**
 * The WDM device, persisted so that a restarted worker reuses it (one device per install, server
 * and account, docs/protocol.md §3) instead of registering a new one each time. Keyed by the
 * account too: a device registered for one user must never be refreshed with another's token.
 */
export function createDeviceStore(
  secrets: SecretStore,
  serverUrl: string,
  accountEmail: string,
): DeviceStore {
  const key = `device:${serverUrl}:${accountEmail.toLowerCase()}`;
  return {
    load: () => secrets.get(key, parseStoredDevice),
    save: (device) => (device ? secrets.set(key, device) : secrets.delete(key)),
  };
}
