// Every OAuth error the emulator answers: on /v1/authorize, the consent form and the token endpoint.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './helpers.js';
import { fakeClock } from './helpers.js';
import type { Pkce } from './oauth-support.js';
import {
  authorize,
  authorizeQuery,
  codeByConsent,
  decide,
  demoClient,
  pkce,
  REDIRECT,
  signIn,
  token,
  useOAuthEmulator,
} from './oauth-support.js';

const clock = fakeClock();
let h: Harness;
useOAuthEmulator(clock, (made) => (h = made));

const failures = async () =>
  ((await h.control('GET', '/_emu/stats')).body.oauth as { failures: number }).failures;

describe('/v1/authorize errors', () => {
  it('answers a page, never a redirect, for a bad client or redirect_uri', async () => {
    const p = pkce();
    for (const overrides of [
      { client_id: undefined },
      { client_id: 'C-unknown' },
      { redirect_uri: undefined },
      { redirect_uri: 'https://evil.example/cb' },
      { redirect_uri: 'https://x.chromiumapp.org.evil.example/' },
      { redirect_uri: 'http://localhost:9/cb' },
      { redirect_uri: `${REDIRECT}#frag` },
    ]) {
      const res = await authorize(h, authorizeQuery(p, overrides));
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect(res.location, JSON.stringify(overrides)).toBeUndefined();
    }
    expect(await failures()).toBe(7);
  });

  it('redirects other errors to the client with the state', async () => {
    const p = pkce();
    const cases: [Record<string, string | undefined>, string][] = [
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ response_type: undefined }, 'unsupported_response_type'],
      [{ scope: 'spark:all spark:bogus' }, 'invalid_scope'],
      [{ scope: 'spark:rooms_read' }, 'invalid_scope'],
      [{ scope: undefined }, 'invalid_request'],
      [{ code_challenge: undefined }, 'invalid_request'],
      [{ code_challenge_method: 'plain' }, 'invalid_request'],
      [{ code_challenge_method: undefined }, 'invalid_request'],
      [{ code_challenge: 'short' }, 'invalid_request'],
    ];
    for (const [overrides, error] of cases) {
      const res = await authorize(h, authorizeQuery(p, overrides));
      const what = JSON.stringify(overrides);
      expect(res.status, what).toBe(302);
      expect(res.location?.searchParams.get('error'), what).toBe(error);
      expect(res.location?.searchParams.get('state'), what).toBe('st-123');
      expect(res.location?.searchParams.has('code'), what).toBe(false);
    }
    expect((await authorize(h, authorizeQuery(p, { scope: 'spark:people_read' }))).status).toBe(
      200,
    );
  });

  it('refuses a consent form with a bad decision or an unknown token', async () => {
    expect((await decide(h, 'nope', 'approve')).status).toBe(400);
    expect((await decide(h, 'nope', 'maybe')).status).toBe(400);
  });

  it('expires consent forms after 10 minutes', async () => {
    const page = await authorize(h, authorizeQuery(pkce()));
    const consent = /name="consent" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    clock.advance(600_000);
    expect((await decide(h, consent, 'approve')).status).toBe(400);
  });
});

describe('/v1/access_token errors', () => {
  let p: Pkce;
  let code: string;
  beforeEach(async () => {
    p = pkce();
    code = await codeByConsent(h, p);
  });
  const exchange = (fields: Record<string, string | undefined> = {}) => {
    const all: Record<string, string | undefined> = {
      grant_type: 'authorization_code',
      ...demoClient,
      code,
      redirect_uri: REDIRECT,
      code_verifier: p.verifier,
      ...fields,
    };
    const sent: Record<string, string> = {};
    for (const [k, v] of Object.entries(all)) if (v !== undefined) sent[k] = v;
    return token(h, sent);
  };
  const expectError = async (
    res: Awaited<ReturnType<typeof exchange>>,
    status: number,
    error: string,
  ) => {
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(error);
    expect(typeof res.body.error_description).toBe('string');
    expect(Object.keys(res.body).sort()).toEqual(['error', 'error_description']);
  };

  it('invalid_client (401) for an unknown client or a wrong or missing secret', async () => {
    await expectError(await exchange({ client_id: 'C-unknown' }), 401, 'invalid_client');
    await expectError(await exchange({ client_secret: 'wrong' }), 401, 'invalid_client');
    await expectError(await exchange({ client_secret: undefined }), 401, 'invalid_client');
    const basic = Buffer.from('C-presence-lens-demo:wrong').toString('base64');
    const res = await token(
      h,
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: p.verifier },
      { headers: { authorization: `Basic ${basic}` } },
    );
    await expectError(res, 401, 'invalid_client');
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
  });

  it('invalid_grant (400) for a verifier that does not match, and the code is burnt', async () => {
    await expectError(await exchange({ code_verifier: pkce().verifier }), 400, 'invalid_grant');
    await expectError(await exchange(), 400, 'invalid_grant');
  });

  it('invalid_grant for a malformed verifier', async () => {
    await expectError(await exchange({ code_verifier: 'too-short' }), 400, 'invalid_grant');
  });

  it('invalid_grant for a redirect_uri other than the one authorized', async () => {
    await expectError(await exchange({ redirect_uri: `${REDIRECT}/other` }), 400, 'invalid_grant');
  });

  it('invalid_grant for an unknown code', async () => {
    await expectError(await exchange({ code: 'not-a-code' }), 400, 'invalid_grant');
  });

  it('invalid_grant for a code older than 60 s', async () => {
    clock.advance(60_000);
    await expectError(await exchange(), 400, 'invalid_grant');
  });

  it('invalid_grant for a used code, and revokes what it bought', async () => {
    const first = await exchange();
    expect(first.status).toBe(200);
    const access = first.body.access_token as string;
    const auth = { authorization: `Bearer ${access}` };
    expect((await h.call('GET', '/v1/people/me', undefined, auth)).status).toBe(200);
    await expectError(await exchange(), 400, 'invalid_grant');
    expect((await h.call('GET', '/v1/people/me', undefined, auth)).status).toBe(401);
  });

  it('invalid_request (400) naming missing parameters', async () => {
    const res = await exchange({ code: undefined, code_verifier: undefined });
    await expectError(res, 400, 'invalid_request');
    expect(res.body.error_description).toBe('Missing parameter(s): code, code_verifier');
    await expectError(await exchange({ grant_type: undefined }), 400, 'invalid_request');
    await expectError(await exchange({ client_id: undefined }), 400, 'invalid_request');
    const other = await fetch(`${h.base}/v1/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'grant_type=authorization_code',
    });
    expect(other.status).toBe(400);
    expect(((await other.json()) as { error: string }).error).toBe('invalid_request');
    const twice = await fetch(`${h.base}/v1/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=authorization_code&grant_type=refresh_token',
    });
    expect(twice.status).toBe(400);
  });

  it('unsupported_grant_type (400)', async () => {
    await expectError(await exchange({ grant_type: 'password' }), 400, 'unsupported_grant_type');
    await expectError(
      await exchange({ grant_type: 'client_credentials' }),
      400,
      'unsupported_grant_type',
    );
  });

  it('refresh errors: unknown token, another client, a scope not granted', async () => {
    const tokens = await signIn(h);
    const refresh = { grant_type: 'refresh_token', ...demoClient };
    await expectError(
      await token(h, { ...refresh, refresh_token: 'unknown' }),
      400,
      'invalid_grant',
    );
    await expectError(await token(h, refresh), 400, 'invalid_request');
    await h.control('POST', '/_emu/oauth/clients', {
      clientId: 'C-other',
      clientSecret: 's',
      redirectUris: ['https://other.example/'],
    });
    await expectError(
      await token(h, {
        grant_type: 'refresh_token',
        client_id: 'C-other',
        client_secret: 's',
        refresh_token: tokens.refresh_token as string,
      }),
      400,
      'invalid_grant',
    );
    await expectError(
      await token(h, {
        ...refresh,
        refresh_token: tokens.refresh_token as string,
        scope: 'spark:all spark:kms',
      }),
      400,
      'invalid_scope',
    );
  });

  it('counts every token error as a failure', async () => {
    const before = await failures();
    await exchange({ grant_type: 'password' });
    await exchange({ client_secret: 'wrong' });
    expect(await failures()).toBe(before + 2);
  });
});
