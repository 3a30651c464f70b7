/**
 * What a subscribe call's results mean (docs/protocol.md §5): per person, subscribed until its
 * TTL or a retry planned (and, for some refusals, shown as Unknown meanwhile); for Apheleia as a
 * whole, since when it has failed every subscription, one of the reasons to poll over REST.
 */
import type { SubscriptionResult } from './apheleia';
import type { Logger } from './log';
import type { SubscriptionBook } from './subscription-book';
import { subscriptionRetry } from './subscription-retry';

export type SubscribeOutcome = 'subscribed' | 'retry' | 'retry-unknown';

export class SubscribeResults {
  private failingSinceAt: number | undefined;

  constructor(
    private readonly book: SubscriptionBook,
    /** Seconds, when a result does not say. */
    private readonly defaultTtl: number,
    private readonly log: Logger,
  ) {}

  /** Since when every subscribe call has failed on the server's side (5xx, network), if so. */
  get failingSince(): number | undefined {
    return this.failingSinceAt;
  }

  /** One call's results, for Apheleia's health. */
  noteHealth(results: readonly SubscriptionResult[], now: number): void {
    if (results.some((r) => r.responseCode === 200)) {
      this.failingSinceAt = undefined;
    } else if (
      results.length > 0 &&
      results.every((r) => r.responseCode === 0 || r.responseCode >= 500)
    ) {
      this.failingSinceAt ??= now;
    }
  }

  /** Books one person's outcome. */
  record(result: SubscriptionResult, now: number): SubscribeOutcome {
    const { subject } = result;
    if (result.error === undefined && result.responseCode === 200) {
      const ttl = result.subscriptionTtl > 0 ? result.subscriptionTtl : this.defaultTtl;
      this.book.subscribed(subject, ttl, now);
      return 'subscribed';
    }
    if (result.error !== undefined) this.log('warn', `Subscribing failed: ${result.error.message}`);
    const retry = subscriptionRetry(result, this.book.failed(subject));
    this.book.retryAt(subject, now + retry.delayMs, now);
    return retry.unknown ? 'retry-unknown' : 'retry';
  }
}
