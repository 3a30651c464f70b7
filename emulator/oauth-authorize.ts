import { acceptsRedirect } from './oauth-clients.js';
import type { OAuthClients } from './oauth-clients.js';
import { S256_CHALLENGE_RE } from './oauth-crypto.js';
import { OAuthError } from './oauth-error.js';
import type { OAuthParams } from './oauth-params.js';
import { queryParams } from './oauth-params.js';
import type { AuthorizationGrant } from './oauth-store.js';

/** Webex user scopes the emulator recognises; any other scope is invalid_scope. */
export const KNOWN_SCOPES = [
  'spark:all',
  'spark:kms',
  'spark:people_read',
  'spark:rooms_read',
  'spark:rooms_write',
  'spark:memberships_read',
  'spark:memberships_write',
  'spark:messages_read',
  'spark:messages_write',
  'spark:teams_read',
  'spark:teams_write',
  'spark:team_memberships_read',
  'spark:team_memberships_write',
  'spark:webhooks_read',
  'spark:webhooks_write',
  'spark:calls_read',
  'spark:calls_write',
  'spark:xapi_statuses',
  'spark:xapi_commands',
];
/** Presence Lens needs one of these: People reads are what the emulator serves. */
export const REQUIRED_SCOPES = ['spark:all', 'spark:people_read'];

/** Where an error may be sent: only once client and redirect_uri are known good. */
export interface RedirectTarget {
  redirectUri: string;
  state?: string;
}

export type AuthorizeCheck =
  | { ok: true; grant: AuthorizationGrant }
  | { ok: false; error: OAuthError; redirect?: RedirectTarget };

function checkScope(scope: string | undefined): string {
  if (scope === undefined || scope.trim() === '') {
    throw new OAuthError('invalid_request', 'Missing parameter: scope');
  }
  const scopes = scope.split(' ').filter(Boolean);
  const unknown = scopes.filter((s) => !KNOWN_SCOPES.includes(s));
  if (unknown.length > 0) {
    throw new OAuthError('invalid_scope', `Unknown scope(s): ${unknown.join(' ')}`);
  }
  if (!scopes.some((s) => REQUIRED_SCOPES.includes(s))) {
    throw new OAuthError('invalid_scope', `The scope must include ${REQUIRED_SCOPES.join(' or ')}`);
  }
  return scopes.join(' ');
}

function checkPkce(params: OAuthParams): string {
  const challenge = params.get('code_challenge');
  if (challenge === undefined || challenge === '') {
    throw new OAuthError('invalid_request', 'PKCE is required: missing code_challenge');
  }
  if (params.get('code_challenge_method') !== 'S256') {
    throw new OAuthError('invalid_request', 'code_challenge_method must be S256');
  }
  if (!S256_CHALLENGE_RE.test(challenge)) {
    throw new OAuthError('invalid_request', 'code_challenge must be 43 base64url characters');
  }
  return challenge;
}

/**
 * Validates a /v1/authorize query (RFC 6749 §4.1.1, RFC 7636 §4.3). A bad client_id or
 * redirect_uri is answered on a page, never by a redirect (§4.1.2.1); later errors go back to
 * the client by redirect.
 */
export function checkAuthorize(query: URLSearchParams, clients: OAuthClients): AuthorizeCheck {
  for (const name of ['client_id', 'redirect_uri']) {
    if (query.getAll(name).length > 1) {
      return {
        ok: false,
        error: new OAuthError('invalid_request', `"${name}" is given more than once`),
      };
    }
  }
  const clientId = query.get('client_id') ?? '';
  const redirectUri = query.get('redirect_uri') ?? '';
  if (clientId === '') {
    return { ok: false, error: new OAuthError('invalid_request', 'Missing parameter: client_id') };
  }
  const client = clients.get(clientId);
  if (!client) {
    return { ok: false, error: new OAuthError('invalid_client', `Unknown client_id ${clientId}`) };
  }
  if (redirectUri === '' || !acceptsRedirect(client, redirectUri)) {
    return {
      ok: false,
      error: new OAuthError(
        'invalid_request',
        'redirect_uri is missing or not registered for this client',
      ),
    };
  }
  const state = query.getAll('state').length === 1 ? (query.get('state') ?? undefined) : undefined;
  const redirect: RedirectTarget = { redirectUri, ...(state !== undefined ? { state } : {}) };
  try {
    const params = queryParams(query);
    if (params.get('response_type') !== 'code') {
      throw new OAuthError('unsupported_response_type', 'response_type must be code');
    }
    const scope = checkScope(params.get('scope'));
    const codeChallenge = checkPkce(params);
    return {
      ok: true,
      grant: {
        clientId,
        redirectUri,
        scope,
        codeChallenge,
        ...(state !== undefined ? { state } : {}),
      },
    };
  } catch (err) {
    if (err instanceof OAuthError) return { ok: false, error: err, redirect };
    throw err;
  }
}
