/**
 * The Mercury socket's wire details that need no socket: the URL parameters the JS SDK adds,
 * what the close codes browsers report really mean,
 * what a close during connect means, and decoding binary frames (clients that omit
 * `outboundWireFormat=text` get JSON as binary).
 */
import { WebexError } from './errors';
import { t } from '../ui/i18n';

/** The socket URL with the query parameters the JS SDK always adds. */
export function mercuryUrl(webSocketUrl: string, now: number): string {
  const url = new URL(webSocketUrl);
  url.searchParams.set('outboundWireFormat', 'text');
  url.searchParams.set('bufferStates', 'true');
  url.searchParams.set('aliasHttpStatus', 'true');
  url.searchParams.set('clientTimestamp', String(now));
  return url.toString();
}

/**
 * docs/protocol.md §4.4: browsers may report a close as 1005 with the server's reason. "replaced"
 * means 4000 (do not reconnect); the two authentication reasons mean 1008 (check the token).
 */
export function normaliseClose(code: number, reason: string): number {
  if (code !== 1005) return code;
  const said = reason.trim().toLowerCase();
  if (said === 'replaced') return 4000;
  if (
    said === 'authentication failed' ||
    said.startsWith('authentication did not happen within the timeout window')
  ) {
    return 1008;
  }
  return code;
}

/** A close before auth completed, as the error `connect()` rejects with (docs/protocol.md §4.4). */
export function connectCloseError(code: number, reason: string): WebexError {
  const said = describeClose(code, reason);
  if (code === 4401) {
    return new WebexError('auth', t('webex_error_mercury_token_rejected', said), { status: 401 });
  }
  if (code === 1008) {
    // Also what the 30 s authentication timeout looks like: the token may still be good.
    return new WebexError('auth-unconfirmed', t('webex_error_mercury_refused', said));
  }
  if (code === 4400 || code === 4403) {
    return new WebexError('forbidden', t('webex_error_mercury_forbidden', said), { status: 403 });
  }
  return new WebexError('network', t('webex_error_mercury_closed_connecting', said));
}

/** A close as the sentences about it name it: `code 1006`, or `code 1008, "reason"`. */
export function describeClose(code: number, reason: string): string {
  return reason === ''
    ? t('webex_close_code', String(code))
    : t('webex_close_code_reason', [String(code), reason]);
}

export function decodeBinary(data: unknown): string | undefined {
  try {
    if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
    if (ArrayBuffer.isView(data)) return new TextDecoder().decode(data);
    if (Array.isArray(data) && data.every((part) => ArrayBuffer.isView(part))) {
      return data.map((part: ArrayBufferView) => new TextDecoder().decode(part)).join('');
    }
  } catch {
    return undefined;
  }
  return undefined;
}
