import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, test, vi } from 'vitest';
import { err, ok } from '../../../src/core/result';
import { defineItem } from '../../../src/shared/typed-storage';

const countItem = () =>
  defineItem<{ count: number }>('local', 'counter', {
    fallback: { count: 0 },
    version: 2,
    validate: (raw) =>
      typeof raw === 'object' &&
      raw !== null &&
      typeof (raw as { count: unknown }).count === 'number'
        ? ok(raw as { count: number })
        : err('count must be a number'),
    migrations: { 2: (old) => ({ count: Number(old) }) },
  });

describe('defineItem', () => {
  test('gives the fallback when nothing is stored, and round-trips what is set', async () => {
    const item = countItem();
    expect(await item.get()).toEqual({ count: 0 });
    await item.set({ count: 5 });
    expect(await item.get()).toEqual({ count: 5 });
    expect(await fakeBrowser.storage.local.get('counter')).toEqual({
      counter: { v: 2, value: { count: 5 } },
    });
  });

  test('migrates values written by an older version', async () => {
    await fakeBrowser.storage.local.set({ counter: { v: 1, value: '7' } });
    expect(await countItem().get()).toEqual({ count: 7 });
  });

  test('keeps a copy of what it cannot read instead of losing it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ counter: { v: 2, value: { count: 'many' } } });
    expect(await countItem().get()).toEqual({ count: 0 });
    expect(await fakeBrowser.storage.local.get('counter:unreadable')).toEqual({
      'counter:unreadable': { v: 2, value: { count: 'many' } },
    });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('count must be a number'));
  });

  test('a value from a newer version is not overwritten by a read', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ counter: { v: 9, value: { count: 1, extra: true } } });
    expect(await countItem().get()).toEqual({ count: 0 });
    expect((await fakeBrowser.storage.local.get('counter')).counter).toEqual({
      v: 9,
      value: { count: 1, extra: true },
    });
  });

  test('quick successive updates are serialised and none is lost', async () => {
    const item = countItem();
    await Promise.all(
      Array.from({ length: 20 }, () => item.update((c) => ({ count: c.count + 1 }))),
    );
    expect(await item.get()).toEqual({ count: 20 });
  });

  test('watch reports new values from storage changes and can be removed', async () => {
    const item = countItem();
    const seen: number[] = [];
    const stop = item.watch((v) => seen.push(v.count));
    await item.set({ count: 1 });
    await item.set({ count: 2 });
    stop();
    await item.set({ count: 3 });
    expect(seen).toEqual([1, 2]);
  });
});
