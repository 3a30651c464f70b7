/**
 * Small validators for message payloads, composed into records: each turns `unknown` into a
 * typed value or says what is wrong with it, and never throws. Extra fields are dropped.
 */
import { err, ok, type Result } from '../core/result';
import { isRecord, isString } from '../core/json-guards';

export type Guard<T> = (raw: unknown) => Result<T>;

/** What a record of guards reads as. */
export type Guarded<S extends Readonly<Record<string, Guard<unknown>>>> = {
  readonly [K in keyof S]: S[K] extends Guard<infer T> ? T : never;
};

/** Text of at most `max` characters (a message is a bounded thing, whatever a page sends). */
export const text =
  (max = 10_000): Guard<string> =>
  (raw) =>
    isString(raw) && raw.length <= max ? ok(raw) : err(`needs text of at most ${max} characters`);

export const flag: Guard<boolean> = (raw) =>
  typeof raw === 'boolean' ? ok(raw) : err('needs true or false');

export const safeInteger: Guard<number> = (raw) =>
  Number.isSafeInteger(raw) ? ok(raw as number) : err('needs a whole number');

/** A list of `min` to `max` entries, each read by `item` (the first bad one is the error). */
export function listOf<T>(item: Guard<T>, max: number, min = 0): Guard<T[]> {
  return (raw) => {
    if (!Array.isArray(raw)) return err('needs a list');
    if (raw.length < min || raw.length > max) return err(`needs ${min} to ${max} entries`);
    const values: T[] = [];
    // An index loop: a sparse array's holes read as undefined and are rejected.
    for (let i = 0; i < raw.length; i++) {
      const value = item(raw[i]);
      if (!value.ok) return err(`entry ${i + 1} ${value.error}`);
      values.push(value.value);
    }
    return ok(values);
  };
}

/** A record with exactly these fields read; the error names the first field that is wrong. */
export function fields<S extends Readonly<Record<string, Guard<unknown>>>>(
  shape: S,
): Guard<Guarded<S>> {
  return (raw) => {
    if (!isRecord(raw)) return err('needs an object');
    const value: Record<string, unknown> = {};
    for (const [name, guard] of Object.entries(shape)) {
      const present = Object.hasOwn(raw, name);
      const field = guard(present ? raw[name] : undefined);
      if (!field.ok) return err(present ? `${name} ${field.error}` : `${name} is missing`);
      value[name] = field.value;
    }
    return ok(value as Guarded<S>);
  };
}

/** A field that is checked when present: absent reads as undefined. */
export function optional<T>(guard: Guard<T>): Guard<T | undefined> {
  return (raw) => (raw === undefined ? ok(undefined) : guard(raw));
}

/** Checks what `guard` accepts and reads it as `map` turns it. */
export function mapped<A, B>(guard: Guard<A>, map: (value: A) => Result<B>): Guard<B> {
  return (raw) => {
    const value = guard(raw);
    return value.ok ? map(value.value) : value;
  };
}
