import type { OAuthClient, OAuthClients } from './oauth-clients.js';
import { CODE_VERIFIER_RE, s256, sameSecret } from './oauth-crypto.js';
import { OAuthError } from './oauth-error.js';
import type { OAuthParams } from './oauth-params.js';
import { required } from './oauth-params.js';
import type { OAuthStore, TokenResponse } from './oauth-store.js';
import type { OAuthOutcome } from './stats.js';

/** What the token endpoint needs from the emulator. */
export interface GrantDeps {
  clients: OAuthClients;
  store: OAuthStore;
  /** The `accessTokenLifetime` knob, in seconds. */
  accessTokenLifetime(): number;
  /** The `revokeTokens` knob. */
  isRevoked(token: string): boolean;
  count(outcome: OAuthOutcome): void;
}

/** Client credentials from an `Authorization: Basic` header (RFC 6749 §2.3.1). */
export interface BasicCredentials {
  clientId: string;
  clientSecret: string;
}

export function basicCredentials(header: string | undefined): BasicCredentials | undefined {
  const encoded = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header?.trim() ?? '')?.[1];
  if (encoded === undefined) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new OAuthError('invalid_client', 'Malformed Basic credentials');
  try {
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
      clientSecret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
    };
  } catch {
    throw new OAuthError('invalid_client', 'Malformed Basic credentials');
  }
}

/** The authenticated client: a confidential client must send its secret, a public one none. */
export function authenticate(
  clients: OAuthClients,
  params: OAuthParams,
  basic: BasicCredentials | undefined,
): OAuthClient {
  if (basic && params.has('client_secret')) {
    throw new OAuthError('invalid_request', 'Send client credentials one way only, not both');
  }
  const bodyId = params.get('client_id');
  if (basic && bodyId !== undefined && bodyId !== basic.clientId) {
    throw new OAuthError('invalid_request', 'client_id differs from the Basic credentials');
  }
  const clientId = basic?.clientId ?? bodyId ?? '';
  if (clientId === '') throw new OAuthError('invalid_request', 'Missing parameter: client_id');
  const secret = basic?.clientSecret ?? params.get('client_secret');
  const client = clients.get(clientId);
  if (!client) throw new OAuthError('invalid_client', `Unknown client_id ${clientId}`);
  if (client.clientSecret === undefined) {
    if (secret !== undefined && secret !== '') {
      throw new OAuthError('invalid_client', 'This client has no secret; send none');
    }
  } else if (secret === undefined || !sameSecret(secret, client.clientSecret)) {
    throw new OAuthError('invalid_client', 'Client authentication failed');
  }
  return client;
}

function authorizationCodeGrant(
  deps: GrantDeps,
  client: OAuthClient,
  params: OAuthParams,
): TokenResponse {
  const p = required(params, 'code', 'redirect_uri', 'code_verifier');
  const grant = deps.store.takeCode(p.code);
  if (grant === 'used') {
    throw new OAuthError(
      'invalid_grant',
      'The authorization code was already used; the tokens it bought are revoked',
    );
  }
  if (grant === undefined) {
    throw new OAuthError('invalid_grant', 'The authorization code is unknown or expired');
  }
  if (grant.clientId !== client.clientId) {
    throw new OAuthError('invalid_grant', 'The authorization code was issued to another client');
  }
  if (grant.redirectUri !== p.redirect_uri) {
    throw new OAuthError('invalid_grant', 'redirect_uri differs from the authorization request');
  }
  if (!CODE_VERIFIER_RE.test(p.code_verifier) || s256(p.code_verifier) !== grant.codeChallenge) {
    throw new OAuthError('invalid_grant', 'The code_verifier does not match the code_challenge');
  }
  const tokens = deps.store.issueTokens(client.clientId, grant.scope, deps.accessTokenLifetime());
  deps.store.bindCode(p.code, tokens);
  return tokens;
}

function refreshTokenGrant(
  deps: GrantDeps,
  client: OAuthClient,
  params: OAuthParams,
): TokenResponse {
  const { refresh_token: refreshToken } = required(params, 'refresh_token');
  const grant = deps.isRevoked(refreshToken) ? undefined : deps.store.refreshGrant(refreshToken);
  if (grant === undefined) {
    throw new OAuthError('invalid_grant', 'The refresh token is unknown, expired or revoked');
  }
  if (grant.clientId !== client.clientId) {
    throw new OAuthError('invalid_grant', 'The refresh token was issued to another client');
  }
  const asked = params.get('scope');
  if (asked !== undefined) {
    const granted = grant.scope.split(' ');
    const extra = asked.split(' ').filter((s) => s !== '' && !granted.includes(s));
    if (extra.length > 0) {
      throw new OAuthError('invalid_scope', `Not granted before: ${extra.join(' ')}`);
    }
  }
  const tokens = deps.store.issueTokens(
    client.clientId,
    grant.scope,
    deps.accessTokenLifetime(),
    refreshToken,
  );
  deps.count('refreshes');
  return tokens;
}

/** POST /v1/access_token: the answer for a valid request, else an OAuthError to answer. */
export function tokenGrant(
  deps: GrantDeps,
  params: OAuthParams,
  basic: BasicCredentials | undefined,
): TokenResponse {
  const { grant_type: grantType } = required(params, 'grant_type');
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
    throw new OAuthError(
      'unsupported_grant_type',
      `grant_type must be authorization_code or refresh_token (got ${grantType})`,
    );
  }
  const client = authenticate(deps.clients, params, basic);
  const tokens =
    grantType === 'authorization_code'
      ? authorizationCodeGrant(deps, client, params)
      : refreshTokenGrant(deps, client, params);
  deps.count('tokensIssued');
  return tokens;
}
