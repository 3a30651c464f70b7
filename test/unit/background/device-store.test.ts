import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { createDeviceStore } from '../../../src/background/device-store';
import { createIdbSecretStore } from '../../../src/background/secret-store';

const device = {
  url: 'http://127.0.0.1:1/wdm/api/v1/devices/d1',
  webSocketUrl: 'ws://127.0.0.1:1/v1/apps/wx2/registrations/d1/messages',
  userId: 'u1',
  etag: 'e1',
  registeredAt: 5,
};

describe('device store', () => {
  test('a device is reused for the same server and account, whatever the email case', async () => {
    const secrets = createIdbSecretStore(new IDBFactory());
    await createDeviceStore(secrets, 'http://s', 'Ada@Example.com').save(device);
    expect(await createDeviceStore(secrets, 'http://s', 'ada@example.com').load()).toEqual(device);
  });

  test('another account or another server never gets that device', async () => {
    const secrets = createIdbSecretStore(new IDBFactory());
    await createDeviceStore(secrets, 'http://s', 'ada@example.com').save(device);
    expect(await createDeviceStore(secrets, 'http://s', 'grace@example.com').load()).toBeNull();
    expect(await createDeviceStore(secrets, 'http://other', 'ada@example.com').load()).toBeNull();
  });

  test('saving null forgets it, and a malformed record reads as no device', async () => {
    const secrets = createIdbSecretStore(new IDBFactory());
    const store = createDeviceStore(secrets, 'http://s', 'ada@example.com');
    await store.save(device);
    await store.save(null);
    expect(await store.load()).toBeNull();
    await secrets.set('device:http://s:ada@example.com', { url: 3 });
    expect(await store.load()).toBeNull();
  });
});
