import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Harness, Json } from './helpers.js';
import { fakeClock, harness, TOKEN } from './helpers.js';

const DEVICES = '/wdm/api/v1/devices';
const SECOND_TOKEN = 'second-token';

let h: Harness;
const clock = fakeClock();
beforeAll(async () => {
  h = await harness({ now: clock.now, tokens: [TOKEN, SECOND_TOKEN] });
});
beforeEach(async () => {
  await h.control('POST', '/_emu/reset');
});
afterAll(() => h.emu.close());

const register = (token = TOKEN) =>
  h.call(
    'POST',
    `${DEVICES}?includeUpstreamServices=all`,
    { name: 'browser', deviceType: 'WEB', model: 'web-js-sdk' },
    { authorization: `Bearer ${token}` },
  );

async function registerMinuteApart(n: number): Promise<string[]> {
  const urls: string[] = [];
  for (let i = 0; i < n; i++) {
    clock.advance(60_000);
    const res = await register();
    expect(res.status).toBe(200);
    urls.push(res.body.url as string);
  }
  return urls;
}

const deviceStats = async () => (await h.control('GET', '/_emu/stats')).body.devices as Json;

interface ListedDevice {
  url: string;
  deviceType: string;
  modificationTime: string;
}

describe('the maxDevices knob', () => {
  it('refuses one device too many with the 403 body the JS SDK recognises', async () => {
    expect((await h.control('POST', '/_emu/faults', { maxDevices: 2 })).body.maxDevices).toBe(2);
    await registerMinuteApart(2);
    const refused = await register();
    expect(refused.status).toBe(403);
    // internal-plugin-device 3.12.0 device.js register(): error?.body?.message === '…'
    expect(refused.body).toEqual({
      message: 'User has excessive device registrations',
      errors: [{ description: 'User has excessive device registrations' }],
      trackingId: expect.stringMatching(/^EMULATOR_/),
    });
    expect(refused.headers.get('trackingid')).toBe(refused.body.trackingId);
    expect(await deviceStats()).toMatchObject({ registered: 2, rejected: 1, deleted: 0 });
  });

  it('lets the SDK recover: list the devices, delete the oldest third, register again', async () => {
    await h.control('POST', '/_emu/faults', { maxDevices: 6 });
    const urls = await registerMinuteApart(6);
    expect((await register()).status).toBe(403);

    // device.js deleteDevices(): GET {wdm}/devices, keep body.devices of the same deviceType,
    // orderBy modificationTime, DELETE the first Math.ceil(n / 3) urls.
    const list = await h.call('GET', DEVICES);
    expect(list.status).toBe(200);
    const devices = list.body.devices as ListedDevice[];
    expect(devices).toHaveLength(6);
    for (const d of devices) {
      expect(d).toMatchObject({ url: expect.any(String), deviceType: 'WEB' });
      expect(Number.isNaN(Date.parse(d.modificationTime))).toBe(false);
    }
    const oldest = devices
      .filter((d) => d.deviceType === 'WEB')
      .sort((a, b) => Date.parse(a.modificationTime) - Date.parse(b.modificationTime))
      .slice(0, Math.ceil(devices.length / 3))
      .map((d) => d.url);
    expect(oldest).toEqual(urls.slice(0, 2));
    for (const url of oldest) expect((await h.call('DELETE', url)).status).toBe(204);

    expect((await register()).status).toBe(200);
    const stats = (await h.control('GET', '/_emu/stats')).body;
    expect(stats.devices).toMatchObject({ registered: 7, rejected: 1, deleted: 2 });
    expect((stats.requests as Json)['DELETE /wdm/api/v1/devices/:id']).toBe(2);
    const left = (await h.call('GET', DEVICES)).body.devices as ListedDevice[];
    expect(left.map((d) => d.url)).not.toContain(urls[0]);
    expect(left).toHaveLength(5);
  });

  it('answers 404 to a DELETE of an unknown device and does not count it', async () => {
    const [url] = await registerMinuteApart(1);
    expect((await h.call('DELETE', url!)).status).toBe(204);
    const again = await h.call('DELETE', url!);
    expect(again.status).toBe(404);
    expect(again.body.errors).toHaveLength(1);
    expect((await h.call('DELETE', `${DEVICES}/no-such-device`)).status).toBe(404);
    expect(await deviceStats()).toMatchObject({ deleted: 1 });
  });

  it('counts per user, not per token: every token here signs in the same user', async () => {
    await h.control('POST', '/_emu/faults', { maxDevices: 2 });
    await registerMinuteApart(2);
    const other = await register(SECOND_TOKEN);
    expect(other.status).toBe(403);
    const listed = await h.call('GET', DEVICES, undefined, {
      authorization: `Bearer ${SECOND_TOKEN}`,
    });
    expect(listed.body.devices).toHaveLength(2);
    const me = await h.call('GET', '/v1/people/me');
    const uuid = Buffer.from(me.body.id as string, 'base64url')
      .toString()
      .split('/')
      .pop()!;
    expect((await deviceStats()).byUser).toEqual({ [uuid]: 2 });
  });

  it('refuses everything with 0, and null or DELETE /_emu/faults lift the limit', async () => {
    await h.control('POST', '/_emu/faults', { maxDevices: 0 });
    expect((await register()).status).toBe(403);
    const lifted = await h.control('POST', '/_emu/faults', { maxDevices: null });
    expect(lifted.body.maxDevices).toBeNull();
    expect((await register()).status).toBe(200);
    await h.control('POST', '/_emu/faults', { maxDevices: 1 });
    expect((await register()).status).toBe(403);
    expect((await h.control('DELETE', '/_emu/faults')).body.maxDevices).toBeNull();
    expect((await register()).status).toBe(200);
  });

  it('keeps the limit when other knobs are posted later', async () => {
    await h.control('POST', '/_emu/faults', { maxDevices: 0 });
    await h.control('POST', '/_emu/faults', { pong: 'drop' });
    expect((await h.control('GET', '/_emu/faults')).body.maxDevices).toBe(0);
    expect((await register()).status).toBe(403);
  });

  it('validates the knob and names every known knob for an unknown one', async () => {
    for (const maxDevices of [-1, 1.5, '3', true, {}]) {
      const res = await h.control('POST', '/_emu/faults', { maxDevices });
      expect(res.status, JSON.stringify(maxDevices)).toBe(400);
      expect(res.body.message).toMatch(/maxDevices/);
    }
    expect((await h.control('GET', '/_emu/faults')).body.maxDevices).toBeNull();
    const unknown = await h.control('POST', '/_emu/faults', { maxDevice: 1 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe(
      'Unknown fault knob(s): maxDevice; known: http, pong, forgetDevices, loseSubscriptions, subjectCodes, revokeTokens, maxDevices, catalogLinks, oauthAutoApprove, accessTokenLifetime',
    );
  });
});
