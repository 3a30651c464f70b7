// Sign-out's token revocation at the identity broker (/idb/oauth2/v1/revoke), as the SDK calls it.
import { describe, expect, it } from 'vitest';
import type { Harness } from './helpers.js';
import { fakeClock } from './helpers.js';
import { demoClient, signIn, token, useOAuthEmulator } from './oauth-support.js';

const clock = fakeClock();
let h: Harness;
useOAuthEmulator(clock, (made) => (h = made));

const basic = `Basic ${Buffer.from(`${demoClient.client_id}:${demoClient.client_secret}`).toString('base64')}`;

async function revoke(fields: Record<string, string>, authorization = basic) {
  const res = await fetch(`${h.base}/idb/oauth2/v1/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
    body: new URLSearchParams(fields).toString(),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}

const me = (accessToken: string) =>
  h.call('GET', '/v1/people/me', undefined, { authorization: `Bearer ${accessToken}` });
const revocations = async () =>
  ((await h.control('GET', '/_emu/stats')).body.oauth as { revocations: number }).revocations;

describe('token revocation', () => {
  it('revokes the access token and the refresh token of the client that asks', async () => {
    const tokens = await signIn(h);
    const access = String(tokens.access_token);
    const refresh = String(tokens.refresh_token);
    expect((await me(access)).status).toBe(200);

    expect(await revoke({ token: access, token_type_hint: 'access_token' })).toEqual({
      status: 200,
      body: {},
    });
    expect((await me(access)).status).toBe(401);
    expect((await revoke({ token: refresh, token_type_hint: 'refresh_token' })).status).toBe(200);
    const again = await token(h, {
      grant_type: 'refresh_token',
      ...demoClient,
      refresh_token: refresh,
    });
    expect(again.body.error).toBe('invalid_grant');
    expect(await revocations()).toBe(2);
  });

  it('answers 200 for an unknown token, and leaves it to nobody else', async () => {
    expect((await revoke({ token: 'nothing-of-ours' })).status).toBe(200);
    expect(await revocations()).toBe(0);
  });

  it('needs the client to authenticate, a token, and a known hint', async () => {
    const tokens = await signIn(h);
    const wrong = `Basic ${Buffer.from(`${demoClient.client_id}:wrong`).toString('base64')}`;
    const refused = await revoke({ token: String(tokens.access_token) }, wrong);
    expect(refused).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect((await me(String(tokens.access_token))).status).toBe(200);
    expect((await revoke({})).body.error).toBe('invalid_request');
    expect((await revoke({ token: 'x', token_type_hint: 'id_token' })).body.error).toBe(
      'unsupported_token_type',
    );
  });
});
