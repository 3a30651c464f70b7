/** Timers passed in, so tests drive time and the worker can swap implementations. */

export type TimerId = unknown;

export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerId;
  clearTimeout(id: TimerId): void;
}

/** The global timers, looked up at call time (so test fakes installed later still apply). */
export const globalTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};
