import { describe, expect, it } from 'vitest';
import type { StoredDevice } from '../../../src/webex/device';
import { DEVICE_REGISTRATION_BODY, ensureDevice } from '../../../src/webex/device';
import { deleteDevice } from '../../../src/webex/device-list';
import { createHttpClient } from '../../../src/webex/http';
import { DEV_AUDIENCE, FakeFetch } from './fakes';

const WDM = 'https://wdm.wbx2.com/wdm/api/v1';
const reply = (n: number) => ({
  url: `${WDM}/devices/d${n}`,
  webSocketUrl: `wss://mercury.wbx2.com/v1/apps/wx2/registrations/r${n}/messages`,
  userId: 'AAAAAAAA-0000-4000-8000-000000000001',
  deviceType: 'WEB',
  features: { developer: [], entitlement: [], user: [] },
});
const stored: StoredDevice = {
  url: `${WDM}/devices/d1`,
  webSocketUrl: 'wss://mercury.wbx2.com/v1/apps/wx2/registrations/r1/messages',
  userId: 'aaaaaaaa-0000-4000-8000-000000000001',
  etag: 'E1',
  registeredAt: 5,
};

function setup(fake: FakeFetch) {
  return createHttpClient({ fetch: fake.fetch, getToken: () => 't', audience: DEV_AUDIENCE });
}

describe('ensureDevice', () => {
  it('registers with the JS SDK body when nothing is stored', async () => {
    const fake = new FakeFetch().on('POST', /\/devices$/, {
      body: reply(1),
      headers: { etag: 'E1' },
    });
    const result = await ensureDevice(setup(fake), WDM, null, 5);
    expect(result).toEqual({ device: stored, reRegistered: true });
    const [post] = fake.requests;
    expect(post?.url.search).toBe('?includeUpstreamServices=all');
    expect(post?.body).toEqual(DEVICE_REGISTRATION_BODY);
  });

  it('reuses and refreshes a stored device with If-None-Match', async () => {
    const fake = new FakeFetch().on('PUT', /\/devices\/d1$/, {
      body: reply(1),
      headers: { etag: 'E2' },
    });
    const result = await ensureDevice(setup(fake), WDM, stored, 99);
    expect(result).toEqual({ device: { ...stored, etag: 'E2' }, reRegistered: false });
    expect(fake.requests[0]?.headers['if-none-match']).toBe('E1');
    expect(fake.requests[0]?.url.search).toBe('?includeUpstreamServices=all');
  });

  it('keeps the device on 304', async () => {
    const fake = new FakeFetch().on('PUT', /\/devices\/d1$/, { status: 304 });
    expect(await ensureDevice(setup(fake), WDM, stored)).toEqual({
      device: stored,
      reRegistered: false,
    });
  });

  it('registers again when WDM forgot the device (404)', async () => {
    const fake = new FakeFetch()
      .on('PUT', /\/devices\/d1$/, { status: 404, body: { message: 'gone' } })
      .on('POST', /\/devices$/, { body: reply(2) });
    const result = await ensureDevice(setup(fake), WDM, stored, 7);
    expect(result.reRegistered).toBe(true);
    expect(result.device.url).toBe(`${WDM}/devices/d2`);
    expect(result.device.registeredAt).toBe(7);
  });

  it('rejects invalid registrations and passes other errors on', async () => {
    const bad = new FakeFetch().on('POST', /\/devices$/, {
      body: { ...reply(1), webSocketUrl: 'http://x' },
    });
    await expect(ensureDevice(setup(bad), WDM, null)).rejects.toMatchObject({
      kind: 'bad-payload',
    });
    const down = new FakeFetch().on('PUT', /\/devices\/d1$/, { status: 500 });
    await expect(ensureDevice(setup(down), WDM, stored)).rejects.toMatchObject({ kind: 'server' });
  });
});

describe('deleteDevice', () => {
  it('deletes, and treats an unknown device as deleted', async () => {
    const fake = new FakeFetch().on('DELETE', /\/devices\/d1$/, { status: 204 });
    await deleteDevice(setup(fake), stored.url);
    expect(fake.to('DELETE', /d1$/)).toHaveLength(1);
    await expect(deleteDevice(setup(new FakeFetch()), stored.url)).resolves.toBeUndefined();
  });
});
