import { HttpError } from './http-error.js';
import type { Request } from './http.js';
import { OAuthError } from './oauth-error.js';

/** OAuth parameters by name; each may appear once (RFC 6749 §3.1, §3.2). */
export type OAuthParams = ReadonlyMap<string, string>;

function fromPairs(pairs: Iterable<[string, string]>): OAuthParams {
  const params = new Map<string, string>();
  for (const [name, value] of pairs) {
    if (params.has(name))
      throw new OAuthError('invalid_request', `"${name}" is given more than once`);
    params.set(name, value);
  }
  return params;
}

/** The query of /v1/authorize. */
export function queryParams(query: URLSearchParams): OAuthParams {
  return fromPairs(query.entries());
}

const mediaType = (req: Request): string =>
  String(req.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase() ?? '';

/** A form-encoded body, as Webex takes it, or a JSON object of strings; empty: no params. */
export async function bodyParams(req: Request): Promise<OAuthParams> {
  const type = mediaType(req);
  if (type === 'application/x-www-form-urlencoded') {
    return fromPairs(new URLSearchParams(await req.text()).entries());
  }
  if (type === 'application/json') {
    let body: unknown;
    try {
      body = await req.json();
    } catch (err) {
      if (err instanceof HttpError && err.status === 400) {
        throw new OAuthError('invalid_request', 'The body is not valid JSON');
      }
      throw err;
    }
    if (body === undefined) return new Map();
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new OAuthError('invalid_request', 'A JSON body must be an object of strings');
    }
    const entries = Object.entries(body);
    const bad = entries.find(([, v]) => typeof v !== 'string');
    if (bad) throw new OAuthError('invalid_request', `"${bad[0]}" must be a string`);
    return fromPairs(entries as [string, string][]);
  }
  throw new OAuthError(
    'invalid_request',
    `The body must be application/x-www-form-urlencoded (or application/json); got ${type || 'none'}`,
  );
}

/** The named parameters, or invalid_request naming the missing ones. */
export function required<K extends string>(params: OAuthParams, ...names: K[]): Record<K, string> {
  const missing = names.filter((n) => (params.get(n) ?? '') === '');
  if (missing.length > 0) {
    throw new OAuthError('invalid_request', `Missing parameter(s): ${missing.join(', ')}`);
  }
  return Object.fromEntries(names.map((n) => [n, params.get(n) ?? ''])) as Record<K, string>;
}
