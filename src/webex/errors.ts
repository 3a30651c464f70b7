/**
 * Every failure of the Webex client, as one error type with a kind the caller can act on and a
 * message a user can read (in the UI's language: `webex_error_…` in the catalogue).
 */
import { t } from '../ui/i18n';

export type WebexErrorKind =
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'bad-request'
  | 'server'
  | 'network'
  | 'bad-payload'
  /** Mercury closed during authentication (1008): the token may or may not be dead. */
  | 'auth-unconfirmed'
  /** A URL outside the Webex domains: the token is not sent there. */
  | 'refused-url'
  /** The connection run ended (sign-out, stop, reconnect): nobody waits for the answer. */
  | 'cancelled';

export interface WebexErrorDetails {
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly trackingId?: string;
  /** What the server said, when it said something (docs/protocol.md §7 `message`). */
  readonly serverMessage?: string;
}

export class WebexError extends Error {
  override readonly name = 'WebexError';
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly trackingId?: string;
  readonly serverMessage?: string;

  constructor(
    readonly kind: WebexErrorKind,
    message: string,
    details: WebexErrorDetails = {},
  ) {
    super(message);
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.trackingId !== undefined) this.trackingId = details.trackingId;
    if (details.serverMessage !== undefined) this.serverMessage = details.serverMessage;
  }
}

/** The kind and user-facing message for an HTTP error status. */
export function describeHttpStatus(status: number): { kind: WebexErrorKind; message: string } {
  if (status === 401) {
    return { kind: 'auth', message: t('webex_error_401') };
  }
  if (status === 403) {
    return { kind: 'forbidden', message: t('webex_error_403') };
  }
  if (status === 404) return { kind: 'not-found', message: t('webex_error_404') };
  if (status === 429 || status === 423) {
    return { kind: 'rate-limited', message: t('webex_error_rate_limited', String(status)) };
  }
  if (status >= 500) {
    return { kind: 'server', message: t('webex_error_server', String(status)) };
  }
  return { kind: 'bad-request', message: t('webex_error_rejected', String(status)) };
}

/** What a thrown value says: its message, or the value as text. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Any thrown value as a WebexError (unexpected ones become 'network'). */
export function toWebexError(error: unknown): WebexError {
  if (error instanceof WebexError) return error;
  return new WebexError('network', t('webex_error_unreachable', reasonOf(error)));
}

/** The access token; a getter that fails means there is none, so the user must sign in again. */
export async function accessToken(getToken: () => Promise<string> | string): Promise<string> {
  try {
    return await getToken();
  } catch (error) {
    if (error instanceof WebexError) throw error;
    throw new WebexError('auth', t('webex_error_no_token'));
  }
}
