// What the official Webex JS SDK needs from the emulator (npm run test:conformance drives the SDK
// itself; these pin the shapes down quickly).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG_ID, DEMO_TOKEN } from '../../emulator/demo-token.js';
import type { Harness, Json } from './helpers.js';
import { harness, MercuryClient, TOKEN } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.emu.close());

describe('what the JS SDK expects', () => {
  it('serves the limited catalog without a token, in the hostmap shape', async () => {
    const res = await h.control(
      'GET',
      `/u2c/api/v1/limited/catalog?orgId=${DEMO_ORG_ID}&format=hostmap`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      serviceLinks: {
        wdm: `${h.base}/wdm/api/v1`,
        apheleia: `${h.base}/apheleia/api/v1`,
        hydra: `${h.base}/v1`,
        metrics: `${h.base}/metrics/api/v1`,
      },
      hostCatalog: {},
    });
    const byProximity = await h.control(
      'GET',
      '/u2c/api/v1/limited/catalog?mode=DEFAULT_BY_PROXIMITY&format=hostmap',
    );
    expect(byProximity.status).toBe(200);
    expect((await h.control('GET', '/u2c/api/v1/limited/catalog?format=hostmap')).status).toBe(400);
  });

  it('uses a token shaped <token>_<cluster>_<orgId> and accepts it', async () => {
    expect(TOKEN).toBe(DEMO_TOKEN);
    const [, cluster, orgId] = DEMO_TOKEN.split('_');
    expect(cluster).toBe('P0A1');
    expect(orgId).toBe(DEMO_ORG_ID);
    expect((await h.call('GET', '/u2c/api/v1/catalog?format=hostmap')).status).toBe(200);
    expect((await h.call('GET', '/v1/people/me')).status).toBe(200);
    const device = await h.registerDevice();
    const client = await MercuryClient.connect(device.webSocketUrl, DEMO_TOKEN);
    client.close();
  });

  it('accepts metrics posts', async () => {
    const batch = { metrics: [{ key: 'sdk.metric', value: 1 }] };
    for (const resource of ['metrics', 'clientmetrics']) {
      const res = await h.call('POST', `/metrics/api/v1/${resource}`, batch);
      expect(res.status).toBe(204);
      const anonymous = await h.control('POST', `/metrics/api/v1/${resource}`, batch);
      expect(anonymous.status).toBe(401);
    }
    const prelogin = await h.control('POST', '/metrics/api/v1/clientmetrics-prelogin', batch);
    expect(prelogin.status).toBe(204);
  });

  it('registers devices with the user-presence-enabled feature toggle', async () => {
    const res = await h.call('POST', '/wdm/api/v1/devices', { deviceType: 'WEB' });
    const features = res.body.features as Record<string, Json[]>;
    expect(features.developer).toEqual([]);
    expect(features.entitlement).toEqual([]);
    expect(features.user).toEqual([
      {
        key: 'user-presence-enabled',
        val: 'true',
        value: true,
        mutable: true,
        type: 'USER',
        lastModified: expect.any(String),
      },
    ]);
  });

  it('numbers pongs from the same counter as events', async () => {
    const device = await h.registerDevice();
    const person = await h.addPerson('Pong Counter', 'pong.counter@example.com');
    const client = await MercuryClient.connect(device.webSocketUrl);
    await h.call(
      'POST',
      '/apheleia/api/v1/subscriptions',
      { subjects: [person.uuid], subscriptionTtl: 600 },
      { 'cisco-device-url': device.url },
    );
    await h.control('PUT', `/_emu/presence/${person.uuid}`, { status: 'call' });
    const event = await client.nextEvent();
    client.send({ id: 'p-1', type: 'ping' });
    const pong = await client.next((m) => m.type === 'pong');
    await h.control('PUT', `/_emu/presence/${person.uuid}`, { status: 'meeting' });
    const next = await client.nextEvent();
    expect(event.sequenceNumber).toBe(1);
    expect(pong).toEqual({ type: 'pong', id: 'p-1', sequenceNumber: 2 });
    expect(next.sequenceNumber).toBe(3);
    client.close();
  });
});
