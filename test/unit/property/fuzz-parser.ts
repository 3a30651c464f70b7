/**
 * The standard battery for a `(raw: unknown) => Result<T>` parser: random and hostile values never
 * make it throw, what it accepts satisfies the type's invariants, valid values round-trip, and no
 * input reaches `Object.prototype`.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Result } from '../../../src/core/result';
import { TIMEOUT_MS, check, countFixed, titled } from './runs';
import {
  DEPTH,
  anything,
  deepArray,
  deepObject,
  expectNoPollution,
  expectPlainOutput,
  huge,
  mutated,
  protoJson,
  setOwn,
} from './hostile';

export interface ParserSpec<T> {
  readonly name: string;
  readonly parse: (raw: unknown) => Result<T>;
  /** Field names the parser reads, so random objects use them often. */
  readonly fields: readonly string[];
  /** Valid inputs, and the value each must parse to (undefined: only "accepted" is checked). */
  readonly valid: fc.Arbitrary<{ readonly input: unknown; readonly expected?: T }>;
  /** Throws (via `expect`) when an accepted value breaks the type's rules. */
  readonly invariant: (value: T, input: unknown) => void;
  /** Skip the plain-output check (for parsers that hand parts of the input on unchecked). */
  readonly opaqueOutput?: boolean;
}

function accepts<T>(spec: ParserSpec<T>, input: unknown): void {
  const result = spec.parse(input);
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) {
    spec.invariant(result.value, input);
    if (spec.opaqueOutput !== true) expectPlainOutput(result.value);
  } else {
    expect(typeof result.error).toBe('string');
  }
  expectNoPollution();
}

/** A handful of hand-built inputs: 10,000-deep nesting, 1 MB strings, prototype keys. */
function fixedInputs<T>(spec: ParserSpec<T>): unknown[] {
  const [sample] = fc.sample(spec.valid, { numRuns: 1, seed: 42 });
  const valid = sample?.input;
  const inputs: unknown[] = [
    deepArray(DEPTH),
    deepObject(DEPTH),
    JSON.parse('['.repeat(DEPTH) + ']'.repeat(DEPTH)) as unknown,
    ...protoJson({ polluted: 'yes' }),
    ...protoJson(valid ?? null),
  ];
  for (const field of spec.fields.slice(0, 4)) {
    inputs.push({ [field]: deepObject(DEPTH, field) }, { [field]: deepArray(DEPTH) });
  }
  if (typeof valid === 'object' && valid !== null && !Array.isArray(valid)) {
    for (const field of Object.keys(valid).slice(0, 4)) {
      const withHuge = { ...(valid as Record<string, unknown>) };
      setOwn(withHuge, field, huge());
      inputs.push(withHuge);
    }
  }
  return inputs;
}

/** Registers the battery as tests of the current `describe`. */
export function fuzzParser<T>(spec: ParserSpec<T>): void {
  it(
    titled(spec.name, 'never throws or accepts nonsense on any JS value'),
    () => {
      check(
        spec.name,
        fc.property(anything(spec.fields), (raw) => accepts(spec, raw)),
      );
    },
    TIMEOUT_MS,
  );

  it(
    titled(spec.name, 'never throws or accepts nonsense on a valid value with one field broken'),
    () => {
      check(
        spec.name,
        fc.property(mutated(spec.valid.map((v) => v.input)), (raw) => accepts(spec, raw)),
      );
    },
    TIMEOUT_MS,
  );

  it(
    titled(spec.name, 'accepts valid values and keeps their fields'),
    () => {
      check(
        spec.name,
        fc.property(spec.valid, ({ input, expected }) => {
          const result = spec.parse(input);
          if (!result.ok) expect.fail(`rejected a valid value: ${result.error}`);
          spec.invariant(result.value, input);
          if (expected !== undefined) expect(result.value).toEqual(expected);
        }),
      );
    },
    TIMEOUT_MS,
  );

  it(
    `${spec.name} survives 10,000-deep nesting, 1 MB strings and prototype keys`,
    () => {
      const inputs = fixedInputs(spec);
      for (const input of inputs) accepts(spec, input);
      countFixed(spec.name, inputs.length);
    },
    TIMEOUT_MS,
  );
}
