/** Logging passed in, so tests stay quiet and the worker can swap implementations. */

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
