/**
 * The pace of requests to Webex (docs/protocol.md §7): never more than 5 a second in all, and
 * nothing to a host that answered 429/423/503 with `Retry-After` until that time has passed.
 * Each host has its own line, so one host's wait does not hold up the others.
 */
import type { Timers } from './timers';

export const MAX_REQUESTS_PER_SECOND = 5;
/**
 * A second plus a margin: requests leave evenly but arrive with network jitter, and the server
 * counts arrivals. Five starts in any 1.25 s stay five arrivals in any second.
 */
const WINDOW_MS = 1_250;

export class RequestGate {
  /** Start times of the requests let through in the last second, oldest first. */
  private readonly recent: number[] = [];
  private readonly blockedUntil = new Map<string, number>();
  private readonly lines = new Map<string, Promise<void>>();

  /**
   * `startsFull`: the last second is taken as full when the gate is made. A service worker's
   * gate is new after every restart and cannot know what the stopped one sent just before, so
   * it waits a second before its first request rather than risk six in one second.
   */
  constructor(
    private readonly timers: Timers,
    private readonly now: () => number,
    options: { startsFull?: boolean } = {},
  ) {
    if (options.startsFull === true) {
      const start = now();
      for (let i = 0; i < MAX_REQUESTS_PER_SECOND; i++) this.recent.push(start);
    }
  }

  /** Resolves when a request to `host` may start; requests to one host keep their order. */
  pass(host: string): Promise<void> {
    const previous = this.lines.get(host) ?? Promise.resolve();
    const turn = previous.then(() => this.waitForSlot(host));
    const line = turn.catch(() => undefined);
    this.lines.set(host, line);
    void line.then(() => {
      if (this.lines.get(host) === line) this.lines.delete(host);
    });
    return turn;
  }

  /** The host said `Retry-After`: nothing goes there for `ms`. */
  holdHost(host: string, ms: number): void {
    const until = this.now() + ms;
    if (until > (this.blockedUntil.get(host) ?? 0)) this.blockedUntil.set(host, until);
  }

  private async waitForSlot(host: string): Promise<void> {
    for (;;) {
      const now = this.now();
      while (this.recent.length > 0 && (this.recent[0] ?? 0) <= now - WINDOW_MS) {
        this.recent.shift();
      }
      const hostWait = (this.blockedUntil.get(host) ?? 0) - now;
      const full = this.recent.length >= MAX_REQUESTS_PER_SECOND;
      const rateWait = full ? (this.recent[0] ?? now) + WINDOW_MS - now : 0;
      const wait = Math.max(hostWait, rateWait);
      if (wait <= 0) {
        this.blockedUntil.delete(host);
        this.recent.push(now);
        return;
      }
      await new Promise<void>((resolve) => this.timers.setTimeout(resolve, wait));
    }
  }
}
