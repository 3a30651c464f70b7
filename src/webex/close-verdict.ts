/**
 * What a Mercury close means for the feed, once the socket was up (docs/protocol.md §4.4): the
 * close code and whether it was announced (a shutdown notice came first) decide; the source
 * carries the verdict out.
 */
import type { MercuryClose } from './mercury';

export type CloseVerdict =
  /** 4401: the token is dead. */
  | { readonly kind: 'sign-out' }
  /** 1008 (or its 1005 aliases): one REST call decides between sign-out and reconnect. */
  | { readonly kind: 'check-token' }
  /** 4000: another connection took over; stay off until `start()`. */
  | { readonly kind: 'replaced' }
  /** Announced, with a replacement under way: it decides the phase. */
  | { readonly kind: 'replacement-decides' }
  /** Not to be reconnected. */
  | { readonly kind: 'stopped' }
  /** Dropped: reconnect, with backoff unless the connection had stayed up. */
  | { readonly kind: 'reconnect' };

export function closeVerdict(
  close: Pick<MercuryClose, 'code' | 'shouldReconnect'>,
  announced: boolean,
  replacing: boolean,
): CloseVerdict {
  if (close.code === 4401) return { kind: 'sign-out' };
  if (close.code === 1008) return { kind: 'check-token' };
  if (close.code === 4000) return { kind: 'replaced' };
  // Expected (4001 after a shutdown notice): a replacement under way decides the phase.
  if (announced) return replacing ? { kind: 'replacement-decides' } : { kind: 'reconnect' };
  return close.shouldReconnect ? { kind: 'reconnect' } : { kind: 'stopped' };
}
