/**
 * Hostile inputs shared by the property tests: any JSON or JS value, prototype keys as own
 * properties, one field of a valid value swapped for nonsense, odd numbers, huge strings and deep
 * nesting. Everything is built without recursion, so only the code under test can overflow.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Numbers that break careless arithmetic and `new Date(...)`. */
export const WEIRD_NUMBERS: readonly number[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  -1,
  0.5,
  -0.5,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER,
  8.64e15,
  8.64e15 + 1,
  1e16,
  -1e16,
  2 ** 31,
  2 ** 53,
  1e21,
];

export const weirdNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...WEIRD_NUMBERS),
  fc.double(),
  fc.integer(),
);

/** Keys that name our fields, prototype keys, and any other string. */
const hostileKey = (fields: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...PROTO_KEYS),
    ...(fields.length > 0 ? [fc.constantFrom(...fields)] : []),
    fc.string({ maxLength: 8 }),
  );

/** Every kind of JS value fast-check makes: null prototypes, boxed values, sparse arrays, ... */
export function anything(fields: readonly string[] = []): fc.Arbitrary<unknown> {
  return fc.anything({
    key: hostileKey(fields),
    values: [
      fc.boolean(),
      weirdNumber,
      fc.string(),
      fc.constant(null),
      fc.constant(undefined),
      fc.constantFrom(...fields, 'active', 'https://a.example', 'ws://a.example'),
    ],
    withObjectString: true,
    withNullPrototype: true,
    withBoxedValues: true,
    withSparseArray: true,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    maxDepth: 4,
  });
}

/** A value a field must never be accepted as, whatever its type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  weirdNumber,
  fc.constantFrom<unknown>(null, undefined, '', ' ', true, false, [], {}, [undefined], [1, 'a']),
  fc.string(),
  // Sparse arrays: `every` and friends skip the holes.
  fc.constant(new Array<unknown>(3)),
  fc.constant(Object.create(null) as unknown),
  fc.constant(Object.assign(Object.create({ inherited: 'x' }) as object, { own: 1 }) as unknown),
);

/** Any JSON text, most of it objects. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(hostileKey([]), fc.jsonValue({ maxDepth: 2 })),
);

type Path = ReadonlyArray<string | number>;

/** The paths of every plain object and array inside `value` (the root included). */
function containerPaths(value: unknown): Path[] {
  const paths: Path[] = [];
  const stack: Array<{ value: unknown; path: Path }> = [{ value, path: [] }];
  while (stack.length > 0 && paths.length < 200) {
    const { value: node, path } = stack.pop()!;
    if (Array.isArray(node)) {
      paths.push(path);
      node.forEach((child, i) => stack.push({ value: child, path: [...path, i] }));
    } else if (typeof node === 'object' && node !== null) {
      paths.push(path);
      for (const [key, child] of Object.entries(node)) {
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return paths;
}

/** A structural copy of plain JSON-like data, keeping own `__proto__` keys as own keys. */
function copyOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyOf);
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) setOwn(copy, key, copyOf(child));
  return copy;
}

/** `target[key] = value` as an own data property, even for `__proto__` (as JSON.parse does). */
export function setOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function containerAt(root: unknown, path: Path): Record<string | number, unknown> {
  let node = root;
  for (const step of path) node = (node as Record<string | number, unknown>)[step];
  return node as Record<string | number, unknown>;
}

export type Edit =
  | { readonly kind: 'set'; readonly key: string | number | null; readonly value: unknown }
  | { readonly kind: 'delete'; readonly key: string | number | null };

/**
 * A valid value with one thing changed somewhere inside it: a field (or list item) swapped for a
 * hostile value, a field removed, or a prototype key added as an own property.
 */
export function mutated<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return valid.chain((original) => {
    const paths = containerPaths(original);
    if (paths.length === 0) return fc.constant<unknown>(original);
    const edit: fc.Arbitrary<Edit> = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.constant(null), value: hostileValue }),
      fc.record({ kind: fc.constant('delete' as const), key: fc.constant(null) }),
      fc.record({
        kind: fc.constant('set' as const),
        key: fc.constantFrom(...PROTO_KEYS),
        value: fc.oneof(fc.constant({ polluted: 'yes' }), fc.constant(copyOf(original))),
      }),
    );
    return fc.tuple(fc.constantFrom(...paths), edit, fc.nat()).map(([path, change, pick]) => {
      const copy = copyOf(original);
      const target = containerAt(copy, path);
      const keys: Array<string | number> = Array.isArray(target)
        ? target.map((_, i) => i)
        : Object.keys(target);
      const key = change.key ?? keys[pick % Math.max(1, keys.length)];
      if (key === undefined) return copy;
      if (change.kind === 'delete') {
        if (Array.isArray(target)) target.splice(Number(key), 1);
        else delete target[key];
      } else {
        setOwn(target, key, change.value);
      }
      return copy;
    });
  });
}

/** `[[[...x...]]]`, `depth` deep, built with a loop. */
export function deepArray(depth: number, leaf: unknown = 'x'): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** `{key: {key: ... leaf}}`, `depth` deep, built with a loop. */
export function deepObject(depth: number, key = 'data', leaf: unknown = 'x'): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = { [key]: value };
  return value;
}

export const DEPTH = 10_000;
export const MEGABYTE = 1 << 20;

/** A 1 MB string of `unit` repeated. */
export const huge = (unit = 'a'): string => unit.repeat(Math.ceil(MEGABYTE / unit.length));

/** JSON objects with a prototype key as an own property, the way JSON.parse makes them. */
export function protoJson(payload: unknown): unknown[] {
  const inner = JSON.stringify(payload);
  return PROTO_KEYS.map((key) => JSON.parse(`{"${key}": ${inner}}`) as unknown);
}

/** Nothing reached `Object.prototype`. */
export function expectNoPollution(): void {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
}

/**
 * Every object inside a parser's output is a plain object or array (or has a null prototype), and
 * none has an enumerable inherited key: a parser must not hand back a value whose fields come
 * from a prototype the input chose.
 */
export function expectPlainOutput(value: unknown): void {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    const proto: unknown = Object.getPrototypeOf(node);
    if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) {
      // Class instances a parser may return on purpose (an Error) are not walked.
      if (node instanceof Error) continue;
      expect.fail(`output holds an object with an unexpected prototype: ${String(proto)}`);
    }
    const own = new Set(Object.keys(node));
    for (const key in node) {
      if (!own.has(key)) expect.fail(`output has an inherited key "${key}"`);
    }
    for (const key of Object.keys(node)) stack.push((node as Record<string, unknown>)[key]);
  }
}
