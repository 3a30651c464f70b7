import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Harness, Json } from './helpers.js';
import { harness, MercuryClient, sleep } from './helpers.js';

const SUB = '/apheleia/api/v1/subscriptions';
let h: Harness;
beforeAll(async () => {
  h = await harness();
});
beforeEach(async () => {
  await h.control('POST', '/_emu/reset');
});
afterAll(() => h.emu.close());

describe('loseSubscriptions', () => {
  it('drops every subscription silently until the client subscribes again', async () => {
    const device = await h.registerDevice();
    const other = await h.registerDevice();
    const [p, q] = await Promise.all([
      h.addPerson('Pat Lost', 'pat@example.com'),
      h.addPerson('Quinn Lost', 'quinn@example.com'),
    ]);
    const subscribe = (url: string) =>
      h.call(
        'POST',
        SUB,
        { subjects: [p.uuid, q.uuid], subscriptionTtl: 600 },
        {
          'cisco-device-url': url,
        },
      );
    await subscribe(device.url);
    await subscribe(other.url);
    const client = await MercuryClient.connect(device.webSocketUrl);
    await h.control('PUT', `/_emu/presence/${p.uuid}`, { status: 'call' });
    expect(((await client.nextEvent()).data as Json).status).toBe('call');

    const res = await h.control('POST', '/_emu/faults', { loseSubscriptions: true });
    expect(res.status).toBe(200);
    const stats = (await h.control('GET', '/_emu/stats')).body;
    expect(stats.subscriptions).toEqual([]);
    const listed = await h.call('GET', SUB, undefined, { 'cisco-device-url': device.url });
    expect(listed.body.subscriptions).toEqual([]);

    // No push for anyone, no notice on the socket, and the socket and devices stay.
    await h.control('PUT', `/_emu/presence/${p.uuid}`, { status: 'meeting' });
    await h.control('PUT', `/_emu/presence/${q.uuid}`, { status: 'dnd' });
    await sleep(150);
    expect(client.frames).toHaveLength(2); // buffer_state and the one push before the drop
    expect((stats.sockets as Json[]).map((s) => s.authorized)).toEqual([true]);
    expect((await h.call('PUT', device.url, {})).status).toBe(200);

    // Subscribing again brings the pushes back.
    await subscribe(device.url);
    await h.control('PUT', `/_emu/presence/${p.uuid}`, { status: 'presenting' });
    expect(((await client.nextEvent()).data as Json).status).toBe('presenting');
    client.close();
  });

  it('is a one-shot: it is not listed among the active faults and later subscriptions live', async () => {
    const device = await h.registerDevice();
    const p = await h.addPerson('One Shot', 'one.shot@example.com');
    const res = await h.control('POST', '/_emu/faults', { loseSubscriptions: true });
    expect(res.body).not.toHaveProperty('loseSubscriptions');
    await h.call(
      'POST',
      SUB,
      { subjects: [p.uuid], subscriptionTtl: 600 },
      {
        'cisco-device-url': device.url,
      },
    );
    const subs = (await h.control('GET', '/_emu/stats')).body.subscriptions as Json[];
    expect(subs.map((s) => s.subject)).toEqual([p.uuid]);
  });

  it('validates the knob like the others', async () => {
    const bad = await h.control('POST', '/_emu/faults', { loseSubscriptions: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('"loseSubscriptions" must be a boolean');
    const unknown = await h.control('POST', '/_emu/faults', { loseSubscription: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('loseSubscriptions');
  });

  it('leaves subscriptions alone when false', async () => {
    const device = await h.registerDevice();
    const p = await h.addPerson('Kept Sub', 'kept@example.com');
    await h.call(
      'POST',
      SUB,
      { subjects: [p.uuid], subscriptionTtl: 600 },
      {
        'cisco-device-url': device.url,
      },
    );
    await h.control('POST', '/_emu/faults', { loseSubscriptions: false });
    expect((await h.control('GET', '/_emu/stats')).body.subscriptions).toHaveLength(1);
  });
});
