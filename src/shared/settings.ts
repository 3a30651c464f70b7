import { err, ok, type Result } from '../core/result';
import { isRecord, isString } from '../core/json-guards';
import { WEBEX_CLOUD_URL } from '../core/webex-cloud';

/** The Webex cloud by default; the emulator (or any other server) is chosen on the options page. */
export { WEBEX_CLOUD_URL };

export interface Settings {
  /** One origin; the Webex services are found from it (see src/webex/endpoints.ts). */
  readonly serverUrl: string;
  /** The Webex integration used by "Sign in with Webex" (its secret stays in the worker). */
  readonly oauthClientId?: string;
}

export const DEFAULT_SETTINGS: Settings = { serverUrl: WEBEX_CLOUD_URL };

export function parseSettings(raw: unknown): Result<Settings> {
  if (!isRecord(raw) || !isString(raw.serverUrl)) return err('settings need a serverUrl');
  const clientId = raw.oauthClientId;
  if (clientId !== undefined && (!isString(clientId) || clientId.length > 200)) {
    return err('settings have an oauthClientId that is not a short text');
  }
  return ok({
    serverUrl: raw.serverUrl,
    ...(clientId === undefined ? {} : { oauthClientId: clientId }),
  });
}
