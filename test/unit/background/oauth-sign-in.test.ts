/**
 * "Sign in with Webex" against the emulator's OAuth endpoints: PKCE, the code exchange, silent
 * refresh before expiry and after a 401, and what a wrong answer does.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../../emulator/oauth-clients';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { TokenKeeper } from '../../../src/background/token-keeper';
import { signInWithWebex, type WebAuth } from '../../../src/background/webex-sign-in';
import type { Credentials } from '../../../src/background/credentials';
import { createHttpClient } from '../../../src/webex/http';
import { emulatorControl } from '../../support/emulator-control';

const REDIRECT = 'http://127.0.0.1:9/oauth-done';
let emulator: RunningEmulator;
let control: ReturnType<typeof emulatorControl>;

beforeEach(async () => {
  emulator = await startEmulator({ port: 0 });
  control = emulatorControl(emulator.baseUrl);
  await control.oauthAutoApprove(true);
});
afterEach(() => emulator.close());

/** What launchWebAuthFlow does once the page redirects: hand back the final URL. */
const autoApproving: WebAuth = {
  redirectUri: REDIRECT,
  async launch(url) {
    const res = await fetch(url, { redirect: 'manual' });
    const location = res.headers.get('location');
    if (location === null) throw new Error(`no redirect (${res.status})`);
    return location;
  },
};

const http = (getToken: () => string) =>
  createHttpClient({
    fetch: (url, init) => fetch(url, init),
    getToken,
    audience: { allowLoopback: true },
  });

const client = { clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET };

async function signIn(webAuth = autoApproving) {
  return signInWithWebex(
    { webAuth, http, now: Date.now },
    emulator.baseUrl,
    `${emulator.baseUrl}/v1`,
    client,
  );
}

describe('signing in with Webex', () => {
  test('gets tokens with PKCE and the account, and the token works', async () => {
    const result = await signIn();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.account.displayName).toBe('Demo User');
    expect(result.value.oauth?.refreshToken).toBeTruthy();
    const me = await fetch(`${emulator.baseUrl}/v1/people/me`, {
      headers: { authorization: `Bearer ${result.value.accessToken}` },
    });
    expect(me.status).toBe(200);
    const stats = (await control.stats()).oauth;
    expect(stats).toMatchObject({ codesIssued: 1, tokensIssued: 1, failures: 0 });
  });

  test('a denied consent, a forged state and a wrong secret each say what went wrong', async () => {
    const denied = await signIn({
      redirectUri: REDIRECT,
      launch: async (url) =>
        `${REDIRECT}?error=access_denied&state=${new URL(url).searchParams.get('state')}`,
    });
    expect(denied).toEqual({ ok: false, error: 'Sign-in was cancelled on the Webex page.' });

    const forged = await signIn({
      redirectUri: REDIRECT,
      launch: async (url) => (await autoApproving.launch(url)).replace(/state=[^&]+/, 'state=evil'),
    });
    expect(forged.ok).toBe(false);
    if (!forged.ok) expect(forged.error).toContain('did not match');

    const wrongSecret = await signInWithWebex(
      { webAuth: autoApproving, http, now: Date.now },
      emulator.baseUrl,
      `${emulator.baseUrl}/v1`,
      { clientId: DEMO_CLIENT_ID, clientSecret: 'nope' },
    );
    expect(wrongSecret.ok).toBe(false);
    if (!wrongSecret.ok) expect(wrongSecret.error).toMatch(/Signing in with Webex failed/);
  });

  test('refreshes silently before expiry, saves the new token, and refreshes on demand', async () => {
    await control.accessTokenLifetime(2);
    const signed = await signIn();
    if (!signed.ok) throw new Error(signed.error);
    const saved: Credentials[] = [];
    const keeper = new TokenKeeper(signed.value, {
      http: http(() => ''),
      hydraBaseUrl: `${emulator.baseUrl}/v1`,
      revokeUrl: `${emulator.baseUrl}/idb/oauth2/v1/revoke`,
      save: async (c) => {
        saved.push(c);
      },
      now: Date.now,
    });
    // Half of a 2 s lifetime: still the first token.
    expect(await keeper.accessToken()).toBe(signed.value.accessToken);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const [a, b] = await Promise.all([keeper.accessToken(), keeper.accessToken()]);
    expect(a).toBe(b);
    expect(a).not.toBe(signed.value.accessToken);
    expect(saved).toHaveLength(1);
    expect((await control.stats()).oauth.refreshes).toBe(1);
    await keeper.refresh();
    expect((await control.stats()).oauth.refreshes).toBe(2);
    keeper.dispose();
  });

  test('refreshes on its own when the time comes, even with nobody asking', async () => {
    await control.accessTokenLifetime(2);
    const signed = await signIn();
    if (!signed.ok) throw new Error(signed.error);
    const keeper = new TokenKeeper(signed.value, {
      http: http(() => ''),
      hydraBaseUrl: `${emulator.baseUrl}/v1`,
      revokeUrl: `${emulator.baseUrl}/idb/oauth2/v1/revoke`,
      save: async () => undefined,
      now: Date.now,
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await control.stats()).oauth.refreshes).toBe(1);
    expect(keeper.credentials.accessToken).not.toBe(signed.value.accessToken);
    keeper.dispose();
  });

  test('a refresh token the server no longer accepts is an auth failure', async () => {
    const signed = await signIn();
    if (!signed.ok) throw new Error(signed.error);
    await control.faults({ revokeTokens: [signed.value.oauth?.refreshToken ?? ''] });
    const keeper = new TokenKeeper(signed.value, {
      http: http(() => ''),
      hydraBaseUrl: `${emulator.baseUrl}/v1`,
      revokeUrl: `${emulator.baseUrl}/idb/oauth2/v1/revoke`,
      save: async () => undefined,
      now: Date.now,
    });
    await expect(keeper.refresh()).rejects.toMatchObject({ kind: 'auth' });
    keeper.dispose();
  });

  test('sign-out revokes the refresh and the access token, and never throws', async () => {
    const signed = await signIn();
    if (!signed.ok) throw new Error(signed.error);
    const deps = {
      http: http(() => ''),
      hydraBaseUrl: `${emulator.baseUrl}/v1`,
      revokeUrl: `${emulator.baseUrl}/idb/oauth2/v1/revoke`,
      save: async () => undefined,
      now: Date.now,
    };
    await new TokenKeeper(signed.value, deps).revoke();
    expect((await control.stats()).oauth.revocations).toBe(2);
    const me = await fetch(`${emulator.baseUrl}/v1/people/me`, {
      headers: { authorization: `Bearer ${signed.value.accessToken}` },
    });
    expect(me.status).toBe(401);
    // Revoking again (the server says 200 and does nothing), or at an address that fails: fine.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const unreachable = { ...deps, revokeUrl: `${emulator.baseUrl}/nowhere` };
    await expect(new TokenKeeper(signed.value, unreachable).revoke()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
