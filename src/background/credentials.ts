import { err, ok, type Result } from '../core/result';
import { parseAccount, type Account } from '../shared/connection';
import { isRecord, isString } from '../core/json-guards';
import type { SecretStore } from './secret-store';

/** Who is signed in, where, and with what token. Kept only in the background's IndexedDB. */
export interface Credentials {
  readonly serverUrl: string;
  readonly accessToken: string;
  readonly account: Account;
}

const KEY = 'credentials';

export function parseCredentials(raw: unknown): Result<Credentials> {
  if (!isRecord(raw) || !isString(raw.serverUrl) || !isString(raw.accessToken)) {
    return err('credentials need serverUrl and accessToken');
  }
  const account = parseAccount(raw.account);
  if (!account.ok) return account;
  return ok({ serverUrl: raw.serverUrl, accessToken: raw.accessToken, account: account.value });
}

export const loadCredentials = (store: SecretStore) => store.get(KEY, parseCredentials);
export const saveCredentials = (store: SecretStore, c: Credentials) => store.set(KEY, c);
export const clearCredentials = (store: SecretStore) => store.delete(KEY);
