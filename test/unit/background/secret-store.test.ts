import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test, vi } from 'vitest';
import {
  clearCredentials,
  loadCredentials,
  saveCredentials,
} from '../../../src/background/credentials';
import { createIdbSecretStore } from '../../../src/background/secret-store';

const credentials = {
  serverUrl: 'http://127.0.0.1:8787',
  accessToken: 'secret',
  account: { displayName: 'Demo User', email: 'demo.user@example.com' },
};

describe('secret store in IndexedDB', () => {
  test('credentials survive a new store over the same database (a worker restart)', async () => {
    const factory = new IDBFactory();
    await saveCredentials(createIdbSecretStore(factory), credentials);
    expect(await loadCredentials(createIdbSecretStore(factory))).toEqual(credentials);
  });

  test('cleared credentials are gone', async () => {
    const store = createIdbSecretStore(new IDBFactory());
    await saveCredentials(store, credentials);
    await clearCredentials(store);
    expect(await loadCredentials(store)).toBeNull();
  });

  test('an unreadable record reads as absent and says why', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = createIdbSecretStore(new IDBFactory());
    await store.set('credentials', { serverUrl: 'x' });
    expect(await loadCredentials(store)).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('credentials'));
  });
});
