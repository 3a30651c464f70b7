import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, test } from 'vitest';
import { parseWatchedContact } from '../../../src/shared/contact';
import { storageProblemsItem, watchListItem } from '../../../src/shared/storage-items';
import { migrateWatchListV1 } from '../../../src/shared/watch-list-v1';

const ada = { contactId: 'ada-id', displayName: 'Ada', emails: ['ada@x'], addedAt: 1 };
const grace = { ...ada, contactId: 'grace-id', firstName: 'Grace', lastName: 'Hopper' };

async function stored(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(key))[key];
}

describe('watch list version 1 -> 2', () => {
  test('a version 1 list reads unchanged and is written back as version 2', async () => {
    await fakeBrowser.storage.local.set({ watchList: { v: 1, value: [ada, grace] } });
    expect(await watchListItem.get()).toEqual([ada, grace]);
    expect(await stored('watchList')).toEqual({ v: 2, value: [ada, grace] });
    expect(await stored('watchList:unreadable')).toBeUndefined();
    expect(await storageProblemsItem.get()).toEqual([]);
  });

  test('group and notify in a version 1 list did not come from us: dropped', () => {
    expect(migrateWatchListV1([{ ...ada, group: 'x', notify: 'yes' }, 7, null])).toEqual([
      ada,
      7,
      null,
    ]);
    expect(migrateWatchListV1('not a list')).toBe('not a list');
  });

  test('version 2 keeps group and notify', async () => {
    const withBoth = { ...ada, group: 'Team', notify: true };
    await watchListItem.set([withBoth]);
    expect(await stored('watchList')).toEqual({ v: 2, value: [withBoth] });
    expect(await watchListItem.get()).toEqual([withBoth]);
  });

  test('a version 0 list goes all the way to version 2', async () => {
    await fakeBrowser.storage.local.set({
      watchList: [{ contactId: 'a', displayName: 'A', email: 'a@x' }],
    });
    expect(await watchListItem.get()).toEqual([
      { contactId: 'a', displayName: 'A', emails: ['a@x'], addedAt: 0 },
    ]);
    expect(await stored('watchList')).toMatchObject({ v: 2 });
  });

  test('parseWatchedContact checks group and notify', () => {
    expect(parseWatchedContact({ ...ada, group: ' Team ', notify: false })).toEqual({
      ok: true,
      value: { ...ada, group: 'Team', notify: false },
    });
    expect(parseWatchedContact({ ...ada, group: '' })).toEqual({ ok: true, value: ada });
    expect(parseWatchedContact({ ...ada, group: 5 }).ok).toBe(false);
    expect(parseWatchedContact({ ...ada, group: 'é'.repeat(40) }).ok).toBe(true);
    expect(parseWatchedContact({ ...ada, group: 'é'.repeat(41) }).ok).toBe(false);
    expect(parseWatchedContact({ ...ada, notify: 1 }).ok).toBe(false);
  });
});
