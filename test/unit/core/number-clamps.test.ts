import { describe, expect, it } from 'vitest';
import { base64Decode, base64UrlEncodeAscii } from '../../../src/core/base64';
import {
  MAX_EXPIRY_S,
  clampExpiresTime,
  clampExpiresTtl,
  compositionToSourcePresence,
  parseComposition,
  parseSubscriptionUpdate,
} from '../../../src/core/composition';
import { PresenceStatus } from '../../../src/core/presence';
import { formatAge, formatLastActive, formatUntil } from '../../../src/core/time-format';
import { parsePresence, parsePresenceMap } from '../../../src/shared/presence-map';

const NOW = Date.UTC(2025, 11, 1, 10);
const YEAR_MS = MAX_EXPIRY_S * 1000;

describe('expiry clamps', () => {
  it('clamps expiresTTL to -1 (no known expiry) .. a year', () => {
    expect(clampExpiresTtl(300)).toBe(300);
    expect(clampExpiresTtl(1e308)).toBe(MAX_EXPIRY_S);
    expect(clampExpiresTtl(-1)).toBe(-1);
    expect(clampExpiresTtl(-7)).toBe(-1);
  });

  it('ends a status at most a year from now, keeping 0 as "no known end"', () => {
    expect(clampExpiresTime(NOW + 60_000, NOW)).toBe(NOW + 60_000);
    expect(clampExpiresTime(8.64e15, NOW)).toBe(NOW + YEAR_MS);
    expect(clampExpiresTime(0, NOW)).toBe(0);
    expect(clampExpiresTime(-5, NOW)).toBe(0);
  });

  it('turns an absurd expiresTTL into a presence the popup can format', () => {
    const parsed = parseComposition({ subject: 'u', status: 'dnd', expiresTTL: 1e300 });
    if (!parsed.ok) expect.fail(parsed.error);
    expect(parsed.value.expiresTTL).toBe(MAX_EXPIRY_S);
    const presence = compositionToSourcePresence(parsed.value, NOW);
    expect(presence.expiresTime).toBe(NOW + YEAR_MS);
    expect(formatUntil(presence.expiresTime, NOW, 'en-GB')).toMatch(/^until /);
  });

  it('caps an expiresTime in the year 9999 at a year from now', () => {
    const parsed = parseComposition({ subject: 'u', expiresTime: '9999-12-31T23:59:59Z' });
    if (!parsed.ok) expect.fail(parsed.error);
    expect(compositionToSourcePresence(parsed.value, NOW).expiresTime).toBe(NOW + YEAR_MS);
  });

  it('treats times before 1970 as absent (0 means unknown downstream)', () => {
    const parsed = parseComposition({ subject: 'u', lastActive: '0000-01-01T00:00:00Z' });
    expect(parsed.ok && parsed.value.lastActiveTime).toBeUndefined();
  });
});

describe('presence events with hostile fields', () => {
  it('maps an unknown status to Unknown and keeps the raw text for the log', () => {
    const parsed = parseSubscriptionUpdate({
      eventType: 'apheleia.subscription_update',
      subject: 'u',
      status: 'focusMode',
    });
    if (!parsed.ok) expect.fail(parsed.error);
    expect(parsed.value.status).toBe('focusMode');
    expect(compositionToSourcePresence(parsed.value, NOW).status).toBe(PresenceStatus.Unknown);
  });

  it('describes an eventType JSON cannot write without throwing', () => {
    expect(parseSubscriptionUpdate({ eventType: [0n] }).ok).toBe(false);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(parseSubscriptionUpdate({ eventType: cyclic }).ok).toBe(false);
  });
});

describe('stored presence', () => {
  const stored = {
    contactId: 'c',
    status: 'Dnd',
    customStatus: '',
    lastActiveTime: 0,
    expiresTime: NOW,
  };

  it('rejects times no Date can hold', () => {
    expect(parsePresence(stored).ok).toBe(true);
    for (const time of [8.64e15 + 1, 1e300, -1]) {
      expect(parsePresence({ ...stored, expiresTime: time }).ok).toBe(false);
      expect(parsePresence({ ...stored, lastActiveTime: time }).ok).toBe(false);
    }
  });

  it('keeps a "__proto__" contact id as an own key, not as the map\'s prototype', () => {
    const raw: unknown = JSON.parse(`{"__proto__": ${JSON.stringify(stored)}}`);
    const parsed = parsePresenceMap(raw);
    if (!parsed.ok) expect.fail(parsed.error);
    expect(Object.getPrototypeOf(parsed.value)).toBe(Object.prototype);
    expect(Object.keys(parsed.value)).toEqual(['__proto__']);
    expect((parsed.value as Record<string, unknown>)['contactId']).toBeUndefined();
  });
});

describe('time formatting never throws', () => {
  it.each([Number.NaN, Infinity, -Infinity, 1e300, -1e300, 8.64e15 + 1])('on %s', (time) => {
    expect(() => formatUntil(time, NOW, 'en-GB')).not.toThrow();
    expect(() => formatUntil(NOW + 1000, time, 'en-GB')).not.toThrow();
    expect(formatLastActive(time, NOW)).not.toMatch(/NaN|Infinity/);
    expect(formatAge(time, NOW)).not.toMatch(/NaN|Infinity/);
  });
});

describe('base64 padding on 100,000-character adversarial input', () => {
  // `/=+$/` retries from every `=` of a run not at the end: seconds at this size.
  const run = '='.repeat(100_000);

  it('rejects a run of padding followed by anything', () => {
    expect(base64Decode(`${run}x`).ok).toBe(false);
  });

  it('drops a long run of trailing padding', () => {
    const id = base64UrlEncodeAscii('ciscospark://us/PEOPLE/x');
    const decoded = base64Decode(`${id}${run}`);
    if (!decoded.ok) expect.fail(decoded.error);
    expect(String.fromCharCode(...decoded.value)).toBe('ciscospark://us/PEOPLE/x');
  });
});
