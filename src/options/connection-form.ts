/** Checks the connection form before anything is sent, so simple mistakes get an inline answer. */
import { isHttpUrl } from '../core/url-scheme';
import { t } from '../ui/i18n';

export interface ConnectionFormErrors {
  readonly serverUrl?: string;
  readonly token?: string;
}

export type ConnectionFormResult =
  | { readonly ok: true; readonly serverUrl: string; readonly token: string }
  | { readonly ok: false; readonly errors: ConnectionFormErrors };

// Read once, when the module loads: the UI language does not change while a page is open.
export const SERVER_URL_ERROR = t('options_server_url_error');
export const TOKEN_ERROR = t('options_token_error');

export function checkConnectionForm(rawServerUrl: string, rawToken: string): ConnectionFormResult {
  const serverUrl = rawServerUrl.trim();
  const token = rawToken.trim();
  const errors: { serverUrl?: string; token?: string } = {};
  if (!isHttpUrl(serverUrl)) errors.serverUrl = SERVER_URL_ERROR;
  if (token === '') errors.token = TOKEN_ERROR;
  if (errors.serverUrl || errors.token) return { ok: false, errors };
  return { ok: true, serverUrl, token };
}
