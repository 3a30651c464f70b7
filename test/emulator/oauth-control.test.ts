// The OAuth control knobs and the consent page's escaping.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './helpers.js';
import { harness } from './helpers.js';
import { authorize, authorizeQuery, pkce } from './oauth-support.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
beforeEach(async () => {
  await h.control('POST', '/_emu/reset');
});
afterAll(() => h.emu.close());

describe('the consent page', () => {
  it('escapes a hostile state and redirect_uri', async () => {
    const hostile = `"><script>alert(1)</script><img src=x onerror=alert(2)>'`;
    await h.control('POST', '/_emu/oauth/clients', {
      clientId: 'C-hostile',
      redirectUris: ['https://app.example/'],
    });
    const redirect = `https://app.example/cb?next=${hostile}`;
    const res = await authorize(
      h,
      authorizeQuery(pkce(), { client_id: 'C-hostile', redirect_uri: redirect, state: hostile }),
    );
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<script>');
    expect(res.text).not.toContain('<img');
    expect(res.text).not.toContain(`"><`);
    expect(res.text).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.text).toContain('&#39;');
  });
});

describe('POST /_emu/oauth/clients', () => {
  const register = (body: unknown) => h.control('POST', '/_emu/oauth/clients', body);

  it('validates the body, naming the known keys', async () => {
    const cases: [unknown, string][] = [
      [
        { clientId: 'C-x', redirectUris: ['https://a.example/'], scope: 'x' },
        'known: clientId, clientSecret, redirectUris',
      ],
      [{ redirectUris: ['https://a.example/'] }, '"clientId" is required'],
      [{ clientId: 'bad id', redirectUris: ['https://a.example/'] }, '"clientId" is required'],
      [{ clientId: 'C-x', redirectUris: [] }, '"redirectUris" must be'],
      [{ clientId: 'C-x' }, '"redirectUris" must be'],
      [
        { clientId: 'C-x', redirectUris: ['http://a.example/'] },
        'redirectUris[0] must be an https URL',
      ],
      [{ clientId: 'C-x', redirectUris: ['https://a.example/#f'] }, 'redirectUris[0]'],
      [{ clientId: 'C-x', redirectUris: ['https://u:p@a.example/'] }, 'redirectUris[0]'],
      [{ clientId: 'C-x', redirectUris: [7] }, 'redirectUris[0]'],
      [
        { clientId: 'C-x', clientSecret: '', redirectUris: ['https://a.example/'] },
        '"clientSecret"',
      ],
      [[], 'must be a JSON object'],
    ];
    for (const [body, message] of cases) {
      const res = await register(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.message as string, JSON.stringify(body)).toContain(message);
    }
    expect((await h.control('GET', '/_emu/oauth/clients')).body.clients).toHaveLength(1);
  });

  it('accepts an extension redirect, refuses a taken id, and forgets clients on reset', async () => {
    const client = {
      clientId: 'C-ext',
      clientSecret: 'shh',
      redirectUris: ['https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/'],
    };
    expect((await register(client)).status).toBe(201);
    expect((await register(client)).status).toBe(409);
    expect((await register({ ...client, clientId: 'C-presence-lens-demo' })).status).toBe(409);
    await h.control('POST', '/_emu/reset');
    expect((await h.control('GET', '/_emu/oauth/clients')).body.clients).toEqual([
      { clientId: 'C-presence-lens-demo', confidential: true, redirectUris: [] },
    ]);
  });
});

describe('the OAuth fault knobs', () => {
  it('validates oauthAutoApprove and accessTokenLifetime', async () => {
    for (const body of [
      { oauthAutoApprove: 'yes' },
      { accessTokenLifetime: 0 },
      { accessTokenLifetime: 1.5 },
      { accessTokenLifetime: '60' },
      { accessTokenLifetime: 365 * 86_400 + 1 },
    ]) {
      expect((await h.control('POST', '/_emu/faults', body)).status, JSON.stringify(body)).toBe(
        400,
      );
    }
    const unknown = await h.control('POST', '/_emu/faults', { oauthAutoApprov: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('oauthAutoApprove, accessTokenLifetime');
  });

  it('shows them in GET /_emu/faults and clears them with DELETE', async () => {
    const set = await h.control('POST', '/_emu/faults', {
      oauthAutoApprove: true,
      accessTokenLifetime: 1,
    });
    expect(set.body).toMatchObject({ oauthAutoApprove: true, accessTokenLifetime: 1 });
    expect((await h.control('DELETE', '/_emu/faults')).body).toMatchObject({
      oauthAutoApprove: false,
      accessTokenLifetime: 1209600,
    });
  });
});
