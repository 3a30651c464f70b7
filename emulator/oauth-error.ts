import type { Reply } from './http.js';

/** The RFC 6749 error codes the emulator answers with (§4.1.2.1 and §5.2). */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'access_denied'
  /** RFC 7009 §2.2.1: a token_type_hint the server does not know. */
  | 'unsupported_token_type';

/** An OAuth error: the token endpoint answers it as JSON, /v1/authorize as an error redirect. */
export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
  ) {
    super(description);
  }

  /** invalid_client is 401 (RFC 6749 §5.2); every other token endpoint error is 400. */
  get status(): number {
    return this.error === 'invalid_client' ? 401 : 400;
  }
}

/** Token endpoint answers must not be cached (RFC 6749 §5.1, §5.2). */
export const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/**
 * `{"error", "error_description"}` with its status. A client that authenticated with HTTP Basic
 * gets a Basic challenge with invalid_client (RFC 6749 §5.2); others none, so no browser
 * ever shows a password prompt.
 */
export function tokenErrorReply(err: OAuthError, usedBasic: boolean): Reply {
  return {
    status: err.status,
    body: { error: err.error, error_description: err.description },
    headers: {
      ...NO_STORE,
      ...(err.error === 'invalid_client' && usedBasic
        ? { 'www-authenticate': 'Basic realm="webexapis"' }
        : {}),
    },
  };
}
