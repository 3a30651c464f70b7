import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Harness, Json } from './helpers.js';
import { harness, TOKEN } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
beforeEach(async () => {
  await h.control('POST', '/_emu/reset');
});
afterAll(() => h.emu.close());

interface Raw {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** node:http, because fetch will not send a chosen Host header. */
function raw(path: string, opts: Raw = {}): Promise<{ status: number; body: Json }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: h.emu.port,
        path,
        method: opts.method ?? 'GET',
        headers: { host: `127.0.0.1:${h.emu.port}`, ...opts.headers },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : {}) as Json }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const json = { 'content-type': 'application/json' };
const newPerson = JSON.stringify({ displayName: 'Mallory', emails: ['mallory@example.com'] });
const people = async () =>
  ((await h.control('GET', '/_emu/people')).body.people as Json[]).map((p) => p.displayName);

describe('the control API guard', () => {
  it('answers loopback Host headers on its own port only', async () => {
    const port = h.emu.port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await raw('/_emu/stats', { headers: { host } })).status, host).toBe(200);
    }
    for (const host of [
      `evil.example:${port}`,
      `127.0.0.1.evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      `user@127.0.0.1:${port}`,
    ]) {
      const res = await raw('/_emu/stats', { headers: { host } });
      expect(res.status, host).toBe(403);
      expect(res.body.message, host).toMatch(/Host/);
      expect(res.body.errors).toEqual([{ description: res.body.message }]);
    }
  });

  it('refuses a DNS-rebinding page before it changes anything, on any /_emu path', async () => {
    const res = await raw('/_emu/people', {
      method: 'POST',
      headers: { host: `rebind.example:${h.emu.port}`, ...json },
      body: newPerson,
    });
    expect(res.status).toBe(403);
    expect(await people()).toEqual(['Demo User']);
    const unknownPath = await raw('/_emu/nope', { headers: { host: 'rebind.example' } });
    expect(unknownPath.status).toBe(403);
  });

  it('refuses foreign origins and accepts its own', async () => {
    const port = h.emu.port;
    for (const origin of [
      'https://evil.example',
      'null',
      'chrome-extension://abcdef',
      `http://127.0.0.1:${port + 1}`,
      `https://127.0.0.1:${port}`,
    ]) {
      const res = await raw('/_emu/people', {
        method: 'POST',
        headers: { origin, ...json },
        body: newPerson,
      });
      expect(res.status, origin).toBe(403);
      expect(res.body.message, origin).toMatch(/origin/i);
    }
    expect(await people()).toEqual(['Demo User']);
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      expect((await raw('/_emu/stats', { headers: { origin } })).status, origin).toBe(200);
    }
  });

  it('takes bodies as application/json only: a form post gets 415', async () => {
    for (const type of [
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await raw('/_emu/people', {
        method: 'POST',
        headers: { 'content-type': type },
        body: newPerson,
      });
      expect(res.status, type).toBe(415);
      expect(res.body.message).toMatch(/Content-Type: application\/json/);
    }
    const bare = await raw('/_emu/reset', { method: 'POST' });
    expect(bare.status).toBe(415);
    const put = await raw('/_emu/presence/x', {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: '{"status":"dnd"}',
    });
    expect(put.status).toBe(415);
    expect(await people()).toEqual(['Demo User']);
    const ok = await raw('/_emu/people', {
      method: 'POST',
      headers: { 'content-type': 'Application/JSON; charset=utf-8' },
      body: newPerson,
    });
    expect(ok.status).toBe(201);
    expect((await raw('/_emu/faults', { method: 'DELETE' })).status).toBe(200);
  });

  it('leaves the emulated Webex services alone', async () => {
    const res = await raw('/v1/people/me', {
      headers: {
        host: `webexapis.example:${h.emu.port}`,
        origin: 'chrome-extension://abcdef',
        authorization: `Bearer ${TOKEN}`,
      },
    });
    expect(res.status).toBe(200);
  });
});
