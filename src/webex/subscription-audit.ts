/**
 * The audit of subscriptions (docs/protocol.md §5.3). Apheleia can forget a subscription without
 * a word (failover, expiry on its side), and then no push ever comes. So every watched person's
 * presence is read again every 45 s, in batches of 50 spread over that time, and
 * compared with what the pushes said; a difference means the pushes stopped: the status is
 * corrected and that batch subscribed again.
 */
import type { TimerId, Timers } from './timers';

/** Every watched person is read at least this often. */
export const AUDIT_CYCLE_MS = 45_000;
export const AUDIT_BATCH = 50;

export interface AuditHooks {
  readonly timers: Timers;
  /** Everyone is read once per this many ms (default `AUDIT_CYCLE_MS`). */
  readonly cycleMs?: number;
  /** Everyone watched, in a stable order. */
  watched(): readonly string[];
  /** Reads this batch and handles the difference; resolves when done (never rejects). */
  audit(batch: readonly string[]): Promise<void>;
}

export class SubscriptionAudit {
  private timer: TimerId | undefined;
  private cursor = 0;

  constructor(private readonly hooks: AuditHooks) {}

  get running(): boolean {
    return this.timer !== undefined;
  }

  /** Starts (or restarts) the rota; the first batch is read one interval from now. */
  start(): void {
    this.stop();
    this.schedule();
  }

  stop(): void {
    if (this.timer !== undefined) this.hooks.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Time between two batches, so that everyone is read once per cycle. */
  private intervalMs(): number {
    const batches = Math.max(1, Math.ceil(this.hooks.watched().length / AUDIT_BATCH));
    return (this.hooks.cycleMs ?? AUDIT_CYCLE_MS) / batches;
  }

  private schedule(): void {
    this.timer = this.hooks.timers.setTimeout(() => void this.tick(), this.intervalMs());
  }

  private async tick(): Promise<void> {
    const watched = this.hooks.watched();
    if (watched.length > 0) {
      if (this.cursor >= watched.length) this.cursor = 0;
      const batch = watched.slice(this.cursor, this.cursor + AUDIT_BATCH);
      this.cursor += AUDIT_BATCH;
      await this.hooks.audit(batch);
    }
    if (this.timer !== undefined) this.schedule();
  }
}
