import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SUBSCRIPTION_UPDATE_EVENT,
  compositionToSourcePresence,
  parseComposition,
  parseSubscriptionUpdate,
} from '../../../src/core/composition';
import { PresenceStatus, isPresenceStatus } from '../../../src/core/presence';
import { formatLastActive, formatUntil } from '../../../src/core/time-format';
import { fuzzParser } from './fuzz-parser';
import { mutated } from './hostile';
import {
  MAX_DATE_MS,
  YEAR_S,
  expectComposition,
  unknownWireStatus,
  validComposition,
} from './invariants';
import { TIMEOUT_MS, check, reportRuns, titled } from './runs';

reportRuns('presence events (src/core/composition.ts)');

const FIELDS = [
  'subject',
  'status',
  'customStatus',
  'statusMessage',
  'lastActive',
  'expiresTime',
  'expiresTTL',
  'eventType',
];

const validUpdate = validComposition.map(({ wire, expected }) => ({
  input: { eventType: SUBSCRIPTION_UPDATE_EVENT, ...wire },
  expected,
}));

describe('parseComposition', () => {
  fuzzParser({
    name: 'parseComposition',
    parse: parseComposition,
    fields: FIELDS,
    valid: validComposition.map(({ wire, expected }) => ({ input: wire, expected })),
    invariant: expectComposition,
  });
});

describe('parseSubscriptionUpdate', () => {
  fuzzParser({
    name: 'parseSubscriptionUpdate',
    parse: parseSubscriptionUpdate,
    fields: FIELDS,
    valid: validUpdate,
    invariant: expectComposition,
  });

  it(
    titled('parseSubscriptionUpdate', 'takes an unknown status as Unknown, keeping the raw text'),
    () => {
      check(
        'parseSubscriptionUpdate',
        fc.property(validUpdate, unknownWireStatus, ({ input }, status) => {
          const parsed = parseSubscriptionUpdate({ ...input, status });
          if (!parsed.ok) expect.fail(parsed.error);
          expect(parsed.value.status).toBe(status);
          const presence = compositionToSourcePresence(parsed.value, Date.now());
          expect(presence.status).toBe(PresenceStatus.Unknown);
        }),
      );
    },
    TIMEOUT_MS,
  );
});

describe('compositionToSourcePresence', () => {
  const now = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });
  const accepted = fc
    .oneof(
      validComposition.map((v) => v.wire),
      mutated(validComposition.map((v) => v.wire)),
      fc.record({ subject: fc.uuid(), expiresTTL: fc.double() }),
    )
    .map(parseComposition)
    .filter((r) => r.ok)
    .map((r) => (r.ok ? r.value : { subject: 'x' }));

  it(
    titled('compositionToSourcePresence', 'gives a presence the UI can show, ending within a year'),
    () => {
      check(
        'compositionToSourcePresence',
        fc.property(accepted, now, (composition, at) => {
          const presence = compositionToSourcePresence(composition, at);
          expect(isPresenceStatus(presence.status)).toBe(true);
          expect(typeof presence.customStatus).toBe('string');
          for (const time of [presence.lastActiveTime, presence.expiresTime]) {
            expect(Number.isFinite(time)).toBe(true);
            expect(time).toBeGreaterThanOrEqual(0);
            expect(time).toBeLessThanOrEqual(MAX_DATE_MS);
          }
          expect(presence.expiresTime).toBeLessThanOrEqual(at + YEAR_S * 1000);
          expect(() => formatUntil(presence.expiresTime, at, 'en-GB')).not.toThrow();
          expect(() => formatLastActive(presence.lastActiveTime, at)).not.toThrow();
        }),
      );
    },
  );
});
