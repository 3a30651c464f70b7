/**
 * Key-value storage in the extension origin's IndexedDB, for what content scripts must never
 * read (access token, device registration). `chrome.storage.local` is readable from content
 * scripts, and `storage.session` is lost when the browser restarts, so neither fits.
 */
import { del, get, promisifyRequest, set, type UseStore } from 'idb-keyval';
import type { Result } from '../core/result';

export interface SecretStore {
  get<T>(key: string, validate: (raw: unknown) => Result<T>): Promise<T | null>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

const DB_NAME = 'presence-lens';
const STORE = 'secrets';

/**
 * idb-keyval's `createStore`, over the given factory instead of the global `indexedDB` (tests
 * pass fake-indexeddb's). The database is opened on first use and again after it closes.
 */
function secretsStore(factory: IDBFactory): UseStore {
  let db: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> => {
    const request = factory.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    const opened = promisifyRequest(request);
    opened.then(
      (connection) => (connection.onclose = () => (db = undefined)),
      () => (db = undefined),
    );
    return opened;
  };
  return (mode, callback) =>
    (db ??= open()).then((connection) =>
      callback(connection.transaction(STORE, mode).objectStore(STORE)),
    );
}

/** Writes resolve when their transaction has committed, not merely when the request succeeded. */
export function createIdbSecretStore(factory: IDBFactory = indexedDB): SecretStore {
  const store = secretsStore(factory);
  return {
    async get(key, validate) {
      const raw: unknown = await get(key, store);
      if (raw === undefined) return null;
      const parsed = validate(raw);
      if (!parsed.ok) {
        console.warn(`Presence Lens: stored secret "${key}" is unreadable (${parsed.error}).`);
        return null;
      }
      return parsed.value;
    },
    async set(key, value) {
      await set(key, value, store);
    },
    async delete(key) {
      await del(key, store);
    },
  };
}
