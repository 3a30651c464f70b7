// Webex OAuth 2 end to end over HTTP: consent page, code, PKCE, tokens, refresh, expiry.
import { describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID } from '../../emulator/oauth-clients.js';
import type { Harness } from './helpers.js';
import { fakeClock, MercuryClient } from './helpers.js';
import {
  authorize,
  authorizeQuery,
  codeByConsent,
  consentToken,
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

const me = (accessToken: string) =>
  h.call('GET', '/v1/people/me', undefined, { authorization: `Bearer ${accessToken}` });

describe('Webex OAuth: authorization code with PKCE', () => {
  it('shows a consent page, then Approve redirects with a one-time code and the state', async () => {
    const p = pkce();
    const page = await authorize(h, authorizeQuery(p));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.text).toContain('action="/v1/authorize/decision"');
    expect(page.text).toContain('value="approve"');
    expect(page.text).toContain('value="deny"');
    const consent = consentToken(page.text);
    const done = await decide(h, consent, 'approve');
    expect(done.status).toBe(302);
    expect(done.location?.origin + (done.location?.pathname ?? '')).toBe(REDIRECT);
    expect(done.location?.searchParams.get('state')).toBe('st-123');
    expect(done.location?.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The form token is single-use.
    const again = await decide(h, consent, 'approve');
    expect(again.status).toBe(400);
    expect(again.location).toBeUndefined();
  });

  it('exchanges the code for Webex-shaped tokens that work on REST and on Mercury', async () => {
    const body = await signIn(h);
    expect(Object.keys(body).sort()).toEqual([
      'access_token',
      'expires_in',
      'refresh_token',
      'refresh_token_expires_in',
      'scope',
      'token_type',
    ]);
    expect(body).toMatchObject({
      expires_in: 1209600,
      refresh_token_expires_in: 7776000,
      token_type: 'Bearer',
      scope: 'spark:all',
    });
    const access = body.access_token as string;
    const orgUuid = access.split('_').pop();
    expect(access).toMatch(/^[0-9a-f]{64}_P0A1_[0-9a-f-]{36}$/);
    const who = await me(access);
    expect(who.status).toBe(200);
    expect(who.body.displayName).toBe('Demo User');
    expect(Buffer.from(who.body.orgId as string, 'base64url').toString()).toContain(orgUuid);
    const device = await h.registerDevice();
    const socket = await MercuryClient.connect(device.webSocketUrl, access);
    socket.close();
  });

  it('accepts a JSON token request and answers no-store', async () => {
    const p = pkce();
    const code = await codeByConsent(h, p);
    const res = await token(
      h,
      {
        grant_type: 'authorization_code',
        ...demoClient,
        code,
        redirect_uri: REDIRECT,
        code_verifier: p.verifier,
      },
      { asJson: true },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('accepts client credentials in a Basic header', async () => {
    const p = pkce();
    const code = await codeByConsent(h, p);
    const basic = Buffer.from(`${demoClient.client_id}:${demoClient.client_secret}`).toString(
      'base64',
    );
    const res = await token(
      h,
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: p.verifier },
      { headers: { authorization: `Basic ${basic}` } },
    );
    expect(res.status).toBe(200);
  });

  it('Deny redirects with access_denied and the state, and issues nothing', async () => {
    const page = await authorize(h, authorizeQuery(pkce()));
    const done = await decide(h, consentToken(page.text), 'deny');
    expect(done.status).toBe(302);
    expect(done.location?.searchParams.get('error')).toBe('access_denied');
    expect(done.location?.searchParams.get('state')).toBe('st-123');
    expect(done.location?.searchParams.has('code')).toBe(false);
    const stats = await h.control('GET', '/_emu/stats');
    expect(stats.body.oauth).toEqual({
      authorizations: 1,
      codesIssued: 0,
      tokensIssued: 0,
      refreshes: 0,
      revocations: 0,
      failures: 1,
    });
  });

  it('auto-approves when the knob is on: a code at once, no page', async () => {
    expect(
      (await h.control('POST', '/_emu/faults', { oauthAutoApprove: true })).body,
    ).toMatchObject({ oauthAutoApprove: true, accessTokenLifetime: 1209600 });
    const p = pkce();
    const res = await authorize(h, authorizeQuery(p, { redirect_uri: 'http://127.0.0.1:9/cb' }));
    expect(res.status).toBe(302);
    expect(res.location?.href).toMatch(/^http:\/\/127\.0\.0\.1:9\/cb\?code=[^&]+&state=st-123$/);
    await h.control('POST', '/_emu/faults', { oauthAutoApprove: false });
    expect((await authorize(h, authorizeQuery(p))).status).toBe(200);
  });

  it('refreshes: a new access token, the same refresh token, the old access token still good', async () => {
    const first = await signIn(h);
    const res = await token(h, {
      grant_type: 'refresh_token',
      ...demoClient,
      refresh_token: first.refresh_token as string,
    });
    expect(res.status).toBe(200);
    expect(res.body.access_token).not.toBe(first.access_token);
    expect(res.body.refresh_token).toBe(first.refresh_token);
    expect(res.body).toMatchObject({ token_type: 'Bearer', scope: 'spark:all' });
    expect((await me(first.access_token as string)).status).toBe(200);
    expect((await me(res.body.access_token as string)).status).toBe(200);
    const stats = await h.control('GET', '/_emu/stats');
    expect(stats.body.oauth).toEqual({
      authorizations: 1,
      codesIssued: 1,
      tokensIssued: 2,
      refreshes: 1,
      revocations: 0,
      failures: 0,
    });
  });

  it('expires access tokens after accessTokenLifetime, on REST and on Mercury', async () => {
    await h.control('POST', '/_emu/faults', { accessTokenLifetime: 120 });
    const body = await signIn(h);
    expect(body.expires_in).toBe(120);
    const access = body.access_token as string;
    const device = await h.registerDevice();
    clock.advance(119_999);
    expect((await me(access)).status).toBe(200);
    (await MercuryClient.connect(device.webSocketUrl, access)).close();
    clock.advance(1);
    const expired = await me(access);
    expect(expired.status).toBe(401);
    const socket = await MercuryClient.open(device.webSocketUrl);
    socket.send({ id: 'a', type: 'authorization', data: { token: `Bearer ${access}` } });
    expect((await socket.closed).code).toBe(4401);
    // The refresh token outlives it and buys a working one.
    const fresh = await token(h, {
      grant_type: 'refresh_token',
      ...demoClient,
      refresh_token: body.refresh_token as string,
    });
    expect((await me(fresh.body.access_token as string)).status).toBe(200);
  });

  it('expires refresh tokens 90 days after their last use', async () => {
    const body = await signIn(h);
    const refresh = {
      grant_type: 'refresh_token',
      ...demoClient,
      refresh_token: body.refresh_token as string,
    };
    clock.advance(89 * 86_400_000);
    expect((await token(h, refresh)).status).toBe(200); // used: 90 more days
    clock.advance(89 * 86_400_000);
    expect((await token(h, refresh)).status).toBe(200);
    clock.advance(90 * 86_400_000);
    const dead = await token(h, refresh);
    expect(dead.status).toBe(400);
    expect(dead.body.error).toBe('invalid_grant');
  });

  it('revokes access and refresh tokens through the revokeTokens knob', async () => {
    const body = await signIn(h);
    const access = body.access_token as string;
    const refresh = body.refresh_token as string;
    await h.control('POST', '/_emu/faults', { revokeTokens: [access, refresh] });
    expect((await me(access)).status).toBe(401);
    const res = await token(h, {
      grant_type: 'refresh_token',
      ...demoClient,
      refresh_token: refresh,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_grant');
  });

  it('registers a client whose redirect URIs are prefixes', async () => {
    const reg = await h.control('POST', '/_emu/oauth/clients', {
      clientId: 'C-public',
      redirectUris: ['https://app.example/cb'],
    });
    expect(reg.status).toBe(201);
    expect(reg.body).toEqual({
      clientId: 'C-public',
      confidential: false,
      redirectUris: ['https://app.example/cb'],
    });
    const p = pkce();
    const q = (uri: string) => authorizeQuery(p, { client_id: 'C-public', redirect_uri: uri });
    expect((await authorize(h, q('https://app.example/cb'))).status).toBe(200);
    expect((await authorize(h, q('https://app.example/cb/deeper?x=1'))).status).toBe(200);
    expect((await authorize(h, q('https://app.example/cbx'))).status).toBe(400);
    expect((await authorize(h, q('https://app.example.evil.test/cb'))).status).toBe(400);
    expect((await authorize(h, q(REDIRECT))).status).toBe(400);
    // A public client redeems without a secret.
    const page = await authorize(h, q('https://app.example/cb'));
    const done = await decide(h, consentToken(page.text), 'approve');
    const res = await token(h, {
      grant_type: 'authorization_code',
      client_id: 'C-public',
      code: done.location?.searchParams.get('code') ?? '',
      redirect_uri: 'https://app.example/cb',
      code_verifier: p.verifier,
    });
    expect(res.status).toBe(200);
    expect((await h.control('GET', '/_emu/oauth/clients')).body.clients).toEqual([
      { clientId: DEMO_CLIENT_ID, confidential: true, redirectUris: [] },
      { clientId: 'C-public', confidential: false, redirectUris: ['https://app.example/cb'] },
    ]);
  });
});
