import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './helpers.js';
import { harness, TOKEN } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await harness({ tokens: [TOKEN, 'second-token'] });
});
afterAll(() => h.emu.close());

describe('auth, catalog, CORS and errors', () => {
  it('rejects missing and unknown tokens with the §1.3 body', async () => {
    for (const headers of [
      { authorization: '' },
      { authorization: 'Bearer nope' },
      { authorization: 'Basic abc' },
    ]) {
      const res = await h.call('GET', '/v1/people/me', undefined, headers);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({
        message: expect.any(String),
        errors: [{ description: expect.any(String) }],
        trackingId: expect.any(String),
      });
    }
    for (const path of [
      '/u2c/api/v1/catalog?format=hostmap',
      '/wdm/api/v1/devices',
      '/apheleia/api/v1/compositions?userId=x',
    ]) {
      expect((await h.control('GET', path)).status).toBe(401);
    }
  });

  it('accepts every configured token as the same signed-in user', async () => {
    const a = await h.call('GET', '/v1/people/me');
    const b = await h.call('GET', '/v1/people/me', undefined, {
      authorization: 'Bearer second-token',
    });
    expect(a.body).toMatchObject({
      displayName: 'Demo User',
      emails: ['demo.user@example.com'],
      type: 'person',
    });
    expect(b.body.id).toBe(a.body.id);
  });

  it('serves the hostmap catalog pointing at itself', async () => {
    const res = await h.call('GET', '/u2c/api/v1/catalog?format=hostmap');
    expect(res.body).toEqual({
      serviceLinks: {
        wdm: `${h.base}/wdm/api/v1`,
        apheleia: `${h.base}/apheleia/api/v1`,
        hydra: `${h.base}/v1`,
        metrics: `${h.base}/metrics/api/v1`,
      },
      hostCatalog: {},
    });
  });

  it('answers preflights and echoes extension and loopback origins only', async () => {
    const pre = await fetch(`${h.base}/apheleia/api/v1/subscriptions`, {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://abcdef', 'access-control-request-method': 'POST' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdef');
    expect(pre.headers.get('access-control-allow-headers')).toContain('cisco-device-url');
    expect(pre.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect(pre.headers.get('access-control-expose-headers')).toBe('etag,retry-after,trackingid');
    for (const origin of [
      'moz-extension://x-y',
      'http://127.0.0.1:5173',
      'http://localhost:3000',
    ]) {
      const res = await h.call('GET', '/v1/people/me', undefined, { origin });
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    }
    const evil = await h.call('GET', '/v1/people/me', undefined, {
      origin: 'https://evil.example',
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers unknown paths with 404, wrong methods with 405, bad JSON with 400', async () => {
    expect((await h.call('GET', '/nope')).status).toBe(404);
    expect((await h.call('PATCH', '/wdm/api/v1/devices')).status).toBe(405);
    const bad = await h.call('POST', '/apheleia/api/v1/compositions', '{"subjects": [');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/Malformed JSON/);
    const wrongType = await h.call('POST', '/apheleia/api/v1/compositions', { subjects: 'abc' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.message).toMatch(/subjects/);
    expect((await h.call('POST', '/apheleia/api/v1/compositions', '[1,2]')).status).toBe(400);
    expect((await h.call('GET', '/v1/people/me')).status).toBe(200); // still alive
  });

  it('survives hostile input', async () => {
    expect((await h.call('GET', '/v1/people/%E0%A4%A')).status).toBe(404);
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(h.emu.port, '127.0.0.1', () =>
        socket.write('GET http://[bad HTTP/1.1\r\nHost: x\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
      setTimeout(() => socket.destroy(), 300);
    });
    expect(raw).not.toContain(' 200 ');
    const big = await h.call(
      'POST',
      '/apheleia/api/v1/compositions',
      JSON.stringify({ subjects: ['x'], pad: 'y'.repeat(2_000_000) }),
    );
    expect(big.status).toBe(413);
    expect((await h.call('GET', '/v1/people/me')).status).toBe(200);
  });
});
