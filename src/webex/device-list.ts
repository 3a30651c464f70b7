/**
 * The user's WDM devices: deleting one (on sign-out), and listing and pruning them when WDM
 * refuses a registration because there are too many (the JS SDK's `deleteDevices`,
 * docs/protocol.md §3.1).
 */
import { isNonEmptyString, isRecord } from '../core/json-guards';
import { err, ok } from '../core/result';
import type { Result } from '../core/result';
import { WebexError } from './errors';
import type { HttpClient } from './http';
import { isHttpUrl } from '../core/url-scheme';
import { joinUrl } from './urls';

export interface ListedDevice {
  readonly url: string;
  readonly deviceType: string;
  /** UTC ms; devices without a readable time sort first (oldest). */
  readonly modifiedAt: number;
}

/** At most this many devices are read from a list: a user has a handful, never thousands. */
const MAX_LISTED = 1_000;

function parseDeviceList(json: unknown): Result<ListedDevice[]> {
  if (!isRecord(json) || !Array.isArray(json['devices'])) {
    return err('The device list has no "devices" array.');
  }
  const devices: ListedDevice[] = [];
  for (const item of json['devices'].slice(0, MAX_LISTED)) {
    if (!isRecord(item) || !isHttpUrl(item['url']) || !isNonEmptyString(item['deviceType'])) {
      continue;
    }
    const time =
      typeof item['modificationTime'] === 'string' ? Date.parse(item['modificationTime']) : NaN;
    devices.push({
      url: item['url'],
      deviceType: item['deviceType'],
      modifiedAt: Number.isFinite(time) ? time : 0,
    });
  }
  return ok(devices);
}

/**
 * Deletes the oldest third (rounded up) of the user's devices of our type, by modification time;
 * returns how many were deleted. Unlike the SDK, which prunes only when there are more than two,
 * this also prunes one of two: WDM's limit may be as low as two for some accounts.
 */
export async function pruneOldDevices(
  http: HttpClient,
  wdmBaseUrl: string,
  deviceType: string,
): Promise<number> {
  const listed = await http.request('GET', joinUrl(wdmBaseUrl, 'devices'), {
    parse: parseDeviceList,
  });
  const ours = listed
    .filter((d) => d.deviceType === deviceType)
    .sort((a, b) => a.modifiedAt - b.modifiedAt);
  const doomed = ours.slice(0, Math.ceil(ours.length / 3));
  const results = await Promise.allSettled(doomed.map((d) => deleteDevice(http, d.url)));
  const failure = results.find((r) => r.status === 'rejected');
  if (failure !== undefined && results.every((r) => r.status === 'rejected')) {
    throw failure.reason;
  }
  return results.filter((r) => r.status === 'fulfilled').length;
}

/** Unregisters a device; one WDM no longer knows counts as deleted. */
export async function deleteDevice(http: HttpClient, deviceUrl: string): Promise<void> {
  try {
    await http.request('DELETE', deviceUrl, { parse: () => ok(undefined) });
  } catch (error) {
    if (!(error instanceof WebexError) || error.kind !== 'not-found') throw error;
  }
}
