import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, Json } from './helpers.js';
import { harness, MercuryClient, TOKEN } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await harness({ authTimeoutMs: 150 });
});
afterAll(() => h.emu.close());

describe('Mercury websocket', () => {
  it('authorizes in-band and replies with mercury.buffer_state', async () => {
    const device = await h.registerDevice();
    const client = await MercuryClient.open(device.webSocketUrl);
    client.send({
      id: 'a1',
      type: 'authorization',
      data: { token: `Bearer ${TOKEN}` },
      trackingId: 't_1',
    });
    const first = await client.next();
    expect(first).toMatchObject({
      id: expect.any(String),
      data: { eventType: 'mercury.buffer_state' },
      timestamp: expect.any(Number),
    });
    expect(first.type).toBeUndefined();
    client.close();
  });

  it('authorizes with an Authorization header on the upgrade', async () => {
    const device = await h.registerDevice();
    const client = await MercuryClient.open(device.webSocketUrl, {
      authorization: `Bearer ${TOKEN}`,
    });
    expect(((await client.next()).data as Json).eventType).toBe('mercury.buffer_state');
    client.close();
  });

  it('closes 4401 on a bad token and 1008 when nobody authenticates', async () => {
    const device = await h.registerDevice();
    const bad = await MercuryClient.open(device.webSocketUrl);
    bad.send({ id: 'a', type: 'authorization', data: { token: 'Bearer wrong' } });
    expect((await bad.closed).code).toBe(4401);
    const badHeader = await MercuryClient.open(device.webSocketUrl, {
      authorization: 'Bearer wrong',
    });
    expect((await badHeader.closed).code).toBe(4401);
    const silent = await MercuryClient.open(device.webSocketUrl);
    expect(await silent.closed).toEqual({
      code: 1008,
      reason: 'authentication did not happen within the timeout window of 30000 seconds.',
    });
  });

  it('refuses the upgrade for an unknown device', async () => {
    const ws = new WebSocket(
      `ws://127.0.0.1:${h.emu.port}/v1/apps/wx2/registrations/nope/messages`,
    );
    const status = await new Promise<number | undefined>((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode));
      ws.on('error', () => resolve(undefined));
    });
    expect(status).toBe(404);
  });

  it('answers pings with the same id and records acks', async () => {
    const device = await h.registerDevice();
    const client = await MercuryClient.connect(device.webSocketUrl);
    client.send({ id: 'ping-7', type: 'ping' });
    expect(await client.next((m) => m.type === 'pong')).toEqual({
      type: 'pong',
      id: 'ping-7',
      sequenceNumber: 1,
    });
    client.ws.send(Buffer.from(JSON.stringify({ id: 'binary-ping', type: 'ping' })), {
      binary: true,
    });
    expect((await client.next((m) => m.type === 'pong')).id).toBe('binary-ping');
    client.send({ type: 'ack', messageId: 'env-1' });
    client.send('not json at all');
    client.send({ type: 'ack', messageId: 'env-2' });
    client.send({ id: 'ping-8', type: 'ping' });
    await client.next((m) => m.type === 'pong');
    const stats = await h.control('GET', '/_emu/stats');
    const mine = (stats.body.sockets as Json[]).find((s) => s.deviceUrl === device.url);
    expect(mine).toMatchObject({
      authorized: true,
      acks: ['env-1', 'env-2'],
      connectedAt: expect.any(String),
    });
    client.close();
  });

  it('pushes subscription updates with increasing sequence numbers', async () => {
    const device = await h.registerDevice();
    const person = await h.addPerson('Push Target', 'push.target@example.com');
    const client = await MercuryClient.connect(device.webSocketUrl);
    const sub = await h.call(
      'POST',
      '/apheleia/api/v1/subscriptions',
      { subjects: [person.uuid], subscriptionTtl: 600, includeStatus: true },
      { 'cisco-device-url': device.url },
    );
    expect(sub.status).toBe(200);
    await h.control('PUT', `/_emu/presence/${person.id}`, {
      status: 'DND',
      customStatus: 'Focus',
      ttl: 900,
    });
    const first = await client.nextEvent();
    expect(first).toMatchObject({
      id: expect.any(String),
      timestamp: expect.any(Number),
      wsWriteTimestamp: expect.any(Number),
      trackingId: expect.any(String),
      alertType: 'none',
      filterMessage: false,
      data: {
        eventType: 'apheleia.subscription_update',
        subject: person.uuid,
        status: 'dnd',
        customStatus: 'Focus',
        expiresTTL: 900,
        suppressNotifications: true,
      },
    });
    await h.control('PUT', `/_emu/presence/${person.uuid}`, { status: 'meeting' });
    const second = await client.nextEvent();
    expect((second.data as Json).status).toBe('meeting');
    expect(second.sequenceNumber).toBe((first.sequenceNumber as number) + 1);
    client.close();
  });

  it('does not push to unauthorized sockets or unsubscribed devices', async () => {
    const device = await h.registerDevice();
    const other = await h.registerDevice();
    const person = await h.addPerson('Quiet One', 'quiet.one@example.com');
    await h.call(
      'POST',
      '/apheleia/api/v1/subscriptions',
      { subjects: [person.uuid], subscriptionTtl: 600 },
      { 'cisco-device-url': device.url },
    );
    const unauth = await MercuryClient.open(device.webSocketUrl);
    const elsewhere = await MercuryClient.connect(other.webSocketUrl);
    const subscribed = await MercuryClient.connect(device.webSocketUrl);
    await h.control('PUT', `/_emu/presence/${person.uuid}`, { status: 'call' });
    await subscribed.nextEvent();
    expect(unauth.messages).toEqual([]);
    expect(elsewhere.messages).toEqual([]);
    for (const c of [unauth, elsewhere, subscribed]) c.close();
  });
});
