import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './http-error.js';
import { uuidFromIdOrUuid } from './hydra-id.js';
import { DEFAULT_ACCESS_TOKEN_LIFETIME_S } from './oauth-store.js';
import type { JsonObject } from './validate.js';
import {
  expectObject,
  optionalBoolean,
  optionalNumber,
  optionalString,
  rejectUnknownKeys,
} from './validate.js';

export interface HttpFault {
  method: string; // 'GET', … or '*'
  path: string; // a stats pattern such as '/wdm/api/v1/devices/:id', or '*'
  /** The error status; optional only with `hang`, where it answers a request faults released. */
  status?: number;
  retryAfter?: number;
  /** Hold the request open, unanswered, until the client gives up or faults are cleared. */
  hang?: true;
  times?: number; // undefined = until cleared
}

export interface SubjectCode {
  code: 401 | 403 | 409;
  retry?: number;
}

export type PongMode = 'ok' | 'drop' | 'mismatch';

/** A parsed POST /_emu/faults body; validated completely before anything is applied. */
export interface FaultRequest {
  http: HttpFault[];
  pong?: PongMode;
  forgetDevices: boolean;
  /** One-shot: drop every Apheleia subscription now, silently; devices and sockets stay. */
  loseSubscriptions: boolean;
  subjectCodes: Map<string, SubjectCode>;
  revokeTokens: string[];
  /** undefined: leave as is; null: lift the limit; n: at most n devices per user. */
  maxDevices?: number | null;
  /** Catalog links to hand out instead of the emulator's own (a foreign host, say). */
  catalogLinks: Record<string, string>;
  /** /v1/authorize skips the consent page and redirects with a code at once. */
  oauthAutoApprove?: boolean;
  /** `expires_in` of access tokens issued from now on, in seconds. */
  accessTokenLifetime?: number;
}

export const KNOWN_KEYS = [
  'http',
  'pong',
  'forgetDevices',
  'loseSubscriptions',
  'subjectCodes',
  'revokeTokens',
  'maxDevices',
  'catalogLinks',
  'oauthAutoApprove',
  'accessTokenLifetime',
] as const;

/** The services whose catalog link `catalogLinks` may replace. */
export const CATALOG_SERVICES = ['wdm', 'apheleia', 'hydra', 'metrics'];

/** The longest `accessTokenLifetime`: one year, so expiry times stay representable. */
export const MAX_ACCESS_TOKEN_LIFETIME_S = 365 * 24 * 60 * 60;

const HTTP_FAULT_KEYS = ['method', 'path', 'status', 'retryAfter', 'hang', 'times'];
const SUBJECT_CODE_KEYS = ['code', 'retry'];

const isKnownKey = (key: string): boolean => (KNOWN_KEYS as readonly string[]).includes(key);

function parseMaxDevices(value: unknown): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new HttpError(400, '"maxDevices" must be an integer >= 0, or null to lift the limit');
  }
  return value;
}

export function parseFaultRequest(value: unknown): FaultRequest {
  const body = expectObject(value);
  const unknown = Object.keys(body).filter((k) => !isKnownKey(k));
  if (unknown.length > 0) {
    throw new HttpError(
      400,
      `Unknown fault knob(s): ${unknown.join(', ')}; known: ${KNOWN_KEYS.join(', ')}`,
    );
  }
  const pong = body.pong;
  if (pong !== undefined && pong !== 'ok' && pong !== 'drop' && pong !== 'mismatch') {
    throw new HttpError(400, '"pong" must be "ok", "drop" or "mismatch"');
  }
  const forgetDevices = optionalBoolean(body, 'forgetDevices') === true;
  const loseSubscriptions = optionalBoolean(body, 'loseSubscriptions') === true;
  const revoke = body.revokeTokens ?? [];
  if (!Array.isArray(revoke) || !revoke.every((t) => typeof t === 'string')) {
    throw new HttpError(400, '"revokeTokens" must be an array of strings');
  }
  const maxDevices = parseMaxDevices(body.maxDevices);
  const oauthAutoApprove = optionalBoolean(body, 'oauthAutoApprove');
  const accessTokenLifetime = optionalNumber(body, 'accessTokenLifetime', {
    integer: true,
    min: 1,
    max: MAX_ACCESS_TOKEN_LIFETIME_S,
  });
  return {
    http: parseHttpFaults(body.http),
    ...(pong !== undefined ? { pong } : {}),
    forgetDevices,
    loseSubscriptions,
    subjectCodes: parseSubjectCodes(body.subjectCodes),
    revokeTokens: revoke as string[],
    ...(maxDevices !== undefined ? { maxDevices } : {}),
    catalogLinks: parseCatalogLinks(body.catalogLinks),
    ...(oauthAutoApprove !== undefined ? { oauthAutoApprove } : {}),
    ...(accessTokenLifetime !== undefined ? { accessTokenLifetime } : {}),
  };
}

function parseCatalogLinks(value: unknown): Record<string, string> {
  if (value === undefined) return {};
  const obj = expectObject(value, '"catalogLinks"');
  rejectUnknownKeys(obj, CATALOG_SERVICES, '"catalogLinks"');
  const links: Record<string, string> = {};
  for (const service of CATALOG_SERVICES) {
    const url = obj[service];
    if (url === undefined) continue;
    if (typeof url !== 'string' || !/^https?:\/\/[^/]/.test(url)) {
      throw new HttpError(400, `catalogLinks.${service} must be an http(s) URL`);
    }
    links[service] = url;
  }
  return links;
}

function parseHttpFaults(value: unknown): HttpFault[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new HttpError(400, '"http" must be an array of faults');
  return value.map((item, i) => {
    const obj = expectObject(item, `http[${i}]`);
    rejectUnknownKeys(obj, HTTP_FAULT_KEYS, `http[${i}]`);
    const method = (optionalString(obj, 'method') ?? '*').toUpperCase();
    const path = optionalString(obj, 'path') ?? '*';
    if (path !== '*' && !path.startsWith('/')) {
      throw new HttpError(
        400,
        `http[${i}].path must start with "/" (e.g. "/v1/people/:id") or be "*"`,
      );
    }
    const hang = optionalBoolean(obj, 'hang') === true;
    const status = optionalNumber(obj, 'status', { integer: true, min: 400, max: 599 });
    const retryAfter = optionalNumber(obj, 'retryAfter', { integer: true, min: 0 });
    const times = optionalNumber(obj, 'times', { integer: true, min: 1 });
    if (status === undefined && !hang) {
      throw new HttpError(400, `http[${i}] needs "status" (400-599), "hang": true, or both`);
    }
    if (status === undefined && retryAfter !== undefined) {
      throw new HttpError(400, `http[${i}].retryAfter needs a "status" to go with it`);
    }
    return {
      method,
      path,
      ...(status !== undefined ? { status } : {}),
      ...(retryAfter !== undefined ? { retryAfter } : {}),
      ...(hang ? { hang: true as const } : {}),
      ...(times !== undefined ? { times } : {}),
    };
  });
}

function parseSubjectCodes(value: unknown): Map<string, SubjectCode> {
  const codes = new Map<string, SubjectCode>();
  if (value === undefined) return codes;
  for (const [key, raw] of Object.entries(expectObject(value, '"subjectCodes"'))) {
    const uuid = uuidFromIdOrUuid(key);
    if (uuid === undefined)
      throw new HttpError(400, `subjectCodes key "${key}" is not a uuid or person id`);
    const obj: JsonObject = expectObject(raw, `subjectCodes["${key}"]`);
    rejectUnknownKeys(obj, SUBJECT_CODE_KEYS, `subjectCodes["${key}"]`);
    const code = obj.code;
    if (code !== 401 && code !== 403 && code !== 409) {
      throw new HttpError(400, `subjectCodes["${key}"].code must be 401, 403 or 409`);
    }
    const retry = optionalNumber(obj, 'retry', { integer: true, min: 0 });
    codes.set(uuid, { code, ...(retry !== undefined ? { retry } : {}) });
  }
  return codes;
}

/** The error an HTTP fault with a status answers with. */
export function faultError(status: number, retryAfter?: number): HttpError {
  const retry: Record<string, string> =
    retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {};
  return new HttpError(status, `Emulated fault: ${status}`, retry);
}

/** Active faults. Knobs accumulate across POSTs until DELETE /_emu/faults or reset. */
export class Faults {
  http: HttpFault[] = [];
  pong: PongMode = 'ok';
  subjectCodes = new Map<string, SubjectCode>();
  revokedTokens = new Set<string>();
  maxDevices: number | undefined;
  catalogLinks: Record<string, string> = {};
  oauthAutoApprove = false;
  accessTokenLifetime = DEFAULT_ACCESS_TOKEN_LIFETIME_S;
  /** Release callbacks of requests a `hang` fault holds open. */
  private readonly held = new Set<() => void>();

  apply(request: FaultRequest): void {
    this.http.push(...request.http);
    if (request.pong) this.pong = request.pong;
    for (const [uuid, code] of request.subjectCodes) this.subjectCodes.set(uuid, code);
    for (const token of request.revokeTokens) this.revokedTokens.add(token);
    if (request.maxDevices !== undefined) this.maxDevices = request.maxDevices ?? undefined;
    Object.assign(this.catalogLinks, request.catalogLinks);
    if (request.oauthAutoApprove !== undefined) this.oauthAutoApprove = request.oauthAutoApprove;
    if (request.accessTokenLifetime !== undefined) {
      this.accessTokenLifetime = request.accessTokenLifetime;
    }
  }

  /**
   * Holds a request open without answering. Resolves true when faults are cleared (the request
   * may then be answered), false when the connection closes first: the client gave up or the
   * emulator stopped. Nothing stays registered once it resolves.
   */
  hold(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (res.destroyed || req.socket.destroyed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const settle = (released: boolean): void => {
        this.held.delete(release);
        res.off('close', onClose);
        resolve(released);
      };
      const release = (): void => settle(true);
      const onClose = (): void => settle(false);
      this.held.add(release);
      res.once('close', onClose);
    });
  }

  /** How many requests a `hang` fault holds open right now. */
  get heldCount(): number {
    return this.held.size;
  }

  /** The first matching HTTP fault, counting down its remaining `times`. */
  takeHttp(method: string, pattern: string): HttpFault | undefined {
    const index = this.http.findIndex(
      (f) => (f.method === '*' || f.method === method) && (f.path === '*' || f.path === pattern),
    );
    const fault = this.http[index];
    if (!fault) return undefined;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) this.http.splice(index, 1);
    }
    return fault;
  }

  clear(): void {
    this.http = [];
    this.pong = 'ok';
    this.subjectCodes.clear();
    this.revokedTokens.clear();
    this.maxDevices = undefined;
    this.catalogLinks = {};
    this.oauthAutoApprove = false;
    this.accessTokenLifetime = DEFAULT_ACCESS_TOKEN_LIFETIME_S;
    for (const release of [...this.held]) release();
  }

  toJson(): object {
    return {
      http: this.http,
      pong: this.pong,
      subjectCodes: Object.fromEntries(this.subjectCodes),
      revokeTokens: [...this.revokedTokens],
      maxDevices: this.maxDevices ?? null,
      catalogLinks: this.catalogLinks,
      oauthAutoApprove: this.oauthAutoApprove,
      accessTokenLifetime: this.accessTokenLifetime,
      heldRequests: this.heldCount,
    };
  }
}
