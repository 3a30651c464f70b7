/**
 * Webex OAuth 2 for an integration (docs/protocol.md §6.2): the authorization code flow with
 * PKCE (S256), and the refresh grant. The browser part (opening the consent page) is the
 * caller's; this module builds the URL, checks what comes back and talks to the token endpoint.
 */
import { base64UrlEncodeBytes } from '../core/base64';
import { isFiniteNumber, isNonEmptyString, isRecord } from '../core/json-guards';
import { err, ok, type Result } from '../core/result';
import { WebexError } from './errors';
import type { HttpClient } from './http';
import { joinUrl } from './urls';
import { t } from '../ui/i18n';

const OAUTH_SCOPE = 'spark:all';
/** Access tokens are refreshed this long before they expire. */
const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

export interface OAuthClient {
  readonly clientId: string;
  /** Webex integrations have one; kept with the tokens in the worker's store. */
  readonly clientSecret?: string;
}

export interface OAuthTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** UTC ms when the access token stops working. */
  readonly expiresAt: number;
  /** UTC ms from when it is refreshed: 5 min before expiry, or half-way for short lifetimes. */
  readonly refreshAt: number;
}

export interface AuthorizationRequest {
  readonly url: string;
  readonly state: string;
  readonly verifier: string;
}

function randomText(bytes: number): string {
  return base64UrlEncodeBytes(globalThis.crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeOf(verifier: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(verifier),
  );
  return base64UrlEncodeBytes(new Uint8Array(digest));
}

/** The consent page URL (`{hydra}/authorize`), with a fresh `state` and PKCE verifier. */
export async function authorizationRequest(
  hydraBaseUrl: string,
  client: OAuthClient,
  redirectUri: string,
): Promise<AuthorizationRequest> {
  const verifier = randomText(48);
  const state = randomText(24);
  const url = new URL(joinUrl(hydraBaseUrl, 'authorize'));
  url.searchParams.set('client_id', client.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('scope', OAUTH_SCOPE);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await challengeOf(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  return { url: url.toString(), state, verifier };
}

/** The code from the URL the consent page redirected to; an error naming what went wrong. */
export function codeFromRedirect(redirected: string, expectedState: string): Result<string> {
  let url: URL;
  try {
    url = new URL(redirected);
  } catch {
    return err(t('webex_sign_in_bad_redirect'));
  }
  const params = url.searchParams;
  const error = params.get('error');
  if (error !== null) {
    if (error === 'access_denied') return err(t('webex_sign_in_cancelled'));
    const said = params.get('error_description') ?? error;
    return err(t('webex_sign_in_refused', said.slice(0, 200)));
  }
  if (params.get('state') !== expectedState) {
    return err(t('webex_sign_in_state_mismatch'));
  }
  const code = params.get('code');
  return code === null || code === '' ? err(t('webex_sign_in_no_code')) : ok(code);
}

/** The token endpoint's answer, validated and clamped (`expires_in` 1 s .. 90 days). */
export function parseTokenReply(json: unknown, now: number): Result<OAuthTokens> {
  if (!isRecord(json)) return err('The token answer is not a JSON object.');
  const { access_token: access, refresh_token: refresh, expires_in: expiresIn } = json;
  if (!isNonEmptyString(access) || access.length > 4096) return err('No usable access_token.');
  if (!isNonEmptyString(refresh) || refresh.length > 4096) return err('No usable refresh_token.');
  if (!isFiniteNumber(expiresIn) || expiresIn <= 0) return err('No usable expires_in.');
  const lifetimeMs = Math.min(Math.max(expiresIn, 1), 90 * 24 * 3600) * 1000;
  const margin = Math.min(REFRESH_BEFORE_EXPIRY_MS, lifetimeMs / 2);
  return ok({
    accessToken: access,
    refreshToken: refresh,
    expiresAt: now + lifetimeMs,
    refreshAt: now + lifetimeMs - margin,
  });
}

function tokenRequest(
  http: HttpClient,
  hydraBaseUrl: string,
  form: Record<string, string>,
  now: () => number,
): Promise<OAuthTokens> {
  return http.request('POST', joinUrl(hydraBaseUrl, 'access_token'), {
    form,
    anonymous: true,
    parse: (json) => parseTokenReply(json, now()),
  });
}

function clientFields(client: OAuthClient): Record<string, string> {
  return {
    client_id: client.clientId,
    ...(client.clientSecret === undefined ? {} : { client_secret: client.clientSecret }),
  };
}

export function exchangeCode(
  http: HttpClient,
  hydraBaseUrl: string,
  client: OAuthClient,
  grant: { code: string; verifier: string; redirectUri: string },
  now: () => number = Date.now,
): Promise<OAuthTokens> {
  return tokenRequest(
    http,
    hydraBaseUrl,
    {
      grant_type: 'authorization_code',
      ...clientFields(client),
      code: grant.code,
      redirect_uri: grant.redirectUri,
      code_verifier: grant.verifier,
    },
    now,
  );
}

/**
 * Sign-out's revocation at the identity broker (docs/protocol.md §6.2), as the JS SDK's
 * Token#revoke does it: form `token` and `token_type_hint`, the integration authenticated with
 * Basic. Only an integration with a secret can (the SDK makes no request without one either).
 */
export async function revokeToken(
  http: HttpClient,
  revokeUrl: string,
  client: OAuthClient,
  token: { value: string; hint: 'access_token' | 'refresh_token' },
): Promise<void> {
  if (client.clientSecret === undefined) return;
  const basic = btoa(
    String.fromCharCode(...new TextEncoder().encode(`${client.clientId}:${client.clientSecret}`)),
  );
  await http.request('POST', revokeUrl, {
    form: { token: token.value, token_type_hint: token.hint },
    anonymous: true,
    headers: { authorization: `Basic ${basic}` },
    parse: () => ok(undefined),
  });
}

export async function refreshTokens(
  http: HttpClient,
  hydraBaseUrl: string,
  client: OAuthClient,
  refreshToken: string,
  now: () => number = Date.now,
): Promise<OAuthTokens> {
  try {
    return await tokenRequest(
      http,
      hydraBaseUrl,
      { grant_type: 'refresh_token', ...clientFields(client), refresh_token: refreshToken },
      now,
    );
  } catch (error) {
    // invalid_grant (400) means the refresh token is dead: the user must sign in again.
    if (error instanceof WebexError && error.kind === 'bad-request') {
      throw new WebexError('auth', t('webex_error_sign_in_expired', error.message), {
        ...(error.status === undefined ? {} : { status: error.status }),
      });
    }
    throw error;
  }
}
