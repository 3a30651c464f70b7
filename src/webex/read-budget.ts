/**
 * The request budget for reading presence (docs/protocol.md §7): re-reads, the subscription
 * audit and REST polling together stay under one request per watched person per minute (a
 * batched request counts once). Shared by everything that reads; nothing reads around it.
 */

const MINUTE_MS = 60_000;
/**
 * The allowance never drops below this: with one or two people watched, the audit alone would
 * otherwise use it all and an expiring status would wait a minute to be re-read.
 */
const MIN_ALLOWANCE = 4;

export class ReadBudget {
  /** When each request of the last minute was taken, oldest first. */
  private readonly spent: number[] = [];

  constructor(
    private readonly now: () => number,
    /** How many people are watched: the per-minute allowance (at least `MIN_ALLOWANCE`). */
    private readonly watchedCount: () => number,
  ) {}

  private get allowance(): number {
    return Math.max(MIN_ALLOWANCE, this.watchedCount());
  }

  private forget(now: number): void {
    while (this.spent.length > 0 && (this.spent[0] ?? 0) <= now - MINUTE_MS) this.spent.shift();
  }

  /** Takes `requests` if the last minute leaves room for all of them; false (nothing taken) if not. */
  tryTake(requests = 1): boolean {
    const now = this.now();
    this.forget(now);
    if (this.spent.length + requests > this.allowance) return false;
    for (let i = 0; i < requests; i++) this.spent.push(now);
    return true;
  }

  /** How long until `requests` fit (0 when they fit now). */
  waitMs(requests = 1): number {
    const now = this.now();
    this.forget(now);
    const over = this.spent.length + requests - this.allowance;
    if (over <= 0) return 0;
    const freeing = this.spent[Math.min(over, this.spent.length) - 1];
    return freeing === undefined ? MINUTE_MS : freeing + MINUTE_MS - now;
  }
}
