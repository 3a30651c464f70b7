/**
 * Key-value storage in the extension origin's IndexedDB, for what content scripts must never
 * read (access token, device registration). `chrome.storage.local` is readable from content
 * scripts, and `storage.session` is lost when the browser restarts, so neither fits.
 */
import type { Result } from '../core/result';

export interface SecretStore {
  get<T>(key: string, validate: (raw: unknown) => Result<T>): Promise<T | null>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

const DB_NAME = 'presence-lens';
const STORE = 'secrets';

function promisify<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  const request = factory.open(DB_NAME, 1);
  request.onupgradeneeded = () => {
    if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
  };
  return promisify(request);
}

export function createIdbSecretStore(factory: IDBFactory = indexedDB): SecretStore {
  let db: Promise<IDBDatabase> | null = null;
  const database = () => (db ??= openDatabase(factory));

  async function run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>) {
    const tx = (await database()).transaction(STORE, mode);
    return promisify(op(tx.objectStore(STORE)));
  }

  return {
    async get(key, validate) {
      const raw: unknown = await run('readonly', (s) => s.get(key));
      if (raw === undefined) return null;
      const parsed = validate(raw);
      if (!parsed.ok) {
        console.warn(`Presence Lens: stored secret "${key}" is unreadable (${parsed.error}).`);
        return null;
      }
      return parsed.value;
    },
    async set(key, value) {
      await run('readwrite', (s) => s.put(value, key));
    },
    async delete(key) {
      await run('readwrite', (s) => s.delete(key));
    },
  };
}
