import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Harness, Json } from './helpers.js';
import { harness, MercuryClient, sleep, TOKEN } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
beforeEach(async () => {
  await h.control('POST', '/_emu/reset');
});
afterAll(() => h.emu.close());

describe('fault knobs', () => {
  it('injects HTTP errors with Retry-After, a limited number of times', async () => {
    const set = await h.control('POST', '/_emu/faults', {
      http: [
        { method: 'GET', path: '/v1/people/:id', status: 429, retryAfter: 7, times: 2 },
        { method: 'POST', path: '/apheleia/api/v1/subscriptions', status: 423, retryAfter: 3 },
      ],
    });
    expect(set.status).toBe(200);
    const me = await h.call('GET', '/v1/people/me');
    const path = `/v1/people/${me.body.id as string}`;
    for (let i = 0; i < 2; i++) {
      const res = await h.call('GET', path, undefined, { origin: 'chrome-extension://abc' });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(res.headers.get('access-control-allow-origin')).toBe('chrome-extension://abc');
      expect(res.body.errors).toHaveLength(1);
    }
    expect((await h.call('GET', path)).status).toBe(200);
    const locked = await h.call('POST', '/apheleia/api/v1/subscriptions', {});
    expect(locked.status).toBe(423);
    expect((await h.control('GET', '/_emu/stats')).body.requests).toMatchObject({
      'GET /v1/people/:id': 3,
    });
    await h.control('DELETE', '/_emu/faults');
    expect((await h.call('POST', '/apheleia/api/v1/subscriptions', {})).status).toBe(400);
  });

  it('validates fault bodies', async () => {
    for (const body of [
      { pong: 'maybe' },
      { http: [{ status: 200 }] },
      { http: {} },
      { subjectCodes: { x: { code: 401 } } },
      { revokeTokens: 'a' },
      { bogus: 1 },
    ]) {
      const res = await h.control('POST', '/_emu/faults', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('drops or mismatches pongs', async () => {
    const device = await h.registerDevice();
    const client = await MercuryClient.connect(device.webSocketUrl);
    await h.control('POST', '/_emu/faults', { pong: 'mismatch' });
    client.send({ id: 'p1', type: 'ping' });
    const pong = await client.next((m) => m.type === 'pong');
    expect(pong.id).not.toBe('p1');
    await h.control('POST', '/_emu/faults', { pong: 'drop' });
    client.send({ id: 'p2', type: 'ping' });
    await sleep(150);
    expect(client.messages).toEqual([]);
    await h.control('DELETE', '/_emu/faults');
    client.send({ id: 'p3', type: 'ping' });
    expect((await client.next((m) => m.type === 'pong')).id).toBe('p3');
    client.close();
  });

  it('answers per-subject 401/403/409 codes', async () => {
    const device = await h.registerDevice();
    const [a, b, c, d] = await Promise.all(
      ['a', 'b', 'c', 'd'].map((n) => h.addPerson(n.toUpperCase(), `${n}@example.com`)),
    );
    await h.control('POST', '/_emu/faults', {
      subjectCodes: {
        [a!.uuid]: { code: 401 },
        [b!.id]: { code: 403 },
        [c!.uuid]: { code: 409, retry: 12 },
      },
    });
    const res = await h.call(
      'POST',
      '/apheleia/api/v1/subscriptions',
      { subjects: [a!.uuid, b!.uuid, c!.uuid, d!.uuid], subscriptionTtl: 600 },
      { 'cisco-device-url': device.url },
    );
    const codes = (res.body.responses as Json[]).map((r) => [r.responseCode, r.retry]);
    expect(codes).toEqual([
      [401, undefined],
      [403, undefined],
      [409, 12],
      [200, undefined],
    ]);
    const subs = (await h.control('GET', '/_emu/stats')).body.subscriptions as Json[];
    expect(subs.map((s) => s.subject)).toEqual([d!.uuid]);
  });

  it('revokes tokens for REST and Mercury', async () => {
    const device = await h.registerDevice();
    await h.control('POST', '/_emu/faults', { revokeTokens: [TOKEN] });
    expect((await h.call('GET', '/v1/people/me')).status).toBe(401);
    const client = await MercuryClient.open(device.webSocketUrl);
    client.send({ id: 'a', type: 'authorization', data: { token: `Bearer ${TOKEN}` } });
    expect((await client.closed).code).toBe(4401);
    await h.control('DELETE', '/_emu/faults');
    expect((await h.call('GET', '/v1/people/me')).status).toBe(200);
  });

  it('closes sockets with a chosen code, including 1006 and 4000', async () => {
    const device = await h.registerDevice();
    for (const code of [4000, 1006, 1011]) {
      const client = await MercuryClient.connect(device.webSocketUrl);
      const res = await h.control('POST', '/_emu/sockets/close', { code, reason: 'test' });
      expect(res.body.closed).toBe(1);
      expect((await client.closed).code).toBe(code);
    }
    expect((await h.control('POST', '/_emu/sockets/close', { code: 999 })).status).toBe(400);
  });

  it('sends shutdown then closes with 4001', async () => {
    const device = await h.registerDevice();
    const client = await MercuryClient.connect(device.webSocketUrl);
    await h.control('POST', '/_emu/sockets/shutdown', { afterMs: 50 });
    expect(await client.next((m) => m.type === 'shutdown')).toEqual({ type: 'shutdown' });
    expect((await client.closed).code).toBe(4001);
  });

  it('skips a sequence number once', async () => {
    const device = await h.registerDevice();
    const p = await h.addPerson('Seq Uence', 'seq@example.com');
    const client = await MercuryClient.connect(device.webSocketUrl);
    await h.call(
      'POST',
      '/apheleia/api/v1/subscriptions',
      { subjects: [p.uuid], subscriptionTtl: 600 },
      { 'cisco-device-url': device.url },
    );
    const seqs: number[] = [];
    for (const [i, status] of ['call', 'meeting', 'active'].entries()) {
      if (i === 1) await h.control('POST', '/_emu/sequence/skip');
      await h.control('PUT', `/_emu/presence/${p.uuid}`, { status });
      seqs.push((await client.nextEvent()).sequenceNumber as number);
    }
    expect(seqs).toEqual([1, 3, 4]);
    client.close();
  });
});
