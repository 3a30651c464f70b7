/** Timers and logging passed in, so tests drive time and the worker can swap implementations. */

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

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = (level: LogLevel, message: string, detail?: unknown) => void;

export const silentLogger: Logger = () => {};

/**
 * For the extension: warnings and errors go to the service worker's console, where someone
 * debugging a feed that will not stay live can see them; debug and info would only be noise.
 */
export const consoleLogger: Logger = (level, message, detail) => {
  if (level !== 'warn' && level !== 'error') return;
  const text = `Presence Lens: ${message}`;
  if (detail === undefined) console[level](text);
  else console[level](text, detail);
};
