import { err, ok, type Result } from '../core/result';
import { parseAccount, type Account } from '../shared/connection';
import { isFiniteNumber, isRecord, isString } from '../core/json-guards';
import type { SecretStore } from './secret-store';

/** How an OAuth sign-in renews its access token (docs/protocol.md §6.2). */
export interface OAuthGrant {
  readonly clientId: string;
  readonly clientSecret?: string;
  readonly refreshToken: string;
  /** UTC ms when the access token expires. */
  readonly expiresAt: number;
  /** UTC ms from when it is renewed (before `expiresAt`). */
  readonly refreshAt: number;
}

/** Who is signed in, where, and with what token. Kept only in the background's IndexedDB. */
export interface Credentials {
  readonly serverUrl: string;
  readonly accessToken: string;
  readonly account: Account;
  /** Present when signed in with Webex (OAuth) rather than with a pasted token. */
  readonly oauth?: OAuthGrant;
}

function parseGrant(raw: unknown): Result<OAuthGrant> {
  if (!isRecord(raw) || !isString(raw.clientId) || !isString(raw.refreshToken)) {
    return err('an OAuth grant needs clientId and refreshToken');
  }
  if (!isFiniteNumber(raw.expiresAt) || !isFiniteNumber(raw.refreshAt)) {
    return err('an OAuth grant needs expiresAt and refreshAt');
  }
  if (raw.clientSecret !== undefined && !isString(raw.clientSecret)) {
    return err('an OAuth client secret must be text');
  }
  return ok({
    clientId: raw.clientId,
    refreshToken: raw.refreshToken,
    expiresAt: raw.expiresAt,
    refreshAt: raw.refreshAt,
    ...(raw.clientSecret === undefined ? {} : { clientSecret: raw.clientSecret }),
  });
}

const KEY = 'credentials';

export function parseCredentials(raw: unknown): Result<Credentials> {
  if (!isRecord(raw) || !isString(raw.serverUrl) || !isString(raw.accessToken)) {
    return err('credentials need serverUrl and accessToken');
  }
  const account = parseAccount(raw.account);
  if (!account.ok) return account;
  const grant = raw.oauth === undefined ? undefined : parseGrant(raw.oauth);
  if (grant !== undefined && !grant.ok) return grant;
  return ok({
    serverUrl: raw.serverUrl,
    accessToken: raw.accessToken,
    account: account.value,
    ...(grant === undefined ? {} : { oauth: grant.value }),
  });
}

export const loadCredentials = (store: SecretStore) => store.get(KEY, parseCredentials);
export const saveCredentials = (store: SecretStore, c: Credentials) => store.set(KEY, c);
export const clearCredentials = (store: SecretStore) => store.delete(KEY);
