import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { err, ok, type Result } from '../../../src/core/result';
import { withProblem } from '../../../src/shared/storage-problem';
import { storageProblemsItem } from '../../../src/shared/storage-items';
import { defineItem, type ItemProblem } from '../../../src/shared/typed-storage';

/** A list of numbers; version 1 was a bare array of numeric strings. */
function validate(raw: unknown): Result<number[]> {
  return Array.isArray(raw) && raw.every((n) => typeof n === 'number')
    ? ok(raw as number[])
    : err('numbers only');
}

function numbersItem(onProblem?: (problem: ItemProblem) => Promise<void>) {
  return defineItem<number[]>('local', 'numbers', {
    fallback: [],
    version: 2,
    validate,
    migrations: {
      1: (old) => old,
      2: (old) =>
        Array.isArray(old) ? old.map((n) => (typeof n === 'string' ? Number(n) : n)) : old,
    },
    salvage: (raw) => {
      if (!Array.isArray(raw)) return undefined;
      const value = raw.filter((n): n is number => typeof n === 'number');
      return { value, dropped: raw.length - value.length, why: ['not a number'] };
    },
    onProblem,
  });
}

async function stored(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(key))[key];
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('defineItem with salvage and migrations', () => {
  it('a bare value is version 0 when there is a migration to version 1', async () => {
    await fakeBrowser.storage.local.set({ numbers: ['1', 2] });
    expect(await numbersItem().get()).toEqual([1, 2]);
    expect(await stored('numbers')).toEqual({ v: 2, value: [1, 2] });
  });

  it('without a migration to version 1 a bare value is not read, nor written over', async () => {
    const item = defineItem<number[]>('local', 'numbers', { fallback: [], version: 1, validate });
    await fakeBrowser.storage.local.set({ numbers: [1] });
    expect(await item.get()).toEqual([]);
    expect(await stored('numbers')).toEqual([1]);
    expect(await stored('numbers:unreadable')).toEqual([1]);
  });

  it('salvages, writes back, keeps the original and reports it once', async () => {
    const problems: ItemProblem[] = [];
    const item = numbersItem(async (p) => void problems.push(p));
    await fakeBrowser.storage.local.set({ numbers: { v: 2, value: [1, 'x', 3] } });
    expect(await item.get()).toEqual([1, 3]);
    expect(await item.get()).toEqual([1, 3]);
    expect(await stored('numbers')).toEqual({ v: 2, value: [1, 3] });
    expect(await stored('numbers:unreadable')).toEqual({ v: 2, value: [1, 'x', 3] });
    expect(problems).toEqual([{ key: 'numbers', dropped: 1, why: ['not a number'] }]);
  });

  it('what cannot be salvaged gives the fallback, reported once, and stays stored', async () => {
    const problems: ItemProblem[] = [];
    const item = numbersItem(async (p) => void problems.push(p));
    const raw = { v: 2, value: 'nothing' };
    await fakeBrowser.storage.local.set({ numbers: raw });
    expect(await item.get()).toEqual([]);
    expect(await item.get()).toEqual([]);
    expect(await stored('numbers')).toEqual(raw);
    expect(problems).toEqual([{ key: 'numbers', dropped: 0, why: ['numbers only'] }]);
  });

  it('never writes back over a value that changed since it was read', async () => {
    const problems: ItemProblem[] = [];
    const item = numbersItem(async (p) => void problems.push(p));
    await fakeBrowser.storage.local.set({ numbers: { v: 2, value: [1, 'x'] } });
    const local = fakeBrowser.storage.local;
    const realGet = local.get.bind(local);
    let reads = 0;
    // Another context writes between this one's read and its write-back.
    vi.spyOn(local, 'get').mockImplementation((async (keys: string) => {
      if (keys === 'numbers' && ++reads === 2) await local.set({ numbers: { v: 2, value: [9] } });
      return realGet(keys);
    }) as unknown as typeof local.get);

    expect(await item.get()).toEqual([1]);
    expect(reads).toBe(2);
    expect(await stored('numbers')).toEqual({ v: 2, value: [9] });
    expect(problems).toEqual([]);
  });

  it('two contexts salvaging at once agree, and the report is kept once', async () => {
    const report = async (p: ItemProblem) => {
      await storageProblemsItem.update((list) => withProblem(list, p, 1));
    };
    await fakeBrowser.storage.local.set({ numbers: { v: 2, value: ['a', 5] } });
    // Two items on one key: two contexts, each with its own queue.
    const [a, b] = await Promise.all([numbersItem(report).get(), numbersItem(report).get()]);
    expect(a).toEqual([5]);
    expect(b).toEqual([5]);
    expect(await stored('numbers')).toEqual({ v: 2, value: [5] });
    expect(await storageProblemsItem.get()).toEqual([
      { key: 'numbers', at: 1, dropped: 1, why: ['not a number'] },
    ]);
  });

  it('a migration that throws leaves the value unread, not the read failing', async () => {
    const item = defineItem<number[]>('local', 'numbers', {
      fallback: [7],
      version: 1,
      validate,
      migrations: {
        1: () => {
          throw new Error('boom');
        },
      },
    });
    await fakeBrowser.storage.local.set({ numbers: ['1'] });
    expect(await item.get()).toEqual([7]);
    expect(await stored('numbers')).toEqual(['1']);
  });

  it('a failing report does not fail the read', async () => {
    const item = numbersItem(() => Promise.reject(new Error('quota')));
    await fakeBrowser.storage.local.set({ numbers: { v: 2, value: [1, 'x'] } });
    expect(await item.get()).toEqual([1]);
  });

  it('watch delivers the salvaged value of a change', async () => {
    const item = numbersItem();
    const seen: number[][] = [];
    const stop = item.watch((value) => seen.push(value));
    await fakeBrowser.storage.local.set({ numbers: { v: 2, value: [4, null] } });
    stop();
    expect(seen).toEqual([[4]]);
  });
});
