import { HttpError } from './http-error.js';
import type { Request } from './http.js';

// Body checks that throw 400 with a message naming the offending field.

export type JsonObject = Record<string, unknown>;

export function expectObject(value: unknown, what = 'Request body'): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, `${what} must be a JSON object`);
  }
  return value as JsonObject;
}

/** A body that may be left out entirely: no body reads as `{}`, anything else must be an object. */
export async function optionalBody(req: Request): Promise<JsonObject> {
  const raw = await req.json();
  return raw === undefined ? {} : expectObject(raw);
}

/** 400 for any key of `obj` outside `known`, naming the known ones. */
export function rejectUnknownKeys(obj: JsonObject, known: readonly string[], what: string): void {
  const unknown = Object.keys(obj).filter((k) => !known.includes(k));
  if (unknown.length > 0) {
    throw new HttpError(
      400,
      `Unknown key(s) in ${what}: ${unknown.join(', ')}; known: ${known.join(', ')}`,
    );
  }
}

export function optionalString(obj: JsonObject, key: string): string | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new HttpError(400, `"${key}" must be a string`);
  return value;
}

export function requiredString(obj: JsonObject, key: string): string {
  const value = optionalString(obj, key);
  if (value === undefined || value.trim() === '') {
    throw new HttpError(400, `"${key}" is required and must be a non-empty string`);
  }
  return value;
}

export function optionalBoolean(obj: JsonObject, key: string): boolean | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new HttpError(400, `"${key}" must be a boolean`);
  return value;
}

interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

export function optionalNumber(
  obj: JsonObject,
  key: string,
  rule: NumberRule = {},
): number | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.max === undefined || value <= rule.max);
  if (!ok) {
    const kind = rule.integer ? 'an integer' : 'a number';
    const range = [
      rule.min !== undefined ? `>= ${rule.min}` : '',
      rule.max !== undefined ? `<= ${rule.max}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    throw new HttpError(400, `"${key}" must be ${kind}${range ? ` ${range}` : ''}`);
  }
  return value;
}

/** The longest status ttl the emulator accepts: one year, in seconds. */
export const MAX_TTL_SECONDS = 365 * 24 * 60 * 60;

/** A status ttl in seconds, 0 to one year, so its expiry is always a representable date. */
export function optionalTtl(obj: JsonObject, key = 'ttl'): number | undefined {
  return optionalNumber(obj, key, { min: 0, max: MAX_TTL_SECONDS });
}

/** The largest |epoch ms| a JavaScript Date can hold (ECMA-262 §21.4.1.1). */
const MAX_DATE_MS = 8.64e15;

/** An ISO date string or epoch milliseconds that converts back to an ISO string. */
export function optionalDate(obj: JsonObject, key: string): number | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  const ms =
    typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS || !isIsoConvertible(ms)) {
    throw new HttpError(
      400,
      `"${key}" must be an ISO date string or epoch milliseconds between -${MAX_DATE_MS} and ${MAX_DATE_MS}`,
    );
  }
  return ms;
}

function isIsoConvertible(ms: number): boolean {
  try {
    new Date(ms).toISOString();
    return true;
  } catch {
    return false;
  }
}

export function stringArray(obj: JsonObject, key: string): string[] {
  const value = obj[key];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) {
    throw new HttpError(400, `"${key}" must be an array of non-empty strings`);
  }
  return value as string[];
}
