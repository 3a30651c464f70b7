/**
 * The popup's clock: "active 12 minutes ago" and "until 15:30" are computed from `now`, which
 * moves every `periodMs` while the popup is open, and every second while `fast()` (a reconnect
 * countdown shows). Only then does the popup re-render for time; nothing ticks once it closes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface TickOptions {
  /** Whether something on screen counts seconds. */
  readonly fast: () => boolean;
  readonly periodMs?: number;
  readonly clock?: () => number;
}

/** Time texts change by the minute; a quarter of that keeps them at most 15 s late. */
export const TICK_PERIOD_MS = 15_000;
const FAST_MS = 1_000;

export class TickController implements ReactiveController {
  now: number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly clock: () => number;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: TickOptions,
  ) {
    this.clock = options.clock ?? Date.now;
    this.now = this.clock();
    host.addController(this);
  }

  hostConnected(): void {
    this.now = this.clock();
    this.timer = setInterval(() => this.tick(), FAST_MS);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const now = this.clock();
    if (this.options.fast() || now - this.now >= (this.options.periodMs ?? TICK_PERIOD_MS)) {
      this.now = now;
      this.host.requestUpdate();
    }
  }
}
