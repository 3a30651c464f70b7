import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './helpers.js';
import { fakeClock, harness } from './helpers.js';

let h: Harness;
const clock = fakeClock();
beforeAll(async () => {
  h = await harness({ now: clock.now });
});
afterAll(() => h.emu.close());

describe('WDM devices', () => {
  it('registers a device with a Mercury URL, the user id and an etag', async () => {
    const me = await h.call('GET', '/v1/people/me');
    const res = await h.call('POST', '/wdm/api/v1/devices?includeUpstreamServices=all', {
      name: 'browser',
      deviceType: 'WEB',
      model: 'web-js-sdk',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeTruthy();
    const id = (res.body.url as string).split('/').pop();
    expect(res.body).toMatchObject({
      url: `${h.base}/wdm/api/v1/devices/${id}`,
      webSocketUrl: `ws://127.0.0.1:${h.emu.port}/v1/apps/wx2/registrations/${id}/messages`,
      userId: Buffer.from(me.body.id as string, 'base64url')
        .toString()
        .split('/')
        .pop(),
      deviceType: 'WEB',
      name: 'browser',
      model: 'web-js-sdk',
      features: {
        developer: [],
        entitlement: [],
        user: [expect.objectContaining({ key: 'user-presence-enabled', val: 'true' })],
      },
      creationTime: new Date(clock.now()).toISOString(),
    });
    expect(typeof res.body.orgId).toBe('string');
  });

  it('refreshes with PUT, lists, and deletes', async () => {
    const device = await h.registerDevice();
    clock.advance(60_000);
    const put = await h.call(
      'PUT',
      `${device.url}?includeUpstreamServices=all`,
      { name: 'browser' },
      { 'if-none-match': 'x' },
    );
    expect(put.status).toBe(200);
    expect(put.body.modificationTime).toBe(new Date(clock.now()).toISOString());
    expect(put.body.creationTime).not.toBe(put.body.modificationTime);
    const list = await h.call('GET', '/wdm/api/v1/devices');
    expect((list.body.devices as { url: string }[]).map((d) => d.url)).toContain(device.url);
    expect((await h.call('DELETE', device.url)).status).toBe(204);
    expect((await h.call('PUT', device.url, {})).status).toBe(404);
    expect((await h.call('DELETE', device.url)).status).toBe(404);
  });

  it('answers 404 to PUT after the forgetDevices fault', async () => {
    const device = await h.registerDevice();
    expect((await h.call('PUT', device.url, {})).status).toBe(200);
    await h.control('POST', '/_emu/faults', { forgetDevices: true });
    const res = await h.call('PUT', device.url, {});
    expect(res.status).toBe(404);
    expect(res.body.errors).toHaveLength(1);
    const again = await h.registerDevice();
    expect(again.url).not.toBe(device.url);
  });

  it('rejects a malformed device body', async () => {
    expect((await h.call('POST', '/wdm/api/v1/devices', { name: 42 })).status).toBe(400);
    expect((await h.call('POST', '/wdm/api/v1/devices', 'nope')).status).toBe(400);
  });
});
