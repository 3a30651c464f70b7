import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './http-error.js';

export interface Request {
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; undefined when the body is empty. Malformed JSON throws 400. */
  json(): Promise<unknown>;
  /** The raw body as UTF-8 text ('' when empty), for form-encoded bodies. */
  text(): Promise<string>;
}

export interface Reply {
  status: number;
  body?: unknown; // JSON-encoded unless `html` or `file` is set
  html?: string;
  /** Any other body, sent as it is (an avatar image). */
  file?: { readonly contentType: string; readonly body: string };
  headers?: Record<string, string>;
}

export type Handler = (req: Request) => Reply | Promise<Reply>;

export interface Route {
  method: string;
  /** Also the key in /_emu/stats, e.g. '/wdm/api/v1/devices/:id'. */
  pattern: string;
  auth: boolean;
  handler: Handler;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});

/** The token of an `Authorization: Bearer <token>` value (HTTP header or Mercury auth message). */
export function bearerToken(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^Bearer\s+(.+)$/i.exec(value.trim())?.[1];
}

export function param(req: Request, name: string): string {
  const value = req.params[name];
  if (value === undefined) throw new HttpError(500, `route parameter ${name} missing`);
  return value;
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined; // a malformed %-escape: treat as no match (404), never throw
  }
}

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      if (g === '') return undefined;
      const decoded = safeDecode(g);
      if (decoded === undefined) return undefined;
      params[w.slice(1)] = decoded;
    } else if (w !== g) return undefined;
  }
  return params;
}

export interface RouteMatch {
  route?: Route;
  params: Record<string, string>;
  /** Set when only the method is wrong, so the caller can answer 405. */
  pattern?: string;
}

/** Finds the route; when only the method is wrong, reports the pattern so the caller can 405. */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  let pattern: string | undefined;
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pattern ??= route.pattern;
  }
  return pattern === undefined ? { params: {} } : { params: {}, pattern };
}

const MAX_BODY = 1024 * 1024;

export interface BodyReader {
  json(): Promise<unknown>;
  text(): Promise<string>;
}

/** Reads the body once; `json()` and `text()` share what was read. */
export function bodyReader(req: IncomingMessage): BodyReader {
  let cached: Promise<string> | undefined;
  const text = (): Promise<string> => (cached ??= readText(req));
  return { text, json: async () => parseJson(await text()) };
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY) throw new HttpError(413, 'Request body larger than 1 MiB');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new HttpError(400, `Malformed JSON body: ${(err as Error).message}`);
  }
}

const ORIGIN_RE =
  /^(chrome-extension|moz-extension):\/\/[^/]+$|^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;

export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (origin === undefined || !ORIGIN_RE.test(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET,POST,PUT,DELETE,OPTIONS',
    'access-control-allow-headers':
      'authorization,content-type,cisco-device-url,trackingid,if-none-match',
    'access-control-expose-headers': 'etag,retry-after,trackingid',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}

export function writeReply(res: ServerResponse, reply: Reply, extra: Record<string, string>): void {
  const headers: Record<string, string> = { ...extra, ...reply.headers };
  let payload: string | undefined;
  if (reply.html !== undefined) {
    headers['content-type'] = 'text/html; charset=utf-8';
    payload = reply.html;
  } else if (reply.file !== undefined) {
    headers['content-type'] = reply.file.contentType;
    payload = reply.file.body;
  } else if (reply.body !== undefined) {
    headers['content-type'] = 'application/json; charset=utf-8';
    payload = JSON.stringify(reply.body);
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}
