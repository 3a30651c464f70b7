import { describe, expect, it } from 'vitest';
import type { StorageItem } from '../../../src/shared/typed-storage';
import { watchListItem } from '../../../src/shared/storage-items';
import { followItem } from '../../../src/ui/follow-item';
import { ada, grace } from './fixtures';

describe('followItem', () => {
  it('delivers the stored value, then every change, until stopped', async () => {
    await watchListItem.set([ada]);
    const seen: string[][] = [];
    const following = followItem(watchListItem, (list) => seen.push(list.map((c) => c.contactId)));
    await following.ready;
    await watchListItem.set([ada, grace]);
    following.stop();
    await watchListItem.set([]);
    expect(seen).toEqual([['ada-id'], ['ada-id', 'grace-id']]);
  });

  it('does not paint a slow first read over a newer change', async () => {
    let resolveRead: (value: number) => void = () => {};
    let emit: (value: number) => void = () => {};
    const item = {
      get: () => new Promise<number>((resolve) => (resolveRead = resolve)),
      watch: (cb: (value: number) => void) => {
        emit = cb;
        return () => {};
      },
    } as unknown as StorageItem<number>;
    const seen: number[] = [];
    const following = followItem(item, (value) => seen.push(value));
    emit(2);
    resolveRead(1);
    await following.ready;
    expect(seen).toEqual([2]);
  });
});
