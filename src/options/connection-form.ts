/** Checks the connection form before anything is sent, so simple mistakes get an inline answer. */
import { isHttpUrl } from '../core/url-scheme';

export interface ConnectionFormErrors {
  readonly serverUrl?: string;
  readonly token?: string;
}

export type ConnectionFormResult =
  | { readonly ok: true; readonly serverUrl: string; readonly token: string }
  | { readonly ok: false; readonly errors: ConnectionFormErrors };

export const SERVER_URL_ERROR = 'Enter a server URL starting with https:// or http://.';
export const TOKEN_ERROR = 'Enter an access token.';

export function checkConnectionForm(rawServerUrl: string, rawToken: string): ConnectionFormResult {
  const serverUrl = rawServerUrl.trim();
  const token = rawToken.trim();
  const errors: { serverUrl?: string; token?: string } = {};
  if (!isHttpUrl(serverUrl)) errors.serverUrl = SERVER_URL_ERROR;
  if (token === '') errors.token = TOKEN_ERROR;
  if (errors.serverUrl || errors.token) return { ok: false, errors };
  return { ok: true, serverUrl, token };
}
