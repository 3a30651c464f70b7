/** What an accepted value must satisfy, shared by the property tests of several parsers. */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Composition } from '../../../src/core/composition';
import { ALL_PRESENCE_STATUSES, isPresenceStatus } from '../../../src/core/presence';
import type { Presence } from '../../../src/core/presence';
import { MAX_TIME_MS } from '../../../src/shared/presence-map';
import { KNOWN_WIRE_STATUSES } from '../../../src/core/wire-status';

/** The latest time a `Date` can hold (ECMA-262 §21.4.1.22), in UTC ms. */
export const MAX_DATE_MS = 8.64e15;
export const YEAR_S = 365 * 24 * 3600;

export function expectComposition(c: Composition): void {
  expect(typeof c.subject).toBe('string');
  expect(c.subject).not.toBe('');
  expect(c.subject).toBe(c.subject.toLowerCase());
  if (c.status !== undefined) expect(typeof c.status).toBe('string');
  if (c.customStatus !== undefined) expect(typeof c.customStatus).toBe('string');
  for (const time of [c.lastActiveTime, c.expiresTime]) {
    if (time === undefined) continue;
    expect(Number.isFinite(time)).toBe(true);
    expect(time).toBeGreaterThan(0);
    expect(time).toBeLessThanOrEqual(MAX_DATE_MS);
  }
  if (c.expiresTTL !== undefined) {
    expect(Number.isFinite(c.expiresTTL)).toBe(true);
    expect(c.expiresTTL).toBeGreaterThanOrEqual(-1);
    expect(c.expiresTTL).toBeLessThanOrEqual(YEAR_S);
  }
}

/** RFC3339 in UTC ms precision, between 1971 and 2200. */
export const rfc3339: fc.Arbitrary<{ text: string; ms: number }> = fc
  .integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2200, 0, 1) })
  .map((ms) => ({ text: new Date(ms).toISOString(), ms }));

/** A wire status no mapping knows (compared the way the mapping compares). */
export const unknownWireStatus: fc.Arbitrary<string> = fc
  .oneof(fc.string(), fc.constantFrom('away_from_desk', 'BRB', 'focus', 'offline', 'ACTIVE!'))
  .filter((s) => !KNOWN_WIRE_STATUSES.some((k) => k.toLowerCase() === s.trim().toLowerCase()));

/** Wire statuses: what the JS SDK and the emulator send, plus unknown ones. */
export const wireStatus: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'active',
    'inactive',
    'dnd',
    'ooo',
    'call',
    'meeting',
    'presenting',
    'calendarItem',
    'clear',
    'quiet',
    'busy',
    ...KNOWN_WIRE_STATUSES,
  ),
  unknownWireStatus,
);

export interface ValidComposition {
  readonly wire: Record<string, unknown>;
  readonly expected: Composition;
}

/** A composition as Apheleia sends it, and what parsing it must give. */
export const validComposition: fc.Arbitrary<ValidComposition> = fc
  .record(
    {
      subject: fc.uuid(),
      status: wireStatus,
      customStatus: fc.string(),
      lastActive: rfc3339,
      expiresTime: rfc3339,
      expiresTTL: fc.integer({ min: -1, max: YEAR_S }),
    },
    { requiredKeys: ['subject'] },
  )
  .map((r) => ({
    wire: {
      subject: r.subject.toUpperCase(),
      ...(r.status === undefined ? {} : { status: r.status }),
      ...(r.customStatus === undefined ? {} : { customStatus: r.customStatus }),
      ...(r.lastActive === undefined ? {} : { lastActive: r.lastActive.text }),
      ...(r.expiresTime === undefined ? {} : { expiresTime: r.expiresTime.text }),
      ...(r.expiresTTL === undefined ? {} : { expiresTTL: r.expiresTTL }),
    },
    expected: {
      subject: r.subject.toLowerCase(),
      ...(r.status === undefined ? {} : { status: r.status }),
      ...(r.customStatus === undefined ? {} : { customStatus: r.customStatus }),
      ...(r.lastActive === undefined ? {} : { lastActiveTime: r.lastActive.ms }),
      ...(r.expiresTime === undefined ? {} : { expiresTime: r.expiresTime.ms }),
      ...(r.expiresTTL === undefined ? {} : { expiresTTL: r.expiresTTL }),
    },
  }));

const time = fc.integer({ min: 0, max: MAX_TIME_MS });

export function expectPresence(p: Presence): void {
  expect(typeof p.contactId).toBe('string');
  expect(isPresenceStatus(p.status)).toBe(true);
  expect(typeof p.customStatus).toBe('string');
  for (const t of [p.lastActiveTime, p.expiresTime]) {
    expect(Number.isFinite(t)).toBe(true);
    expect(t).toBeGreaterThanOrEqual(0);
    expect(t).toBeLessThanOrEqual(MAX_TIME_MS);
  }
}

export const validPresence: fc.Arbitrary<Presence> = fc.record({
  contactId: fc.string({ minLength: 1 }),
  status: fc.constantFrom(...ALL_PRESENCE_STATUSES),
  customStatus: fc.string(),
  lastActiveTime: time,
  expiresTime: time,
});
