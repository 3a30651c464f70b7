/**
 * JSON over HTTP to Webex services: Bearer auth, `trackingid`, the `cisco-device-url` header once a
 * device is registered, error bodies and `Retry-After` (docs/protocol.md §7) as WebexError, and every
 * response body validated by the caller's `parse` before anyone trusts it.
 */
import { isRecord } from '../core/json-guards';
import type { Result } from '../core/result';
import { WebexError, accessToken, describeHttpStatus, reasonOf } from './errors';
import { t } from '../ui/i18n';
import type { RequestGate } from './request-gate';
import type { TokenAudience } from './token-audience';
import { checkTokenUrl } from './token-audience';

/** The parts of `fetch` the client uses; the global `fetch` fits. */
export type FetchLike = (url: string, init: RequestInit) => Promise<ResponseLike>;

export interface ResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface HttpClientOptions {
  readonly fetch: FetchLike;
  readonly getToken: () => Promise<string> | string;
  /** The registered device's URL; sent as `cisco-device-url` so pushes reach our socket. */
  readonly deviceUrl?: () => string | undefined;
  /** Where the token may go; any other URL is refused before anything is sent. */
  readonly audience: TokenAudience;
  /** The signal of the current connection run: aborting it cancels its requests. */
  readonly signal?: () => AbortSignal | undefined;
  /** The default timeout of each request (`REQUEST_TIMEOUT_MS` unless set). */
  readonly timeoutMs?: number;
  /** Paces requests (5 a second, `Retry-After` per host); none: no pacing. */
  readonly gate?: RequestGate;
}

export type QueryValue = string | number | boolean | undefined;

export interface RequestOptions<T> {
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
  /** Sent as `application/x-www-form-urlencoded` instead of a JSON `body` (the OAuth token endpoint). */
  readonly form?: Readonly<Record<string, string>>;
  /** No `Authorization` header (the OAuth token endpoint authenticates the client instead). */
  readonly anonymous?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
  /** Validates the JSON body (`undefined` when the body is empty). */
  readonly parse: (json: unknown) => Result<T>;
  /** Give up after this long (default `REQUEST_TIMEOUT_MS`). */
  readonly timeoutMs?: number;
}

export interface HttpResponse<T> {
  readonly value: T;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
}

export interface HttpClient {
  request<T>(method: string, url: string, options: RequestOptions<T>): Promise<T>;
  /** Like `request`, with the status and headers (for `etag`, 304). */
  send<T>(method: string, url: string, options: RequestOptions<T>): Promise<HttpResponse<T>>;
}

const DEFAULT_RETRY_AFTER_MS = 60_000;
/** Answers whose `Retry-After` holds every request to that host, not just the one retried. */
const HOLDING_STATUSES = new Set([423, 429, 503]);

/** No Webex request may hang longer than this (docs/protocol.md §7). */
const REQUEST_TIMEOUT_MS = 15_000;
const MIN_RETRY_AFTER_MS = 5_000;
const MAX_RETRY_AFTER_MS = 3_600_000;

/**
 * `Retry-After` in seconds (or an HTTP date); 60 s when missing or nonsense, and always between
 * 5 s (a server asking for less would have us hammer it) and 1 h.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number {
  if (header === null || header.trim() === '') return DEFAULT_RETRY_AFTER_MS;
  const seconds = Number(header.trim());
  let ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  if (!Number.isFinite(ms) || ms <= 0) ms = DEFAULT_RETRY_AFTER_MS;
  return Math.min(Math.max(ms, MIN_RETRY_AFTER_MS), MAX_RETRY_AFTER_MS);
}

function withQuery(url: string, query: Readonly<Record<string, QueryValue>> | undefined): string {
  if (query === undefined) return url;
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) parsed.searchParams.set(key, String(value));
  }
  return parsed.toString();
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function serverMessage(json: unknown): string | undefined {
  if (!isRecord(json)) return undefined;
  if (typeof json['message'] === 'string' && json['message'] !== '') return json['message'];
  // OAuth endpoints answer RFC 6749 errors: {"error": "invalid_grant", "error_description": …}.
  if (typeof json['error_description'] === 'string') return json['error_description'];
  if (typeof json['error'] === 'string') return json['error'];
  const first = Array.isArray(json['errors']) ? json['errors'][0] : undefined;
  if (isRecord(first) && typeof first['description'] === 'string') return first['description'];
  return undefined;
}

function httpError(status: number, headers: ResponseLike['headers'], json: unknown): WebexError {
  const { kind, message } = describeHttpStatus(status);
  const fromBody = isRecord(json) && typeof json['trackingId'] === 'string';
  const trackingId = fromBody ? String(json['trackingId']) : headers.get('trackingid');
  const said = serverMessage(json);
  const retryHeader = headers.get('retry-after');
  // Rate limits always get a wait (a default one without the header); others only when told.
  const retryAfterMs =
    kind === 'rate-limited' || retryHeader !== null ? parseRetryAfter(retryHeader) : undefined;
  return new WebexError(
    kind,
    said === undefined ? message : t('webex_error_server_said', [message, said]),
    {
      status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      ...(trackingId === null ? {} : { trackingId }),
      ...(said === undefined ? {} : { serverMessage: said }),
    },
  );
}

function newSessionId(): string {
  return globalThis.crypto.randomUUID();
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const session = `presence-lens_${newSessionId()}`;
  // Called unbound: a browser's `fetch` throws "Illegal invocation" when called as `options.fetch()`.
  const fetchFn = options.fetch;
  let counter = 0;

  async function send<T>(
    method: string,
    url: string,
    request: RequestOptions<T>,
  ): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      trackingid: `${session}_${++counter}`,
    };
    if (request.anonymous !== true) {
      headers['authorization'] = `Bearer ${await accessToken(options.getToken)}`;
      const deviceUrl = options.deviceUrl?.();
      if (deviceUrl !== undefined) headers['cisco-device-url'] = deviceUrl;
    }
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    Object.assign(headers, request.headers);
    const where = `${method} ${pathOf(url)}`;
    const target = withQuery(url, request.query);
    const allowed = checkTokenUrl(target, options.audience);
    if (!allowed.ok) throw new WebexError('refused-url', allowed.error);
    const host = allowed.value.host;
    await options.gate?.pass(host);

    const timeoutMs = request.timeoutMs ?? options.timeoutMs ?? REQUEST_TIMEOUT_MS;
    const run = options.signal?.();
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: ResponseLike;
    let text: string;
    try {
      // A redirect could carry the token elsewhere: Webex APIs never redirect, so it is an error.
      const init: RequestInit = {
        method,
        headers,
        redirect: 'error',
        signal: run === undefined ? timeout : AbortSignal.any([run, timeout]),
      };
      if (request.body !== undefined) init.body = JSON.stringify(request.body);
      if (request.form !== undefined) init.body = new URLSearchParams(request.form).toString();
      response = await fetchFn(target, init);
      text = await response.text();
    } catch (error) {
      if (run?.aborted === true) throw new WebexError('cancelled', `Cancelled (${where}).`);
      if (timeout.aborted) {
        throw new WebexError(
          'network',
          t('webex_error_timeout', [String(timeoutMs / 1000), where]),
        );
      }
      throw new WebexError(
        'network',
        t('webex_error_unreachable_request', [where, reasonOf(error)]),
      );
    }

    let json: unknown = undefined;
    let jsonError: string | undefined;
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        jsonError = t('webex_error_not_json', where);
      }
    }
    if (response.status < 200 || (response.status >= 300 && response.status !== 304)) {
      const error = httpError(response.status, response.headers, json);
      if (error.retryAfterMs !== undefined && HOLDING_STATUSES.has(response.status)) {
        options.gate?.holdHost(host, error.retryAfterMs);
      }
      throw error;
    }
    if (jsonError !== undefined) {
      throw new WebexError('bad-payload', jsonError, { status: response.status });
    }
    const parsed = request.parse(json);
    if (!parsed.ok) {
      throw new WebexError(
        'bad-payload',
        t('webex_error_unexpected_reply', [where, parsed.error]),
        { status: response.status },
      );
    }
    return { value: parsed.value, status: response.status, headers: response.headers };
  }

  return {
    send,
    request: async (method, url, request) => (await send(method, url, request)).value,
  };
}
