import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_REASON_LENGTH,
  MAX_REASONS,
  MAX_STORAGE_PROBLEMS,
  parseStorageProblems,
  withProblem,
  type StorageProblem,
} from '../../../src/shared/storage-problem';
import { storageProblemsItem } from '../../../src/shared/storage-items';

const problem: StorageProblem = { key: 'watchList', at: 10, dropped: 2, why: ['item 3: x'] };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('parseStorageProblems', () => {
  it('reads a valid list into fresh plain objects', () => {
    const raw: unknown = JSON.parse(JSON.stringify([problem]));
    const parsed = parseStorageProblems(raw);
    expect(parsed).toEqual({ ok: true, value: [problem] });
    if (parsed.ok) expect(parsed.value[0]!.why).not.toBe((raw as StorageProblem[])[0]!.why);
  });

  it.each([
    ['not a list', { 0: problem }],
    ['an entry that is not an object', [problem, 'x']],
    ['an empty key', [{ ...problem, key: '' }]],
    ['an overlong key', [{ ...problem, key: 'k'.repeat(101) }]],
    ['a time that is not a number', [{ ...problem, at: '10' }]],
    ['a negative time', [{ ...problem, at: -1 }]],
    ['a fractional count', [{ ...problem, dropped: 1.5 }]],
    ['a negative count', [{ ...problem, dropped: -1 }]],
    ['a huge count', [{ ...problem, dropped: 2 ** 60 }]],
    ['reasons that are not text', [{ ...problem, why: [1] }]],
    ['reasons that are not a list', [{ ...problem, why: 'why' }]],
    ['too many reasons', [{ ...problem, why: Array<string>(MAX_REASONS + 1).fill('r') }]],
    ['an overlong reason', [{ ...problem, why: ['r'.repeat(MAX_REASON_LENGTH + 1)] }]],
    ['too many reports', Array<StorageProblem>(MAX_STORAGE_PROBLEMS + 1).fill(problem)],
  ])('rejects %s', (_, raw) => {
    expect(parseStorageProblems(raw).ok).toBe(false);
  });

  it('does not let a "__proto__" key through to the prototype', () => {
    const raw: unknown = JSON.parse(
      '[{"key":"k","at":1,"dropped":0,"why":[],"__proto__":{"polluted":true}}]',
    );
    const parsed = parseStorageProblems(raw);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(Object.getPrototypeOf(parsed.value[0])).toBe(Object.prototype);
      expect('polluted' in parsed.value[0]!).toBe(false);
    }
    expect('polluted' in {}).toBe(false);
  });
});

describe('withProblem', () => {
  it('adds a report with its time', () => {
    expect(withProblem([], { key: 'watchList', dropped: 2, why: ['item 3: x'] }, 10)).toEqual([
      problem,
    ]);
  });

  it('does not add a report the list already has', () => {
    const other: StorageProblem = { ...problem, key: 'allowedSites' };
    expect(withProblem([problem, other], { ...problem }, 99)).toEqual([problem, other]);
  });

  it('bounds the reasons so the list still validates', () => {
    const why = Array.from({ length: 50 }, (_, i) => `${i}`.padEnd(MAX_REASON_LENGTH + 20, '.'));
    const list = withProblem([], { key: 'watchList', dropped: 50, why }, 1);
    expect(list[0]!.why).toHaveLength(MAX_REASONS);
    expect(list[0]!.why.at(-1)).toBe(`and ${50 - MAX_REASONS + 1} more`);
    expect(parseStorageProblems(list).ok).toBe(true);
  });

  it('keeps the newest reports when full', () => {
    let list: StorageProblem[] = [];
    for (let i = 0; i < MAX_STORAGE_PROBLEMS + 5; i++) {
      list = withProblem(list, { key: `k${i}`, dropped: i, why: [] }, i);
    }
    expect(list).toHaveLength(MAX_STORAGE_PROBLEMS);
    expect(list[0]!.key).toBe('k5');
    expect(parseStorageProblems(list).ok).toBe(true);
  });
});

describe('storageProblemsItem', () => {
  it('reads a hostile stored list as empty, and is not reported into itself', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const hostile = { v: 1, value: [{ ...problem, why: [{ toString: 'x' }] }] };
    await fakeBrowser.storage.local.set({ storageProblems: hostile });
    expect(await storageProblemsItem.get()).toEqual([]);
    const after = await fakeBrowser.storage.local.get('storageProblems');
    expect(after.storageProblems).toEqual(hostile);
  });
});
