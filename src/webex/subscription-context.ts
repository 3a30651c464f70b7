/** What the presence subscriptions (presence-subscriptions.ts) need from the connection that owns them. */
import type { HttpClient } from './http';
import type { Logger } from './log';
import type { ReadBudget } from './read-budget';
import type { Timers } from './timers';

export interface SubscriptionContext {
  readonly http: HttpClient;
  readonly timers: Timers;
  readonly log: Logger;
  readonly now: () => number;
  /** Requested subscription TTL in seconds. */
  readonly ttl: number;
  /** Shared with REST polling: reads stay under one request per watched person per minute. */
  readonly budget: ReadBudget;
  /** How often every watched person's presence is audited (default 45 s). */
  readonly auditCycleMs?: number;
  /** Apheleia's base URL, once the catalog is known. */
  apheleiaBase(): string | undefined;
  /** Whether the Mercury socket is up and authenticated. */
  isLive(): boolean;
  /** The current connection run's signal: aborted on stop, sign-out and reconnect. */
  runSignal(): AbortSignal;
  /** Apheleia rejected the token. */
  signOut(message: string): void;
}
