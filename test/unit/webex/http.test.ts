import { describe, expect, it } from 'vitest';
import { ok } from '../../../src/core/result';
import { createHttpClient, parseRetryAfter } from '../../../src/webex/http';
import { DEV_AUDIENCE, FakeFetch, failure } from './fakes';

const anything = (json: unknown) => ok(json);

function client(fake: FakeFetch, deviceUrl?: string) {
  return createHttpClient({
    fetch: fake.fetch,
    getToken: async () => 't1',
    audience: DEV_AUDIENCE,
    deviceUrl: () => deviceUrl,
  });
}

describe('createHttpClient', () => {
  it('sends Bearer auth, a tracking id, JSON and the device URL', async () => {
    const fake = new FakeFetch().on('POST', /\/x$/, { body: { fine: true } });
    const http = client(fake, 'https://wdm.wbx2.com/devices/1');
    const value = await http.request('POST', 'https://api.wbx2.com/x', {
      query: { a: 1, b: undefined },
      body: { hello: 'world' },
      parse: anything,
    });
    expect(value).toEqual({ fine: true });
    const [sent] = fake.requests;
    expect(sent?.url.search).toBe('?a=1');
    expect(sent?.headers['authorization']).toBe('Bearer t1');
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.headers['cisco-device-url']).toBe('https://wdm.wbx2.com/devices/1');
    expect(sent?.headers['trackingid']).toMatch(/^presence-lens_[0-9a-f-]{36}_1$/);
    expect(sent?.body).toEqual({ hello: 'world' });
  });

  it('leaves out cisco-device-url before a device exists', async () => {
    const fake = new FakeFetch().on('GET', /\/x$/, { body: {} });
    await client(fake).request('GET', 'https://api.wbx2.com/x', { parse: anything });
    expect(fake.requests[0]?.headers['cisco-device-url']).toBeUndefined();
  });

  it.each([
    [401, 'auth', 'The access token was rejected (401). Sign in again.'],
    [403, 'forbidden', 'refused'],
    [404, 'not-found', '404'],
    [400, 'bad-request', '400'],
    [409, 'bad-request', '409'],
    [500, 'server', '500'],
    [503, 'server', '503'],
  ])('maps %i to %s', async (status, kind, text) => {
    const fake = new FakeFetch().on('GET', /\/x$/, {
      status,
      body: { message: 'Nope', errors: [{ description: 'Nope' }], trackingId: 'ROUTER_1' },
    });
    const error = await failure(
      client(fake).request('GET', 'https://a.wbx2.com/x', { parse: anything }),
    );
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message).toContain(text);
    expect(error.serverMessage).toBe('Nope');
    expect(error.trackingId).toBe('ROUTER_1');
  });

  it('reads Retry-After on 429, defaulting to 60 s', async () => {
    const fake = new FakeFetch()
      .on('GET', /\/slow$/, { status: 429, headers: { 'Retry-After': '7' } })
      .on('GET', /\/silent$/, { status: 429 });
    const http = client(fake);
    const slow = await failure(http.request('GET', 'https://a.wbx2.com/slow', { parse: anything }));
    expect(slow).toMatchObject({ kind: 'rate-limited', retryAfterMs: 7000, status: 429 });
    const silent = await failure(
      http.request('GET', 'https://a.wbx2.com/silent', { parse: anything }),
    );
    expect(silent.retryAfterMs).toBe(60_000);
  });

  it('reports network failures, bad JSON and invalid bodies', async () => {
    const fake = new FakeFetch()
      .on('GET', /\/garbled$/, { raw: '{nope' })
      .on('GET', /\/shape$/, { body: { items: 3 } });
    const http = client(fake);
    const down = createHttpClient({
      fetch: () => Promise.reject(new TypeError('fetch failed')),
      getToken: () => 't',
      audience: DEV_AUDIENCE,
    });
    const network = await failure(down.request('GET', 'https://a.wbx2.com/x', { parse: anything }));
    expect(network.kind).toBe('network');
    expect(network.message).toContain('fetch failed');
    const garbled = await failure(
      http.request('GET', 'https://a.wbx2.com/garbled', { parse: anything }),
    );
    expect(garbled).toMatchObject({ kind: 'bad-payload' });
    expect(garbled.message).toContain('not JSON');
    const shape = await failure(
      http.request('GET', 'https://a.wbx2.com/shape', {
        parse: () => ({ ok: false, error: 'items is not a list' }),
      }),
    );
    expect(shape.kind).toBe('bad-payload');
    expect(shape.message).toContain('items is not a list');
  });

  it('turns a failing token source into an auth error', async () => {
    const http = createHttpClient({
      fetch: new FakeFetch().fetch,
      getToken: () => Promise.reject(new Error('no token')),
      audience: DEV_AUDIENCE,
    });
    const error = await failure(http.request('GET', 'https://a.wbx2.com/x', { parse: anything }));
    expect(error.kind).toBe('auth');
  });

  it('gives status and headers through send()', async () => {
    const fake = new FakeFetch().on('GET', /\/x$/, { status: 304, headers: { etag: 'E' } });
    const reply = await client(fake).send('GET', 'https://a.wbx2.com/x', { parse: anything });
    expect(reply.status).toBe(304);
    expect(reply.value).toBeUndefined();
    expect(reply.headers.get('ETag')).toBe('E');
  });
});

describe('parseRetryAfter', () => {
  it('handles seconds, dates, nonsense and caps at an hour', () => {
    const now = Date.parse('2024-05-01T12:00:00Z');
    expect(parseRetryAfter('12', now)).toBe(12_000);
    expect(parseRetryAfter('Wed, 01 May 2024 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('0', now)).toBe(60_000);
    expect(parseRetryAfter(null, now)).toBe(60_000);
    expect(parseRetryAfter('99999', now)).toBe(3_600_000);
  });
});
