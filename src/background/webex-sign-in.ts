/**
 * "Sign in with Webex": the OAuth authorization code flow with PKCE (docs/protocol.md §6.2),
 * from opening the consent page to an account and tokens. Nothing is stored here; the caller
 * saves the credentials it returns.
 */
import { err, ok, type Result } from '../core/result';
import type { HttpClient } from '../webex/http';
import {
  authorizationRequest,
  codeFromRedirect,
  exchangeCode,
  type OAuthClient,
} from '../webex/oauth';
import { createPeopleApi } from '../webex/people-api';
import { t } from '../ui/i18n';
import type { Credentials } from './credentials';

export interface WebAuth {
  /** The URI Webex redirects back to (`chrome.identity.getRedirectURL()`). */
  readonly redirectUri: string;
  /** Opens the consent page; resolves with the URL it redirected to. */
  launch(url: string): Promise<string>;
}

export interface SignInDeps {
  readonly webAuth: WebAuth;
  /** Requests without a token (the token endpoint) and with the new one (`people/me`). */
  readonly http: (getToken: () => string) => HttpClient;
  readonly now: () => number;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function signInWithWebex(
  deps: SignInDeps,
  serverUrl: string,
  hydraBaseUrl: string,
  client: OAuthClient,
): Promise<Result<Credentials>> {
  if (client.clientId.trim() === '') return err(t('worker_client_id_missing'));
  const request = await authorizationRequest(hydraBaseUrl, client, deps.webAuth.redirectUri);
  let redirected: string;
  try {
    redirected = await deps.webAuth.launch(request.url);
  } catch (error) {
    return err(t('worker_sign_in_unfinished', reason(error)));
  }
  const code = codeFromRedirect(redirected, request.state);
  if (!code.ok) return code;
  try {
    const tokens = await exchangeCode(
      deps.http(() => ''),
      hydraBaseUrl,
      client,
      { code: code.value, verifier: request.verifier, redirectUri: deps.webAuth.redirectUri },
      deps.now,
    );
    const me = await createPeopleApi(
      deps.http(() => tokens.accessToken),
      hydraBaseUrl,
    ).me();
    return ok({
      serverUrl,
      accessToken: tokens.accessToken,
      account: { displayName: me.displayName, email: me.emails[0] ?? '' },
      oauth: {
        clientId: client.clientId,
        ...(client.clientSecret === undefined ? {} : { clientSecret: client.clientSecret }),
        refreshToken: tokens.refreshToken,
        expiresAt: tokens.expiresAt,
        refreshAt: tokens.refreshAt,
      },
    });
  } catch (error) {
    return err(t('worker_sign_in_failed', reason(error)));
  }
}
