/** The state of the real-time feed, as the UI shows it, and the reconnect schedule. */
import type { ConnectionPhase } from '../core/connection-phase';
import type { Logger } from './log';
import type { TimerId, Timers } from './timers';

export interface FeedState {
  readonly phase: ConnectionPhase;
  /** A sentence for the user: why it is not live, what happens next. */
  readonly message?: string;
  /** UTC ms when this phase began. */
  readonly since: number;
  /** UTC ms of the next reconnect attempt, while one is planned ('reconnecting'). */
  readonly retryAt?: number;
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 32_000;
/** A connection must stay up this long before the backoff starts again from 1 s. */
const STABLE_CONNECTION_MS = 60_000;
/** Each delay is spread over ±20 % so many clients do not reconnect in step. */
const JITTER = 0.2;

/**
 * Mercury's backoff (docs/protocol.md §4): 1, 2, 4, ... 32 s, then jittered by ±20 %;
 * `failures` counts failed attempts, `random` is in [0, 1).
 */
export function reconnectDelayMs(failures: number, random: number): number {
  if (failures <= 0) return 0;
  const base = Math.min(FIRST_RETRY_MS * 2 ** (failures - 1), MAX_RETRY_MS);
  return Math.round(base * (1 - JITTER + 2 * JITTER * random));
}

/** The backoff timer of the reconnect loop: counts failed attempts, runs one retry at a time. */
export class ReconnectSchedule {
  private failures = 0;
  private timer: TimerId | undefined;
  private liveSince: number | undefined;

  constructor(
    private readonly timers: Timers,
    private readonly random: () => number,
    private readonly retry: () => void,
  ) {}

  /** Failed attempts in a row. */
  get failureCount(): number {
    return this.failures;
  }

  /** Whether a retry is planned. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  /** A fresh start (sign-in, start()): the next failure waits 1 s again. */
  reset(): void {
    this.failures = 0;
    this.liveSince = undefined;
  }

  /** A connection came up; the backoff resets only if it stays up `STABLE_CONNECTION_MS`. */
  wentLive(now: number): void {
    this.liveSince = now;
  }

  /**
   * The connection went down. True when it had been up long enough to reconnect at once (the
   * backoff starts over); false when it was short-lived: the caller counts a failure and waits,
   * so a server that drops every connection soon after it opens is not hammered.
   */
  dropped(now: number): boolean {
    const stable = this.liveSince !== undefined && now - this.liveSince >= STABLE_CONNECTION_MS;
    this.liveSince = undefined;
    if (stable) this.failures = 0;
    return stable;
  }

  /** Counts a failed attempt and plans the retry; returns its delay in ms. */
  failed(atLeastMs = 0): number {
    this.failures++;
    const delay = Math.max(reconnectDelayMs(this.failures, this.random()), atLeastMs);
    this.cancel();
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.retry();
    }, delay);
    return delay;
  }

  cancel(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** The current feed state, reported to one listener on every change. */
export class FeedStateReporter {
  private current: FeedState;

  constructor(
    private readonly now: () => number,
    private readonly log: Logger,
    private readonly listener?: (state: FeedState) => void,
  ) {
    this.current = { phase: 'idle', since: now() };
  }

  get state(): FeedState {
    return this.current;
  }

  set(phase: ConnectionPhase, message?: string, retryAt?: number): void {
    const previous = this.current;
    if (previous.phase === phase && previous.message === message && previous.retryAt === retryAt) {
      return;
    }
    const since = previous.phase === phase ? previous.since : this.now();
    this.current = {
      phase,
      since,
      ...(message === undefined ? {} : { message }),
      ...(retryAt === undefined ? {} : { retryAt }),
    };
    try {
      this.listener?.(this.current);
    } catch (error) {
      this.log('error', 'The state listener threw', error);
    }
  }
}
