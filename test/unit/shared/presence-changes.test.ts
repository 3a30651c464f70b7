import { describe, expect, it } from 'vitest';
import { PresenceStatus } from '../../../src/core/presence';
import {
  FOLLOW_PRESENCE,
  isFollowPresence,
  parseFollowerMessage,
  parsePresenceChanges,
  presenceChanges,
} from '../../../src/shared/presence-changes';
import { presence } from '../ui/fixtures';

describe('the presence change channel', () => {
  it('reads back what the worker sends', () => {
    const message = presenceChanges({ a: presence('a', PresenceStatus.Dnd) }, ['b']);
    expect(parsePresenceChanges(structuredClone(message))).toEqual({ ok: true, value: message });
  });

  it('takes a missing removed list as none', () => {
    const parsed = parsePresenceChanges({ type: 'presenceChanges', changed: {} });
    expect(parsed).toEqual({ ok: true, value: presenceChanges({}) });
  });

  it.each([
    ['not an object', 'hello'],
    ['another type', { type: 'presence', changed: {} }],
    ['no changed map', { type: 'presenceChanges' }],
    [
      'a bad status',
      { type: 'presenceChanges', changed: { a: { ...presence('a', 'Active'), status: 'Away' } } },
    ],
    [
      'a time no date holds',
      {
        type: 'presenceChanges',
        changed: { a: { ...presence('a', 'Active'), expiresTime: 1e300 } },
      },
    ],
    [
      'an entry under another id',
      { type: 'presenceChanges', changed: { b: presence('a', 'Active') } },
    ],
    ['removed that is not ids', { type: 'presenceChanges', changed: {}, removed: [1] }],
  ])('refuses %s', (_, raw) => {
    expect(parsePresenceChanges(raw).ok).toBe(false);
  });

  it('cannot set a prototype through the map', () => {
    const raw = JSON.parse(
      '{"type":"presenceChanges","changed":{"__proto__":{"contactId":"__proto__","status":"Active","customStatus":"","lastActiveTime":0,"expiresTime":0}}}',
    ) as unknown;
    const parsed = parsePresenceChanges(raw);
    expect(parsed.ok && Object.getPrototypeOf(parsed.value.changed)).toBe(Object.prototype);
  });

  it('knows the follow request and nothing else', () => {
    expect(isFollowPresence(structuredClone(FOLLOW_PRESENCE))).toBe(true);
    expect(isFollowPresence({ type: 'reconnect' })).toBe(false);
    expect(isFollowPresence(null)).toBe(false);
  });

  it('reads the other follower messages, and refuses a bad connection', () => {
    expect(parseFollowerMessage({ type: 'watchListChanged' })).toEqual({
      ok: true,
      value: { type: 'watchListChanged' },
    });
    const connection = {
      phase: 'live',
      message: '',
      since: 1,
      account: null,
      serverUrl: 'https://webexapis.com',
    };
    expect(parseFollowerMessage({ type: 'connectionChanged', connection })).toEqual({
      ok: true,
      value: { type: 'connectionChanged', connection },
    });
    expect(
      parseFollowerMessage({ type: 'connectionChanged', connection: { phase: 'on fire' } }).ok,
    ).toBe(false);
    expect(parseFollowerMessage({ type: 'followPresence' }).ok).toBe(false);
  });
});
