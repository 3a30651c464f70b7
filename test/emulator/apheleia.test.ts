import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Harness, Json } from './helpers.js';
import { fakeClock, harness, MercuryClient, sleep } from './helpers.js';

const clock = fakeClock();
let h: Harness;
let device: { url: string; webSocketUrl: string };
const SUB = '/apheleia/api/v1/subscriptions';

const subscribe = (body: unknown, url = device.url) =>
  h.call('POST', SUB, body, { 'cisco-device-url': url });
const listSubs = async () =>
  (await h.call('GET', SUB, undefined, { 'cisco-device-url': device.url })).body
    .subscriptions as Json[];

beforeAll(async () => {
  h = await harness({ now: clock.now });
});
beforeEach(async () => {
  await h.control('POST', '/_emu/reset');
  device = await h.registerDevice();
});
afterAll(() => h.emu.close());

describe('Apheleia subscriptions', () => {
  it('subscribes with includeStatus, caps the TTL at 600 and lists remaining seconds', async () => {
    const p = await h.addPerson('Sub Ject', 'sub.ject@example.com');
    const res = await subscribe({ subjects: [p.uuid], subscriptionTtl: 3600, includeStatus: true });
    expect(res.body.responses).toEqual([
      {
        subject: p.uuid,
        responseCode: 200,
        subscriptionTtl: 600,
        status: expect.objectContaining({ subject: p.uuid, status: 'active' }),
      },
    ]);
    clock.advance(100_000);
    expect(await listSubs()).toEqual([
      { deviceUrl: device.url, subject: p.uuid, subscriptionTtl: 500 },
    ]);
    const noStatus = await subscribe({ subjects: [p.uuid], subscriptionTtl: 60 });
    expect((noStatus.body.responses as Json[])[0]).toEqual({
      subject: p.uuid,
      responseCode: 200,
      subscriptionTtl: 60,
    });
  });

  it('answers unknown subjects with an unknown composition', async () => {
    const stranger = randomUUID();
    const res = await subscribe({
      subjects: [stranger],
      subscriptionTtl: 600,
      includeStatus: true,
    });
    expect((res.body.responses as Json[])[0]).toMatchObject({
      responseCode: 200,
      status: { subject: stranger, status: 'unknown', expiresTTL: -1, customStatus: '' },
    });
  });

  it('enforces at most 50 subjects and a device header', async () => {
    const fifty = Array.from({ length: 50 }, () => randomUUID());
    expect((await subscribe({ subjects: fifty, subscriptionTtl: 600 })).status).toBe(200);
    expect(
      (await subscribe({ subjects: [...fifty, randomUUID()], subscriptionTtl: 600 })).status,
    ).toBe(400);
    expect(
      (await h.call('POST', SUB, { subjects: [randomUUID()], subscriptionTtl: 600 })).status,
    ).toBe(400);
    expect(
      (await subscribe({ subjects: [randomUUID()] }, `${h.base}/wdm/api/v1/devices/unknown`))
        .status,
    ).toBe(400);
    expect((await subscribe({ subjects: [randomUUID()], subscriptionTtl: -1 })).status).toBe(400);
    expect((await subscribe({ subjects: [randomUUID()], includeStatus: 'yes' })).status).toBe(400);
    const calls = (await h.control('GET', '/_emu/stats')).body.subscriptionCalls as Json[];
    expect(calls.map((c) => (c.subjects as unknown[]).length)).toEqual([50, 51, 1, 1, 1, 1]);
    expect(calls[0]).toMatchObject({
      deviceUrl: device.url,
      subscriptionTtl: 600,
      at: expect.any(String),
    });
  });

  it('removes subscriptions with subscriptionTtl 0', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await subscribe({ subjects: [a, b], subscriptionTtl: 600 });
    const res = await subscribe({ subjects: [a], subscriptionTtl: 0, includeStatus: true });
    expect(res.body.responses).toEqual([{ subject: a, responseCode: 200, subscriptionTtl: 0 }]);
    expect((await listSubs()).map((s) => s.subject)).toEqual([b]);
    const calls = (await h.control('GET', '/_emu/stats')).body.subscriptionCalls as Json[];
    expect(calls.at(-1)).toMatchObject({ subscriptionTtl: 0, subjects: [a] });
  });

  it('expires subscriptions at their TTL and stops pushing', async () => {
    const p = await h.addPerson('Short Lived', 'short.lived@example.com');
    const client = await MercuryClient.connect(device.webSocketUrl);
    await subscribe({ subjects: [p.uuid], subscriptionTtl: 30 });
    await h.control('PUT', `/_emu/presence/${p.uuid}`, { status: 'call' });
    await client.nextEvent();
    clock.advance(30_001);
    expect(await listSubs()).toEqual([]);
    expect((await h.control('GET', '/_emu/stats')).body.subscriptions).toEqual([]);
    await h.control('PUT', `/_emu/presence/${p.uuid}`, { status: 'meeting' });
    await sleep(100);
    expect(client.messages).toEqual([]);
    client.close();
  });
});

describe('Apheleia compositions and events', () => {
  it('reads compositions in batches of at most 50 and singly', async () => {
    const p = await h.addPerson('Com Position', 'com.position@example.com');
    await h.control('PUT', `/_emu/presence/${p.uuid}`, {
      status: 'calendarItem',
      customStatus: 'Lunch',
      ttl: 120,
    });
    const batch = await h.call('POST', '/apheleia/api/v1/compositions', {
      subjects: [p.uuid, randomUUID()],
    });
    const [mine, other] = batch.body.statusList as Json[];
    expect(mine).toEqual({
      url: `${h.base}/apheleia/api/v1?userId=${p.uuid}`,
      subject: p.uuid,
      status: 'calendarItem',
      customStatus: 'Lunch',
      statusTime: new Date(clock.now()).toISOString(),
      lastActive: new Date(clock.now()).toISOString(),
      expiresTTL: 120,
      expiresTime: new Date(clock.now() + 120_000).toISOString(),
      suppressNotifications: false,
      category: 'unknown',
      vectorCounters: { sourceDC: 'urn:TEAM:emulator', counters: {} },
    });
    expect(other).toMatchObject({ status: 'unknown', expiresTTL: -1 });
    expect(other?.lastActive).toBeUndefined();
    const single = await h.call('GET', `/apheleia/api/v1/compositions?userId=${p.uuid}`);
    expect(single.body.status).toBe('calendarItem');
    const tooMany = Array.from({ length: 51 }, () => randomUUID());
    expect(
      (await h.call('POST', '/apheleia/api/v1/compositions', { subjects: tooMany })).status,
    ).toBe(400);
    expect((await h.call('GET', '/apheleia/api/v1/compositions')).status).toBe(400);
  });

  it('keeps an active person fresh', async () => {
    const p = await h.addPerson('Always Here', 'always.here@example.com');
    clock.advance(3_600_000);
    const res = await h.call('GET', `/apheleia/api/v1/compositions?userId=${p.uuid}`);
    expect(res.body).toMatchObject({
      status: 'active',
      lastActive: new Date(clock.now()).toISOString(),
      expiresTTL: -1,
    });
    expect(res.body.expiresTime).toBeUndefined();
  });

  it('sets status via events, rejects inactive, and fans out', async () => {
    const me = await h.call('GET', '/v1/people/me');
    const uuid = Buffer.from(me.body.id as string, 'base64url')
      .toString()
      .split('/')
      .pop() as string;
    const client = await MercuryClient.connect(device.webSocketUrl);
    await subscribe({ subjects: [uuid], subscriptionTtl: 600 });
    const ok = await h.call('POST', '/apheleia/api/v1/events', {
      subject: uuid,
      eventType: 'dnd',
      ttl: 600,
    });
    expect(ok.status).toBe(200);
    expect(((await client.nextEvent()).data as Json).status).toBe('dnd');
    const inactive = await h.call('POST', '/apheleia/api/v1/events', {
      subject: uuid,
      eventType: 'inactive',
    });
    expect(inactive.status).toBe(400);
    expect(
      (await h.call('POST', '/apheleia/api/v1/events', { subject: uuid, eventType: 'sleepy' }))
        .status,
    ).toBe(400);
    expect((await h.call('POST', '/apheleia/api/v1/events', { subject: uuid })).status).toBe(400);
    client.close();
  });

  it('reverts an expired status and pushes the change', async () => {
    const p = await h.addPerson('Time Out', 'time.out@example.com');
    const q = await h.addPerson('Long Gone', 'long.gone@example.com');
    const client = await MercuryClient.connect(device.webSocketUrl);
    await subscribe({ subjects: [p.uuid, q.uuid], subscriptionTtl: 600 });
    await h.control('PUT', `/_emu/presence/${p.uuid}`, {
      status: 'presenting',
      customStatus: 'Demo',
      ttl: 60,
    });
    await h.control('PUT', `/_emu/presence/${q.uuid}`, {
      status: 'ooo',
      ttl: 60,
      lastActive: clock.now() - 20 * 60_000,
    });
    await client.nextEvent();
    await client.nextEvent();
    clock.advance(60_000);
    const reverted = [await client.nextEvent(), await client.nextEvent()].map(
      (e) => e.data as Json,
    );
    expect(reverted.find((d) => d.subject === p.uuid)).toMatchObject({
      status: 'active',
      customStatus: '',
      expiresTTL: -1,
    });
    expect(reverted.find((d) => d.subject === q.uuid)).toMatchObject({
      status: 'inactive',
      customStatus: '',
    });
    client.close();
  });
});
