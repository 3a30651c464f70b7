import type { Reply, Request, Route } from '../http.js';
import { json } from '../http.js';
import type { RedirectTarget } from '../oauth-authorize.js';
import { checkAuthorize } from '../oauth-authorize.js';
import { OAuthError, NO_STORE, tokenErrorReply } from '../oauth-error.js';
import type { GrantDeps } from '../oauth-grants.js';
import { authenticate, basicCredentials, tokenGrant } from '../oauth-grants.js';
import { consentPage, oauthErrorPage } from '../oauth-page.js';
import { bodyParams } from '../oauth-params.js';
import type { AuthorizationGrant } from '../oauth-store.js';
import { HYDRA_BASE, REVOKE_PATH } from '../paths.js';
import type { EmulatorState } from '../state.js';

/** `redirect_uri` with `params` added to its query (RFC 6749 §4.1.2), as a 302. */
function redirect(target: RedirectTarget, params: Record<string, string>): Reply {
  const url = new URL(target.redirectUri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  if (target.state !== undefined) url.searchParams.set('state', target.state);
  return { status: 302, headers: { location: url.toString(), 'cache-control': 'no-store' } };
}

/** Webex OAuth 2 for integrations: authorization code with PKCE (S256), and refresh. */
export function oauthRoutes(state: EmulatorState): Route[] {
  const count = state.stats.countOAuth.bind(state.stats);
  const fail = (err: OAuthError, target?: RedirectTarget): Reply => {
    count('failures');
    if (target) return redirect(target, { error: err.error, error_description: err.description });
    return oauthErrorPage(400, err.error, err.description);
  };
  const issueCode = (grant: AuthorizationGrant): Reply => {
    count('codesIssued');
    return redirect(grant, { code: state.oauth.issueCode(grant) });
  };

  const authorize = (req: Request): Reply => {
    const check = checkAuthorize(req.query, state.oauthClients);
    if (!check.ok) return fail(check.error, check.redirect);
    count('authorizations');
    if (state.faults.oauthAutoApprove) return issueCode(check.grant);
    return consentPage({
      grant: check.grant,
      consentToken: state.oauth.openConsent(check.grant),
      userName: state.me.displayName,
      userEmail: state.me.emails[0] ?? '',
    });
  };

  const decide = async (req: Request): Promise<Reply> => {
    try {
      const params = await bodyParams(req);
      const decision = params.get('decision');
      if (decision !== 'approve' && decision !== 'deny') {
        throw new OAuthError('invalid_request', 'decision must be approve or deny');
      }
      const grant = state.oauth.takeConsent(params.get('consent') ?? '');
      if (!grant) {
        throw new OAuthError('invalid_request', 'This sign-in form expired or was already used');
      }
      if (decision === 'approve') return issueCode(grant);
      return fail(new OAuthError('access_denied', 'The user denied access'), grant);
    } catch (err) {
      if (err instanceof OAuthError) return fail(err);
      throw err;
    }
  };

  const deps: GrantDeps = {
    clients: state.oauthClients,
    store: state.oauth,
    accessTokenLifetime: () => state.faults.accessTokenLifetime,
    isRevoked: (token) => state.faults.revokedTokens.has(token),
    count,
  };
  const accessToken = async (req: Request): Promise<Reply> => {
    const usedBasic = /^Basic\s/i.test(req.headers.authorization ?? '');
    try {
      const params = await bodyParams(req);
      return json(200, tokenGrant(deps, params, basicCredentials(req.headers.authorization)), {
        ...NO_STORE,
      });
    } catch (err) {
      if (!(err instanceof OAuthError)) throw err;
      count('failures');
      return tokenErrorReply(err, usedBasic);
    }
  };

  /**
   * The identity broker's revocation, as the JS SDK's Token#revoke calls it on sign-out: the
   * client authenticates (Basic, or client_id and client_secret in the form), `token` is an
   * access or refresh token of theirs; 200 either way (RFC 7009 §2.2), empty body.
   */
  const revoke = async (req: Request): Promise<Reply> => {
    const usedBasic = /^Basic\s/i.test(req.headers.authorization ?? '');
    try {
      const params = await bodyParams(req);
      const client = authenticate(
        state.oauthClients,
        params,
        basicCredentials(req.headers.authorization),
      );
      const token = params.get('token') ?? '';
      if (token === '') throw new OAuthError('invalid_request', 'Missing parameter: token');
      const hint = params.get('token_type_hint');
      if (hint !== undefined && hint !== 'access_token' && hint !== 'refresh_token') {
        throw new OAuthError('unsupported_token_type', `Unknown token_type_hint ${hint}`);
      }
      if (state.oauth.revokeFor(client.clientId, token)) count('revocations');
      return { status: 200, headers: { ...NO_STORE } };
    } catch (err) {
      if (!(err instanceof OAuthError)) throw err;
      count('failures');
      return tokenErrorReply(err, usedBasic);
    }
  };

  return [
    { method: 'POST', pattern: REVOKE_PATH, auth: false, handler: revoke },
    { method: 'GET', pattern: `${HYDRA_BASE}/authorize`, auth: false, handler: authorize },
    { method: 'POST', pattern: `${HYDRA_BASE}/authorize/decision`, auth: false, handler: decide },
    { method: 'POST', pattern: `${HYDRA_BASE}/access_token`, auth: false, handler: accessToken },
  ];
}
