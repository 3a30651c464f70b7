/**
 * After Mercury lost a push (a sequence gap), everyone is read again: at most once per
 * `GAP_REREAD_EVERY_MS` (docs/protocol.md §4); gaps meanwhile fold into one re-read at the end
 * of that time.
 */
import type { TimerId, Timers } from './timers';

const GAP_REREAD_EVERY_MS = 30_000;

export class GapReread {
  private last: number | undefined;
  private timer: TimerId | undefined;

  constructor(
    private readonly timers: Timers,
    private readonly now: () => number,
    private readonly readAll: () => void,
  ) {}

  /** A gap was seen. */
  gap(): void {
    const now = this.now();
    const next = this.last === undefined ? now : this.last + GAP_REREAD_EVERY_MS;
    if (next <= now) {
      this.last = now;
      this.readAll();
      return;
    }
    if (this.timer !== undefined) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.gap();
    }, next - now);
  }

  /** No re-read is due any more (the socket went, or the feed stopped). */
  cancel(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
