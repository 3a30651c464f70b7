/**
 * When to ask Apheleia again for someone who is not subscribed (docs/protocol.md §5, §7).
 * One rule for both ways a subscription can be refused: a per-subject `responseCode`, or a whole
 * call that failed (its HTTP status stands in for the code, 0 when the network failed).
 */
import type { SubscriptionResult } from './apheleia';

/** 401/403: report Unknown and ask again this much later. */
export const FORBIDDEN_RETRY_MS = 10 * 60_000;
/** The first retry after a 5xx or a network failure; it doubles up to `FORBIDDEN_RETRY_MS`. */
export const FAILED_CALL_RETRY_MS = 10_000;
/** 409 without a `retry`. */
const CONFLICT_RETRY_MS = 30_000;

export interface RetryPlan {
  readonly delayMs: number;
  /** Not allowed to see this person: show Unknown until a retry succeeds. */
  readonly unknown: boolean;
}

/** Backoff for trouble on the server's side or in between; `failures` includes this one. */
export function backoffMs(failures: number): number {
  return Math.min(FAILED_CALL_RETRY_MS * 2 ** Math.max(0, failures - 1), FORBIDDEN_RETRY_MS);
}

/**
 * The retry for a result that is not a 200: 10 min for 401/403, `retry` (409) or Retry-After
 * (429/423) as the server asked, backoff for 5xx and network failures (longer if Retry-After
 * says so), and 10 min for any other refusal. `failures` counts this person's failed attempts in
 * a row, this one included.
 */
export function subscriptionRetry(result: SubscriptionResult, failures: number): RetryPlan {
  const code = result.responseCode;
  const askedMs = result.retry === undefined ? undefined : result.retry * 1000;
  if (code === 401 || code === 403) return { delayMs: FORBIDDEN_RETRY_MS, unknown: true };
  if (code === 409) return { delayMs: askedMs ?? CONFLICT_RETRY_MS, unknown: false };
  if (code === 429 || code === 423) {
    return { delayMs: askedMs ?? backoffMs(failures), unknown: false };
  }
  if (code === 0 || code >= 500) {
    return { delayMs: Math.max(backoffMs(failures), askedMs ?? 0), unknown: false };
  }
  return { delayMs: FORBIDDEN_RETRY_MS, unknown: false };
}
