/**
 * The one "Server URL" a user enters, turned into the base URLs the client starts from.
 * Real Webex splits U2C and Hydra over two hosts; the emulator serves both from one origin.
 */
import { err, ok } from '../core/result';
import type { Result } from '../core/result';
import { WEBEX_CLOUD_URL } from '../core/webex-cloud';
import type { TokenAudience } from './token-audience';
import { checkTokenUrl } from './token-audience';
import { isHttpUrl } from '../core/url-scheme';
import { t } from '../ui/i18n';

export const DEFAULT_SERVER_URL = WEBEX_CLOUD_URL;

export interface Endpoints {
  /** Service catalog (U2C), e.g. `https://u2c.wbx2.com/u2c/api/v1`. */
  readonly u2cBaseUrl: string;
  /** Public REST (People), e.g. `https://webexapis.com/v1`. */
  readonly hydraBaseUrl: string;
  /** The identity broker's token revocation, for sign-out (docs/protocol.md §6.2). */
  readonly revokeUrl: string;
}

const REVOKE_PATH = '/idb/oauth2/v1/revoke';

const WEBEX_HOSTS = new Set(['webexapis.com', 'api.ciscospark.com']);

/** The base URLs for a server URL, refused unless the token may go there (docs/protocol.md §2). */
export function resolveEndpoints(serverUrl: string, audience: TokenAudience): Result<Endpoints> {
  const text = serverUrl.trim() === '' ? DEFAULT_SERVER_URL : serverUrl.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return err(t('webex_server_url_invalid', [text, DEFAULT_SERVER_URL]));
  }
  if (!isHttpUrl(text)) {
    return err(t('webex_server_url_scheme'));
  }
  const allowed = checkTokenUrl(url.origin, audience);
  if (!allowed.ok) return allowed;
  if (WEBEX_HOSTS.has(url.hostname.toLowerCase())) {
    return ok({
      u2cBaseUrl: 'https://u2c.wbx2.com/u2c/api/v1',
      hydraBaseUrl: `${url.origin}/v1`,
      revokeUrl: `https://idbroker.webex.com${REVOKE_PATH}`,
    });
  }
  return ok({
    u2cBaseUrl: `${url.origin}/u2c/api/v1`,
    hydraBaseUrl: `${url.origin}/v1`,
    revokeUrl: `${url.origin}${REVOKE_PATH}`,
  });
}
