import { HttpError } from './http-error.js';
import { uuidFromIdOrUuid } from './hydra-id.js';
import type { JsonObject } from './validate.js';
import { expectObject, optionalNumber, optionalString } from './validate.js';

export interface HttpFault {
  method: string; // 'GET', … or '*'
  path: string; // a stats pattern such as '/wdm/api/v1/devices/:id', or '*'
  status: number;
  retryAfter?: number;
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
  subjectCodes: Map<string, SubjectCode>;
  revokeTokens: string[];
}

const KNOWN_KEYS = ['http', 'pong', 'forgetDevices', 'subjectCodes', 'revokeTokens'];

export function parseFaultRequest(value: unknown): FaultRequest {
  const body = expectObject(value);
  const unknown = Object.keys(body).filter((k) => !KNOWN_KEYS.includes(k));
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
  if (body.forgetDevices !== undefined && typeof body.forgetDevices !== 'boolean') {
    throw new HttpError(400, '"forgetDevices" must be a boolean');
  }
  const revoke = body.revokeTokens ?? [];
  if (!Array.isArray(revoke) || !revoke.every((t) => typeof t === 'string')) {
    throw new HttpError(400, '"revokeTokens" must be an array of strings');
  }
  return {
    http: parseHttpFaults(body.http),
    ...(pong !== undefined ? { pong } : {}),
    forgetDevices: body.forgetDevices === true,
    subjectCodes: parseSubjectCodes(body.subjectCodes),
    revokeTokens: revoke as string[],
  };
}

function parseHttpFaults(value: unknown): HttpFault[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new HttpError(400, '"http" must be an array of faults');
  return value.map((item, i) => {
    const obj = expectObject(item, `http[${i}]`);
    const method = (optionalString(obj, 'method') ?? '*').toUpperCase();
    const path = optionalString(obj, 'path') ?? '*';
    if (path !== '*' && !path.startsWith('/')) {
      throw new HttpError(
        400,
        `http[${i}].path must start with "/" (e.g. "/v1/people/:id") or be "*"`,
      );
    }
    const status = optionalNumber(obj, 'status', { integer: true, min: 400, max: 599 });
    if (status === undefined) throw new HttpError(400, `http[${i}].status is required (400-599)`);
    const retryAfter = optionalNumber(obj, 'retryAfter', { integer: true, min: 0 });
    const times = optionalNumber(obj, 'times', { integer: true, min: 1 });
    return {
      method,
      path,
      status,
      ...(retryAfter !== undefined ? { retryAfter } : {}),
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
    const code = obj.code;
    if (code !== 401 && code !== 403 && code !== 409) {
      throw new HttpError(400, `subjectCodes["${key}"].code must be 401, 403 or 409`);
    }
    const retry = optionalNumber(obj, 'retry', { integer: true, min: 0 });
    codes.set(uuid, { code, ...(retry !== undefined ? { retry } : {}) });
  }
  return codes;
}

/** Active faults. Knobs accumulate across POSTs until DELETE /_emu/faults or reset. */
export class Faults {
  http: HttpFault[] = [];
  pong: PongMode = 'ok';
  subjectCodes = new Map<string, SubjectCode>();
  revokedTokens = new Set<string>();

  apply(request: FaultRequest): void {
    this.http.push(...request.http);
    if (request.pong) this.pong = request.pong;
    for (const [uuid, code] of request.subjectCodes) this.subjectCodes.set(uuid, code);
    for (const token of request.revokeTokens) this.revokedTokens.add(token);
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
  }

  toJson(): object {
    return {
      http: this.http,
      pong: this.pong,
      subjectCodes: Object.fromEntries(this.subjectCodes),
      revokeTokens: [...this.revokedTokens],
    };
  }
}
