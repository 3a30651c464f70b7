/**
 * Per-person timing for the real-time source, kept apart from the I/O so it can be tested alone:
 * when each subscription must be renewed, when a failed one may be retried, and when a presence
 * must be re-read because it expires (docs/protocol.md §5). One wake-up time covers them all.
 */

/** Renew this long before the server-granted TTL ends (JS SDK: 60 s). */
const RENEW_BEFORE_EXPIRY_MS = 60_000;
/** Nothing about one person is asked again sooner than this, whatever the server says. */
const MIN_PER_PERSON_INTERVAL_MS = 5_000;

const notBefore = (at: number, now: number) => Math.max(at, now + MIN_PER_PERSON_INTERVAL_MS);

export interface DueWork {
  /** Subscriptions to renew, and failed ones to retry. */
  readonly subscribe: string[];
  /** Presences to re-read. */
  readonly read: string[];
}

export class SubscriptionBook {
  private readonly renewAt = new Map<string, number>();
  private readonly retries = new Map<string, number>();
  private readonly recheckAt = new Map<string, number>();
  /** Failed subscribe attempts in a row, for the retry backoff. */
  private readonly failures = new Map<string, number>();
  /** Failed presence reads in a row, for the read retry backoff. */
  private readonly readFailures = new Map<string, number>();

  /** Subscribed for `ttlSeconds` (as granted); renews at expiry - 60 s, or half-way for short TTLs. */
  subscribed(uuid: string, ttlSeconds: number, now: number): void {
    const ttlMs = ttlSeconds * 1000;
    this.retries.delete(uuid);
    this.failures.delete(uuid);
    this.renewAt.set(
      uuid,
      notBefore(now + Math.max(ttlMs - RENEW_BEFORE_EXPIRY_MS, ttlMs / 2), now),
    );
  }

  /**
   * A subscribe attempt failed: no renewal until `retryAt` plans the next attempt. Returns the
   * failed attempts in a row since this person was last subscribed, this one included.
   */
  failed(uuid: string): number {
    this.renewAt.delete(uuid);
    const failures = (this.failures.get(uuid) ?? 0) + 1;
    this.failures.set(uuid, failures);
    return failures;
  }

  /** The next subscribe attempt, never sooner than 5 s from `now`. */
  retryAt(uuid: string, at: number, now: number): void {
    this.retries.set(uuid, notBefore(at, now));
  }

  /** A read of this person failed; returns the failed reads in a row, this one included. */
  readFailed(uuid: string): number {
    const failures = (this.readFailures.get(uuid) ?? 0) + 1;
    this.readFailures.set(uuid, failures);
    return failures;
  }

  /** A presence arrived for this person: the read backoff starts over. */
  presenceArrived(uuid: string): void {
    this.readFailures.delete(uuid);
  }

  /** The next read of this person's presence (none when `at` is undefined), at least 5 s away. */
  recheck(uuid: string, at: number | undefined, now: number): void {
    if (at === undefined) this.recheckAt.delete(uuid);
    else this.recheckAt.set(uuid, notBefore(at, now));
  }

  /** Whether this person is subscribed or has a retry planned. */
  has(uuid: string): boolean {
    return this.renewAt.has(uuid) || this.retries.has(uuid);
  }

  forget(uuid: string): void {
    this.renewAt.delete(uuid);
    this.retries.delete(uuid);
    this.recheckAt.delete(uuid);
    this.failures.delete(uuid);
    this.readFailures.delete(uuid);
  }

  /** After a new device or a reconnect everything is subscribed afresh. */
  clear(): void {
    this.renewAt.clear();
    this.retries.clear();
    this.recheckAt.clear();
    this.failures.clear();
    this.readFailures.clear();
  }

  renewalTime(uuid: string): number | undefined {
    return this.renewAt.get(uuid);
  }

  nextWake(): number | undefined {
    let next: number | undefined;
    for (const map of [this.renewAt, this.retries, this.recheckAt]) {
      for (const at of map.values()) if (next === undefined || at < next) next = at;
    }
    return next;
  }

  /** Removes and returns what is due at `now`; the caller books the outcome again. */
  takeDue(now: number): DueWork {
    const subscribe = new Set<string>();
    const read: string[] = [];
    for (const map of [this.renewAt, this.retries]) {
      for (const [uuid, at] of map) {
        if (at > now) continue;
        map.delete(uuid);
        subscribe.add(uuid);
      }
    }
    for (const [uuid, at] of this.recheckAt) {
      if (at > now) continue;
      this.recheckAt.delete(uuid);
      read.push(uuid);
    }
    return { subscribe: [...subscribe], read };
  }
}
