import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, Json } from './helpers.js';
import { harness, MercuryClient } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.emu.close());

describe('control API', () => {
  it('creates people and validates input', async () => {
    const res = await h.control('POST', '/_emu/people', {
      displayName: 'New Person',
      emails: ['new.person@example.com'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      uuid: expect.any(String),
      displayName: 'New Person',
      emails: ['new.person@example.com'],
      type: 'person',
    });
    expect(Buffer.from(res.body.id as string, 'base64url').toString()).toBe(
      `ciscospark://us/PEOPLE/${res.body.uuid as string}`,
    );
    const bad: unknown[] = [
      {},
      { displayName: '', emails: ['x@example.com'] },
      { displayName: 'X', emails: [] },
      { displayName: 'X', emails: ['not-an-email'] },
      { displayName: 'X', emails: 'x@example.com' },
      { displayName: 'X', emails: ['x@example.com'], type: 'robot' },
      'not json',
    ];
    for (const body of bad) {
      const r = await h.control('POST', '/_emu/people', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.message).toEqual(expect.any(String));
    }
    const dup = await h.control('POST', '/_emu/people', {
      displayName: 'Other',
      emails: ['NEW.PERSON@example.com'],
    });
    expect(dup.status).toBe(409);
    const list = await h.control('GET', '/_emu/people');
    expect((list.body.people as Json[]).map((p) => p.displayName)).toEqual([
      'Demo User',
      'New Person',
    ]);
    expect((list.body.people as Json[])[1]).toMatchObject({ status: 'active', type: 'person' });
  });

  it('marks the signed-in user in the people list', async () => {
    const other = await h.addPerson('Not Me', 'not.me@example.com');
    const people = (await h.control('GET', '/_emu/people')).body.people as Json[];
    const signedIn = people.filter((p) => p.signedIn === true);
    expect(signedIn.map((p) => p.emails)).toEqual([['demo.user@example.com']]);
    expect(people.find((p) => p.uuid === other.uuid)?.signedIn).toBe(false);
    expect(people.filter((p) => p.signedIn !== true).every((p) => p.signedIn === false)).toBe(true);
  });

  it('sets presence by uuid or id, case-insensitively, and validates', async () => {
    const p = await h.addPerson('Pres Ence', 'pres.ence@example.com');
    const res = await h.control('PUT', `/_emu/presence/${p.id}`, {
      status: 'CALENDARITEM',
      customStatus: 'Lunch',
      ttl: 60,
      lastActive: '2025-01-01T10:00:00Z',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      subject: p.uuid,
      status: 'calendarItem',
      customStatus: 'Lunch',
      expiresTTL: 60,
      lastActive: '2025-01-01T10:00:00.000Z',
    });
    const epoch = await h.control('PUT', `/_emu/presence/${p.uuid}`, {
      status: 'inactive',
      lastActive: Date.parse('2025-01-02T00:00:00Z'),
    });
    expect(epoch.body.lastActive).toBe('2025-01-02T00:00:00.000Z');
    expect((await h.control('PUT', '/_emu/presence/nobody', { status: 'active' })).status).toBe(
      404,
    );
    for (const body of [
      {},
      { status: 'sleepy' },
      { status: 'dnd', ttl: -1 },
      { status: 'dnd', ttl: '5' },
      { status: 'dnd', customStatus: 3 },
      { status: 'dnd', lastActive: 'yesterday' },
    ]) {
      expect(
        (await h.control('PUT', `/_emu/presence/${p.uuid}`, body)).status,
        JSON.stringify(body),
      ).toBe(400);
    }
  });

  it('counts requests by route pattern', async () => {
    const device = await h.registerDevice();
    await h.call('PUT', device.url, {});
    await h.call('GET', '/v1/people/me');
    const p = await h.addPerson('Count Me', 'count.me@example.com');
    await h.call('GET', `/v1/people/${p.id}`);
    const stats = (await h.control('GET', '/_emu/stats')).body;
    expect(stats.requests).toMatchObject({
      'POST /wdm/api/v1/devices': 1,
      'PUT /wdm/api/v1/devices/:id': 1,
      'GET /v1/people/me': 1,
      'GET /v1/people/:id': 1,
    });
    expect(Object.keys(stats.requests as Json).some((k) => k.includes('/_emu/'))).toBe(false);
  });

  it('resets everything but the signed-in user and closes sockets with 1001', async () => {
    const device = await h.registerDevice();
    const client = await MercuryClient.connect(device.webSocketUrl);
    await h.control('POST', '/_emu/faults', { pong: 'drop' });
    expect((await h.control('POST', '/_emu/reset', { demo: 'yes' })).status).toBe(400);
    expect((await h.control('POST', '/_emu/reset')).status).toBe(200);
    expect((await client.closed).code).toBe(1001);
    const people = (await h.control('GET', '/_emu/people')).body.people as Json[];
    expect(people.map((p) => p.displayName)).toEqual(['Demo User']);
    const stats = (await h.control('GET', '/_emu/stats')).body;
    expect(stats).toMatchObject({ requests: {}, subscriptions: [], subscriptionCalls: [] });
    expect((await h.call('PUT', device.url, {})).status).toBe(404);
    expect((await h.control('GET', '/_emu/faults')).body.pong).toBe('ok');
  });
});
