import { describe, expect, it } from 'vitest';
import { SubscriptionBook } from '../../../src/webex/subscription-book';
import { reconnectDelayMs } from '../../../src/webex/feed-state';

describe('SubscriptionBook', () => {
  it('never plans a retry, re-read or renewal sooner than 5 s ahead', () => {
    const book = new SubscriptionBook();
    book.failed('a');
    book.retryAt('a', 1_000, 1_000);
    book.recheck('b', 0, 1_000);
    book.subscribed('c', 1, 1_000);
    expect(book.nextWake()).toBe(6_000);
    expect(book.renewalTime('c')).toBe(6_000);
    expect(book.takeDue(5_999)).toEqual({ subscribe: [], read: [] });
    const due = book.takeDue(6_000);
    expect([...due.subscribe].sort()).toEqual(['a', 'c']);
    expect(due.read).toEqual(['b']);
  });

  it('renews 60 s before the granted TTL ends, half-way for short TTLs', () => {
    const book = new SubscriptionBook();
    book.subscribed('a', 600, 0);
    book.subscribed('b', 60, 0);
    expect(book.renewalTime('a')).toBe(540_000);
    expect(book.renewalTime('b')).toBe(30_000);
    expect(book.nextWake()).toBe(30_000);
  });

  it('hands out due work once, and keeps the rest', () => {
    const book = new SubscriptionBook();
    book.subscribed('a', 600, 0);
    book.failed('b');
    book.retryAt('b', 10_000, 0);
    book.recheck('c', 5_000, 0);
    expect(book.takeDue(9_999)).toEqual({ subscribe: [], read: ['c'] });
    expect(book.takeDue(10_000)).toEqual({ subscribe: ['b'], read: [] });
    expect(book.has('b')).toBe(false);
    expect(book.has('a')).toBe(true);
    expect(book.takeDue(600_000)).toEqual({ subscribe: ['a'], read: [] });
    expect(book.nextWake()).toBeUndefined();
  });

  it('counts failures in a row until the person is subscribed again', () => {
    const book = new SubscriptionBook();
    book.subscribed('a', 600, 0);
    expect(book.failed('a')).toBe(1);
    expect(book.renewalTime('a')).toBeUndefined();
    expect(book.failed('a')).toBe(2);
    expect(book.failed('b')).toBe(1);
    book.subscribed('a', 600, 0);
    expect(book.failed('a')).toBe(1);
  });

  it('forgets a person entirely', () => {
    const book = new SubscriptionBook();
    book.subscribed('a', 600, 0);
    book.recheck('a', 1, 0);
    book.forget('a');
    expect(book.nextWake()).toBeUndefined();
  });
});

describe('reconnectDelayMs', () => {
  it('is immediate first, then 1, 2, 4, ... capped at 32 s, at the middle of the jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map((n) => reconnectDelayMs(n, 0.5))).toEqual([
      0, 1000, 2000, 4000, 8000, 16000, 32000, 32000, 32000,
    ]);
  });

  it('spreads each delay over ±20 %', () => {
    expect(reconnectDelayMs(6, 0)).toBe(25_600);
    expect(reconnectDelayMs(6, 0.999_999)).toBe(38_400);
    expect(reconnectDelayMs(1, 0)).toBe(800);
  });
});
