import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compositionToPresence,
  parseComposition,
  parseSubscriptionUpdate,
} from '../../../src/core/composition';
import { PresenceStatus } from '../../../src/core/presence';
import { presenceRecheckAt } from '../../../src/core/presence-recheck';

const NOW = Date.parse('2024-05-01T12:00:00Z');
const SUBJECT = 'f5b36187-c8dd-4727-8b2f-f9c447f29046';

function parsed(payload: Record<string, unknown>) {
  const result = parseComposition({ subject: SUBJECT, ...payload });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('parseComposition', () => {
  it('keeps the known fields and the real "unavailable" payload', () => {
    expect(
      parseComposition({
        category: 'unknown',
        expiresTTL: -1,
        status: 'unknown',
        subject: SUBJECT.toUpperCase(),
        suppressNotifications: false,
        url: 'https://apheleia.example/apheleia/api/v1?userId=x',
        vectorCounters: { sourceDC: 'urn:TEAM:eu-central-1_k', counters: {} },
      }),
    ).toEqual({ ok: true, value: { subject: SUBJECT, status: 'unknown', expiresTTL: -1 } });
  });

  it('reads customStatus, else statusMessage', () => {
    expect(parsed({ customStatus: 'Focus', statusMessage: 'x' }).customStatus).toBe('Focus');
    expect(parsed({ statusMessage: 'Lunch' }).customStatus).toBe('Lunch');
    expect(parsed({ customStatus: null }).customStatus).toBeUndefined();
  });

  it.each([
    [null, 'JSON object'],
    [[], 'JSON object'],
    [{}, 'subject'],
    [{ subject: 3 }, 'subject'],
    [{ subject: '' }, 'subject'],
  ])('rejects %j', (payload, reason) => {
    const result = parseComposition(payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });

  // One bad optional field must not hide the person: the rest of the composition still counts.
  it.each([
    [{ status: 5 }, { customStatus: 'Focus', lastActiveTime: Date.parse('2024-05-01T11:58:00Z') }],
    [{ customStatus: {} }, { status: 'dnd', customStatus: 'Lunch' }],
    [{ lastActive: 'yesterday' }, { status: 'dnd', customStatus: 'Focus' }],
    [{ expiresTime: '2024-13-45T99:00:00Z' }, { status: 'dnd', expiresTTL: 60 }],
    [{ statusTime: 12 }, { status: 'dnd', expiresTTL: 60 }],
    [{ expiresTTL: '60' }, { status: 'dnd', customStatus: 'Focus' }],
  ])('treats the malformed optional field in %j as absent', (bad, kept) => {
    const good = {
      status: 'dnd',
      customStatus: 'Focus',
      statusMessage: 'Lunch',
      lastActive: '2024-05-01T11:58:00Z',
      expiresTime: '2024-05-01T15:30:00Z',
      expiresTTL: 60,
    };
    const result = parseComposition({ subject: SUBJECT, ...good, ...bad });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ subject: SUBJECT, ...kept });
    const [field] = Object.keys(bad);
    const held = { lastActive: 'lastActiveTime', expiresTime: 'expiresTime' }[field as string];
    if (held !== undefined) expect(result.value).not.toHaveProperty(held);
    if (field === 'status') expect(result.value).not.toHaveProperty('status');
    if (field === 'expiresTTL') expect(result.value).not.toHaveProperty('expiresTTL');
  });

  it('holds lastActive and expiresTime as UTC ms, and does not keep statusTime', () => {
    const c = parsed({
      lastActive: '2024-05-01T11:58:00Z',
      expiresTime: '2024-05-01T15:30:00+02:00',
      statusTime: '2024-05-01T11:00:00Z',
    });
    expect(c).toEqual({
      subject: SUBJECT,
      lastActiveTime: Date.parse('2024-05-01T11:58:00Z'),
      expiresTime: Date.parse('2024-05-01T13:30:00Z'),
    });
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(typeof parseComposition(value).ok).toBe('boolean');
        expect(typeof parseSubscriptionUpdate(value).ok).toBe('boolean');
      }),
    );
  });
});

describe('parseSubscriptionUpdate', () => {
  it('accepts the push data and rejects other event types', () => {
    const data = { eventType: 'apheleia.subscription_update', subject: SUBJECT, status: 'dnd' };
    expect(parseSubscriptionUpdate(data)).toEqual({
      ok: true,
      value: { subject: SUBJECT, status: 'dnd' },
    });
    const other = parseSubscriptionUpdate({ ...data, eventType: 'conversation.activity' });
    expect(other.ok).toBe(false);
  });
});

describe('compositionToPresence', () => {
  it('maps a DND with an expiry time and custom status', () => {
    const c = parsed({
      status: 'dnd',
      customStatus: 'Focus time',
      lastActive: '2024-05-01T11:58:00Z',
      expiresTime: '2024-05-01T15:30:00Z',
      expiresTTL: 9000,
    });
    expect(compositionToPresence(c, 'id-1', NOW)).toEqual({
      contactId: 'id-1',
      status: PresenceStatus.Dnd,
      customStatus: 'Focus time',
      lastActiveTime: Date.parse('2024-05-01T11:58:00Z'),
      expiresTime: Date.parse('2024-05-01T15:30:00Z'),
    });
  });

  it('derives the expiry from expiresTTL when there is no expiresTime', () => {
    expect(compositionToPresence(parsed({ expiresTTL: 90 }), 'x', NOW).expiresTime).toBe(
      NOW + 90_000,
    );
    expect(compositionToPresence(parsed({ expiresTTL: -1 }), 'x', NOW).expiresTime).toBe(0);
    expect(compositionToPresence(parsed({ expiresTTL: 0 }), 'x', NOW).expiresTime).toBe(0);
  });

  it('defaults to Unknown with zeros and empty text', () => {
    expect(compositionToPresence(parsed({}), 'x', NOW)).toEqual({
      contactId: 'x',
      status: PresenceStatus.Unknown,
      customStatus: '',
      lastActiveTime: 0,
      expiresTime: 0,
    });
  });

  it('turns active into Inactive once lastActive is 10 minutes old', () => {
    const at = (minutesAgo: number) =>
      compositionToPresence(
        parsed({ status: 'active', lastActive: new Date(NOW - minutesAgo * 60_000).toISOString() }),
        'x',
        NOW,
      ).status;
    expect(at(9)).toBe(PresenceStatus.Active);
    expect(at(10)).toBe(PresenceStatus.Inactive);
    expect(at(30)).toBe(PresenceStatus.Inactive);
    expect(compositionToPresence(parsed({ status: 'active' }), 'x', NOW).status).toBe(
      PresenceStatus.Active,
    );
  });
});

describe('presenceRecheckAt', () => {
  const base = { status: PresenceStatus.Dnd, customStatus: '', lastActiveTime: 0, expiresTime: 0 };
  it('is the expiry, or when an active person turns inactive, whichever is first', () => {
    expect(presenceRecheckAt(base, NOW)).toBeUndefined();
    expect(presenceRecheckAt({ ...base, expiresTime: NOW + 5 }, NOW)).toBe(NOW + 5);
    expect(presenceRecheckAt({ ...base, expiresTime: NOW - 5 }, NOW)).toBeUndefined();
    const active = { ...base, status: PresenceStatus.Active, lastActiveTime: NOW - 60_000 };
    expect(presenceRecheckAt(active, NOW)).toBe(NOW + 9 * 60_000);
    expect(presenceRecheckAt({ ...active, expiresTime: NOW + 1000 }, NOW)).toBe(NOW + 1000);
  });
});
