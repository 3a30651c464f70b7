import { HttpError } from './http-error.js';

/**
 * Wraps a timer callback so an unexpected throw is logged instead of escaping setInterval,
 * where it would be an uncaught exception that ends the whole emulator process.
 */
export function guarded(what: string, fn: () => void): () => void {
  return () => {
    try {
      fn();
    } catch (err) {
      console.error(
        `[emulator] ${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
    }
  };
}

// The control API (/_emu/*) has no auth, so it only answers requests a web page cannot forge:
// a DNS-rebinding page has a foreign Host, a cross-site fetch or form post a foreign Origin,
// and a form post cannot send Content-Type: application/json.

/** Hostnames a loopback Host header may name (the emulator listens on 127.0.0.1 only). */
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(?::(\d{1,5}))?$/i;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** True when the Host header names a loopback host on the emulator's own port. */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  const match = host === undefined ? null : LOOPBACK_HOST.exec(host.trim());
  if (!match) return false;
  return Number(match[2] ?? '80') === port;
}

/** The emulator's own origins: http on a loopback name and its port. */
export function isOwnOrigin(origin: string, port: number): boolean {
  const match = /^http:\/\/([^/]+)$/i.exec(origin.trim());
  return match !== null && match[1] !== undefined && isLoopbackHost(match[1], port);
}

function isJsonContentType(value: string | undefined): boolean {
  return value?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

export interface ControlRequestHeaders {
  host?: string | undefined;
  origin?: string | undefined;
  'content-type'?: string | undefined;
}

/**
 * Throws 403 for a non-loopback Host or a foreign Origin, and 415 for a POST/PUT/PATCH that is
 * not JSON; returns when the control request may be answered.
 */
export function assertControlRequest(
  method: string,
  headers: ControlRequestHeaders,
  port: number,
): void {
  if (!isLoopbackHost(headers.host, port)) {
    throw new HttpError(
      403,
      `The control API answers only Host 127.0.0.1:${port}, localhost:${port} or [::1]:${port} (got ${headers.host ?? 'none'})`,
    );
  }
  if (headers.origin !== undefined && !isOwnOrigin(headers.origin, port)) {
    throw new HttpError(
      403,
      `The control API refuses requests from other origins (got Origin ${headers.origin})`,
    );
  }
  if (BODY_METHODS.has(method) && !isJsonContentType(headers['content-type'])) {
    throw new HttpError(
      415,
      `${method} to the control API needs Content-Type: application/json (got ${headers['content-type'] ?? 'none'})`,
    );
  }
}
