import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFrame } from '../../../src/webex/mercury-envelope';
import type { MercuryFrame } from '../../../src/webex/mercury-envelope';
import {
  DEPTH,
  anyJson,
  anything,
  expectNoPollution,
  expectPlainOutput,
  huge,
  mutated,
  PROTO_KEYS,
} from './hostile';
import { validComposition } from './invariants';
import { TIMEOUT_MS, check, countFixed, reportRuns, titled } from './runs';

reportRuns('Mercury frames (src/webex/mercury-envelope.ts)');

const NUMBERS = ['timestamp', 'wsWriteTimestamp'] as const;

function expectFrame(frame: MercuryFrame): void {
  if (frame.kind === 'control') {
    expect(typeof frame.type).toBe('string');
    if (frame.id !== undefined) expect(frame.id).not.toBe('');
    return;
  }
  const { envelope } = frame;
  expect(typeof envelope.data).toBe('object');
  expect(envelope.data).not.toBeNull();
  expect(Array.isArray(envelope.data)).toBe(false);
  if (envelope.id !== undefined) expect(envelope.id).not.toBe('');
  if (envelope.type !== undefined) expect(typeof envelope.type).toBe('string');
  if (envelope.trackingId !== undefined) expect(typeof envelope.trackingId).toBe('string');
  for (const key of NUMBERS) {
    const value = envelope[key];
    if (value !== undefined) expect(Number.isFinite(value)).toBe(true);
  }
}

function accepts(text: string): void {
  const received = parseFrame(text);
  if (received.id !== undefined) {
    expect(typeof received.id).toBe('string');
    expect(received.id).not.toBe('');
  }
  if (received.sequenceNumber !== undefined) {
    expect(Number.isSafeInteger(received.sequenceNumber)).toBe(true);
  }
  const result = received.frame;
  if (result.ok) {
    expectFrame(result.value);
    expectPlainOutput(result.value);
  } else {
    expect(typeof result.error).toBe('string');
    expect(result.error.length).toBeLessThan(200);
  }
  expectNoPollution();
}

/** A Mercury event carrying a presence update, as the JS SDK receives it. */
const validFrame = fc.record({
  id: fc.uuid(),
  trackingId: fc.string({ minLength: 1 }),
  timestamp: fc.integer({ min: 0, max: 2 ** 42 }),
  sequenceNumber: fc.nat(),
  wsWriteTimestamp: fc.integer({ min: 0, max: 2 ** 42 }),
  data: validComposition.map((c) => ({ eventType: 'apheleia.subscription_update', ...c.wire })),
});

/** `headers` paths aimed at prototypes, as the SDK's `data.a.b` header merge would follow them. */
const hostileHeaders = fc.dictionary(
  fc
    .array(fc.oneof(fc.constantFrom('data', ...PROTO_KEYS, ''), fc.string({ maxLength: 4 })), {
      minLength: 1,
      maxLength: 5,
    })
    .map((keys) => keys.join('.')),
  fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constant({ polluted: 'yes' })),
);

describe('parseFrame', () => {
  it(
    titled('parseFrame', 'never throws on arbitrary text'),
    () => {
      check(
        'parseFrame',
        fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), accepts),
      );
    },
    TIMEOUT_MS,
  );

  it(
    titled('parseFrame', 'never throws on arbitrary JSON text'),
    () => {
      check(
        'parseFrame',
        fc.property(fc.oneof(anyJson, anything(['data', 'headers', 'type', 'id'])), (value) => {
          let text: string | undefined;
          try {
            text = JSON.stringify(value);
          } catch {
            return; // BigInt and friends have no JSON text.
          }
          if (text !== undefined) accepts(text);
        }),
      );
    },
    TIMEOUT_MS,
  );

  it(
    titled('parseFrame', 'never throws on a valid event with one field broken'),
    () => {
      check(
        'parseFrame',
        fc.property(mutated(validFrame), (value) => accepts(JSON.stringify(value))),
      );
    },
    TIMEOUT_MS,
  );

  it(
    titled('parseFrame', 'merges any headers without reaching a prototype'),
    () => {
      check(
        'parseFrame',
        fc.property(validFrame, hostileHeaders, (frame, headers) => {
          // Built as text, so `__proto__` keys stay own keys the way the socket delivers them.
          const text = JSON.stringify(frame).replace(
            /}$/,
            `,"headers":${JSON.stringify(headers)}}`,
          );
          accepts(text);
        }),
      );
    },
    TIMEOUT_MS,
  );

  it(
    titled('parseFrame', 'keeps every field of a valid event'),
    () => {
      check(
        'parseFrame',
        fc.property(validFrame, (frame) => {
          const received = parseFrame(JSON.stringify(frame));
          if (!received.frame.ok) expect.fail(received.frame.error);
          const { sequenceNumber, ...envelope } = frame;
          expect(received).toStrictEqual({
            id: frame.id,
            sequenceNumber,
            frame: { ok: true, value: { kind: 'event', envelope } },
          });
        }),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'parseFrame survives 10,000-deep nesting, 1 MB strings and prototype keys',
    () => {
      const texts = [
        '['.repeat(DEPTH) + ']'.repeat(DEPTH),
        '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH),
        // Written as text: JSON.stringify itself recurses.
        `{"id":"x","data":{"a":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}}`,
        `{"id":"x","data":${'{"data":'.repeat(DEPTH)}{}${'}'.repeat(DEPTH)}}`,
        `{"id":"x","data":{},"headers":{"${'data.'.repeat(DEPTH)}x":1}}`,
        JSON.stringify({ id: 'x', data: { eventType: 'e' }, headers: { [huge('a.')]: 1 } }),
        JSON.stringify({ id: huge(), type: huge(), data: { eventType: huge() } }),
        huge(),
        huge('{'),
        '{"data":{},"headers":{"__proto__.polluted":"yes","data.__proto__.polluted":"yes"}}',
        '{"data":{},"headers":{"constructor.prototype.polluted":"yes"}}',
        '{"data":{"__proto__":{"polluted":"yes"}},"headers":{"__proto__":{"polluted":"yes"}}}',
        '{"__proto__":{"polluted":"yes"},"data":{}}',
      ];
      for (const text of texts) accepts(text);
      countFixed('parseFrame', texts.length);
    },
    TIMEOUT_MS,
  );
});
