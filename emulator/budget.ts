// Request-budget evidence for GET /_emu/stats: how many client requests reached the emulated
// services, their busiest second and their spread over wall-clock minutes.

/** The sliding window `peakPerSecond` is measured over. */
export const PEAK_WINDOW_MS = 1000;
/** Minutes of `byMinute` history kept: older minutes are dropped, `total` still counts them. */
export const MAX_MINUTES = 60;
const MINUTE_MS = 60_000;

/** The routes whose budget is also kept on its own, by their `/_emu/stats` request key. */
export const BUDGET_ROUTES = ['POST /apheleia/api/v1/compositions', 'GET /v1/people'] as const;

export interface MinuteCount {
  /** The start of the wall-clock minute, ISO 8601. */
  minute: string;
  count: number;
}

export interface BudgetSummary {
  total: number;
  /** Most requests in any sliding window of 1000 ms, (t - 1000 ms, t]. */
  peakPerSecond: number;
  /** The end of the first window that reached the peak; null before any request. */
  peakAt: string | null;
  /** The first request counted; null before any request. */
  since: string | null;
  /** One entry per minute from the first request's minute to now's, at most the last 60. */
  byMinute: MinuteCount[];
}

/**
 * Counts for one stream of requests. Memory is bounded: the arrival times of the last second
 * (for the sliding peak) and at most MAX_MINUTES minute counters.
 */
export class RequestTracker {
  private total = 0;
  private peak = 0;
  private peakAt: number | undefined;
  private first: number | undefined;
  private last = -Infinity;
  /** Arrival times inside the current window, oldest first. */
  private recent: number[] = [];
  /** Counts by minute index (epoch ms / 60000), only for minutes that saw a request. */
  private readonly minutes = new Map<number, number>();

  record(at: number): void {
    const t = Math.max(at, this.last); // a clock that steps back must not break the window
    this.last = t;
    this.first ??= t;
    this.total += 1;
    this.recent.push(t);
    const cut = this.recent.findIndex((r) => r > t - PEAK_WINDOW_MS);
    if (cut > 0) this.recent = this.recent.slice(cut);
    if (this.recent.length > this.peak) {
      this.peak = this.recent.length;
      this.peakAt = t;
    }
    const minute = Math.floor(t / MINUTE_MS);
    this.minutes.set(minute, (this.minutes.get(minute) ?? 0) + 1);
    for (const key of this.minutes.keys())
      if (key <= minute - MAX_MINUTES) this.minutes.delete(key);
  }

  summary(now: number): BudgetSummary {
    const iso = (ms: number | undefined): string | null =>
      ms === undefined ? null : new Date(ms).toISOString();
    return {
      total: this.total,
      peakPerSecond: this.peak,
      peakAt: iso(this.peakAt),
      since: iso(this.first),
      byMinute: this.byMinute(Math.max(now, this.last)),
    };
  }

  private byMinute(now: number): MinuteCount[] {
    if (this.first === undefined) return [];
    const last = Math.floor(now / MINUTE_MS);
    const start = Math.max(Math.floor(this.first / MINUTE_MS), last - MAX_MINUTES + 1);
    const counts: MinuteCount[] = [];
    for (let m = start; m <= last; m++) {
      counts.push({
        minute: new Date(m * MINUTE_MS).toISOString(),
        count: this.minutes.get(m) ?? 0,
      });
    }
    return counts;
  }
}

export interface BudgetStats extends BudgetSummary {
  byRoute: Record<(typeof BUDGET_ROUTES)[number], BudgetSummary>;
}

/** All client requests, plus the routes of BUDGET_ROUTES on their own. */
export class RequestBudget {
  private all = new RequestTracker();
  private routes = RequestBudget.routeTrackers();

  private static routeTrackers(): Map<string, RequestTracker> {
    return new Map(BUDGET_ROUTES.map((key) => [key, new RequestTracker()]));
  }

  /** One client request, by its `/_emu/stats` key (`"<METHOD> <route pattern>"`). */
  record(key: string, at: number): void {
    this.all.record(at);
    this.routes.get(key)?.record(at);
  }

  toJson(now: number): BudgetStats {
    const byRoute = Object.fromEntries(
      BUDGET_ROUTES.map((key) => [
        key,
        (this.routes.get(key) ?? new RequestTracker()).summary(now),
      ]),
    ) as BudgetStats['byRoute'];
    return { ...this.all.summary(now), byRoute };
  }

  clear(): void {
    this.all = new RequestTracker();
    this.routes = RequestBudget.routeTrackers();
  }
}
