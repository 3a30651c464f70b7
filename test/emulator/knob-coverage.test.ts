// The failures the fault-tolerance suite needs, one knob each, on every path it names.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './helpers.js';
import { harness, MercuryClient, sleep } from './helpers.js';

let h: Harness;
let device: { url: string; webSocketUrl: string; id: string };
let ada: { id: string; uuid: string };
beforeAll(async () => {
  h = await harness();
});
beforeEach(async () => {
  await h.control('POST', '/_emu/reset');
  device = await h.registerDevice();
  ada = await h.addPerson('Ada Knob', 'ada.knob@example.com');
});
afterAll(() => h.emu.close());

interface Target {
  method: string;
  path: string; // the route pattern a rule names
  send(): ReturnType<Harness['call']>;
}

const targets = (): Target[] => [
  {
    method: 'GET',
    path: '/u2c/api/v1/catalog',
    send: () => h.call('GET', '/u2c/api/v1/catalog?format=hostmap'),
  },
  {
    method: 'POST',
    path: '/wdm/api/v1/devices',
    send: () => h.call('POST', '/wdm/api/v1/devices', { deviceType: 'WEB' }),
  },
  { method: 'PUT', path: '/wdm/api/v1/devices/:id', send: () => h.call('PUT', device.url, {}) },
  {
    method: 'POST',
    path: '/apheleia/api/v1/subscriptions',
    send: () =>
      h.call(
        'POST',
        '/apheleia/api/v1/subscriptions',
        { subjects: [ada.uuid], subscriptionTtl: 600, includeStatus: true },
        { 'cisco-device-url': device.url },
      ),
  },
  {
    method: 'POST',
    path: '/apheleia/api/v1/compositions',
    send: () => h.call('POST', '/apheleia/api/v1/compositions', { subjects: [ada.uuid] }),
  },
  { method: 'GET', path: '/v1/people', send: () => h.call('GET', `/v1/people?id=${ada.id}`) },
  { method: 'GET', path: '/v1/people/:id', send: () => h.call('GET', `/v1/people/${ada.id}`) },
];

describe('the fault-tolerance knobs', () => {
  it('closes sockets with 1001, 1011, 4000 and 4001', async () => {
    for (const code of [1001, 1011, 4000, 4001]) {
      const client = await MercuryClient.connect(device.webSocketUrl);
      const res = await h.control('POST', '/_emu/sockets/close', { code, reason: `bye ${code}` });
      expect(res.body, String(code)).toEqual({ closed: 1 });
      expect(await client.closed).toEqual({ code, reason: `bye ${code}` });
    }
  });

  it('answers 429/503 with Retry-After, 423 and 500 on every path, once each', async () => {
    const faults = [
      { status: 429, retryAfter: 9 },
      { status: 423 },
      { status: 500 },
      { status: 503, retryAfter: 4 },
    ];
    for (const target of targets()) {
      for (const fault of faults) {
        const rule = { method: target.method, path: target.path, times: 1, ...fault };
        expect((await h.control('POST', '/_emu/faults', { http: [rule] })).status).toBe(200);
        const res = await target.send();
        const what = `${target.method} ${target.path} ${fault.status}`;
        expect(res.status, what).toBe(fault.status);
        expect(res.headers.get('retry-after'), what).toBe(
          fault.retryAfter !== undefined ? String(fault.retryAfter) : null,
        );
        expect(res.body.message, what).toBe(`Emulated fault: ${fault.status}`);
      }
      expect((await target.send()).status, `${target.path} after the faults`).toBe(200);
    }
  });

  it('holds a request on every path until faults are cleared, then the route answers', async () => {
    for (const target of targets()) {
      await h.control('POST', '/_emu/faults', {
        http: [{ method: target.method, path: target.path, hang: true, times: 1 }],
      });
      const pending = target.send();
      await waitForHeld(1);
      await h.control('DELETE', '/_emu/faults');
      expect((await pending).status, target.path).toBe(200);
    }
  });
});

async function waitForHeld(n: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const faults = await h.control('GET', '/_emu/faults');
    if (faults.body.heldRequests === n) return;
    await sleep(10);
  }
  throw new Error(`never saw ${n} held request(s)`);
}
