import { err, ok, type Result } from '../core/result';
import { isRecord, isString } from '../core/json-guards';

/** The Webex cloud. The emulator (or any other server) is chosen on the options page. */
export const WEBEX_CLOUD_URL = 'https://webexapis.com';

export interface Settings {
  /** One origin; the Webex services are found from it (see src/webex/endpoints.ts). */
  readonly serverUrl: string;
}

export const DEFAULT_SETTINGS: Settings = { serverUrl: WEBEX_CLOUD_URL };

export function parseSettings(raw: unknown): Result<Settings> {
  if (!isRecord(raw) || !isString(raw.serverUrl)) return err('settings need a serverUrl');
  return ok({ serverUrl: raw.serverUrl });
}
