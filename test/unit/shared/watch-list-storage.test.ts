import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AllowedSite } from '../../../src/shared/allowed-site';
import type { WatchedContact } from '../../../src/shared/contact';
import {
  allowedSitesItem,
  storageProblemsItem,
  watchListItem,
} from '../../../src/shared/storage-items';

const contact = (n: number): WatchedContact => ({
  contactId: `id-${n}`,
  displayName: `Person ${n}`,
  emails: [`p${n}@example.com`],
  addedAt: n,
});

const five = [1, 2, 3, 4, 5].map(contact);

async function stored(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(key))[key];
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('watchListItem, a stored list with contacts that do not read', () => {
  const broken = [
    five[0],
    five[1],
    { displayName: 'No id', emails: [], addedAt: 0 },
    five[2],
    five[3],
    'not a contact',
    five[4],
  ];

  it('keeps the 5 that read, reports the 2 others and keeps the original', async () => {
    await fakeBrowser.storage.local.set({ watchList: { v: 1, value: broken } });

    expect(await watchListItem.get()).toEqual(five);

    expect(await stored('watchList')).toEqual({ v: 2, value: five });
    expect(await stored('watchList:unreadable')).toEqual({ v: 1, value: broken });
    const problems = await storageProblemsItem.get();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      key: 'watchList',
      dropped: 2,
      why: ['item 3: a contact needs a contactId', 'item 6: a contact must be an object'],
    });
  });

  it('the next read is clean: nothing more is reported', async () => {
    await fakeBrowser.storage.local.set({ watchList: { v: 1, value: broken } });
    await watchListItem.get();
    await storageProblemsItem.set([]);
    expect(await watchListItem.get()).toEqual(five);
    expect(await storageProblemsItem.get()).toEqual([]);
  });

  it('keeps the first of two contacts with the same id', async () => {
    const twin = { ...five[0]!, displayName: 'Twin' };
    await fakeBrowser.storage.local.set({ watchList: { v: 1, value: [five[0], twin, 7] } });
    expect(await watchListItem.get()).toEqual([five[0]]);
    expect((await storageProblemsItem.get())[0]).toMatchObject({
      dropped: 2,
      why: ['item 2: id-1 is listed twice', 'item 3: a contact must be an object'],
    });
  });

  it('a value that is not a list at all leaves an empty list, reported', async () => {
    await fakeBrowser.storage.local.set({ watchList: 'garbage' });
    expect(await watchListItem.get()).toEqual([]);
    expect(await stored('watchList')).toEqual({ v: 2, value: [] });
    expect(await stored('watchList:unreadable')).toBe('garbage');
    expect((await storageProblemsItem.get())[0]).toMatchObject({
      key: 'watchList',
      dropped: 0,
      why: ['the watch list is not a list'],
    });
  });

  it('an envelope around something else is salvaged the same way', async () => {
    await fakeBrowser.storage.local.set({ watchList: { v: 1, value: { 0: five[0] } } });
    expect(await watchListItem.get()).toEqual([]);
    expect(await storageProblemsItem.get()).toHaveLength(1);
  });

  it('a list from a newer version is left as it is, reported once', async () => {
    const newer = { v: 3, value: [{ id: 'x', people: [] }] };
    await fakeBrowser.storage.local.set({ watchList: newer });

    expect(await watchListItem.get()).toEqual([]);
    expect(await watchListItem.get()).toEqual([]);

    expect(await stored('watchList')).toEqual(newer);
    expect(await stored('watchList:unreadable')).toEqual(newer);
    const problems = await storageProblemsItem.get();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      key: 'watchList',
      dropped: 0,
      why: ['written by a newer version (3)'],
    });
  });
});

describe('watchListItem, version 0 (a bare array, as the walking skeleton wrote it)', () => {
  it('migrates `email` to `emails` and a missing addedAt to 0, and writes it back', async () => {
    await fakeBrowser.storage.local.set({
      watchList: [
        { contactId: 'ada-id', displayName: 'Ada', email: 'ada@example.com' },
        { contactId: 'grace-id', displayName: 'Grace', emails: ['g@example.com'], addedAt: 5 },
        { contactId: 'bob-id', email: 'bob@example.com' },
        { contactId: 'eve-id', displayName: 'Eve' },
      ],
    });

    const expected: WatchedContact[] = [
      { contactId: 'ada-id', displayName: 'Ada', emails: ['ada@example.com'], addedAt: 0 },
      { contactId: 'grace-id', displayName: 'Grace', emails: ['g@example.com'], addedAt: 5 },
      {
        contactId: 'bob-id',
        displayName: 'bob@example.com',
        emails: ['bob@example.com'],
        addedAt: 0,
      },
      { contactId: 'eve-id', displayName: 'Eve', emails: [], addedAt: 0 },
    ];
    expect(await watchListItem.get()).toEqual(expected);
    expect(await stored('watchList')).toEqual({ v: 2, value: expected });
    // A clean migration loses nothing: no copy, no report.
    expect(await stored('watchList:unreadable')).toBeUndefined();
    expect(await storageProblemsItem.get()).toEqual([]);
  });

  it('keeps first and last names, and salvages what does not migrate', async () => {
    const old = [
      { contactId: 'a', displayName: 'A B', email: 'a@x', firstName: 'A', lastName: 'B' },
      { displayName: 'no id', email: 'n@x' },
      { contactId: 'c', displayName: 'C', emails: 'c@x' },
      null,
    ];
    await fakeBrowser.storage.local.set({ watchList: old });
    expect(await watchListItem.get()).toEqual([
      {
        contactId: 'a',
        displayName: 'A B',
        emails: ['a@x'],
        addedAt: 0,
        firstName: 'A',
        lastName: 'B',
      },
    ]);
    expect(await stored('watchList:unreadable')).toEqual(old);
    expect((await storageProblemsItem.get())[0]).toMatchObject({
      key: 'watchList',
      dropped: 3,
      why: [
        'item 2: a contact needs a contactId',
        'item 3: contact c has no email list',
        'item 4: a contact must be an object',
      ],
    });
  });

  it('an explicit { v: 0 } envelope migrates the same way', async () => {
    await fakeBrowser.storage.local.set({
      watchList: { v: 0, value: [{ contactId: 'a', displayName: 'A', email: 'a@x' }] },
    });
    expect(await watchListItem.get()).toEqual([
      { contactId: 'a', displayName: 'A', emails: ['a@x'], addedAt: 0 },
    ]);
  });
});

describe('allowedSitesItem, a stored list with sites that do not read', () => {
  const jira: AllowedSite = {
    site: 'https://jira.example.com',
    matchPatterns: ['https://jira.example.com/*'],
    addedAt: 1,
  };
  const corp: AllowedSite = {
    site: '*.corp.test',
    matchPatterns: ['*://*.corp.test/*'],
    addedAt: 2,
  };

  it('keeps the valid sites, drops widened or broken ones, and reports them', async () => {
    const raw = [
      jira,
      { ...corp, matchPatterns: ['<all_urls>'] },
      corp,
      { site: 'not a site at all', matchPatterns: [], addedAt: 3 },
      jira,
    ];
    await fakeBrowser.storage.local.set({ allowedSites: { v: 1, value: raw } });

    expect(await allowedSitesItem.get()).toEqual([jira, corp]);
    expect(await stored('allowedSites')).toEqual({ v: 1, value: [jira, corp] });
    expect(await stored('allowedSites:unreadable')).toEqual({ v: 1, value: raw });
    const [problem] = await storageProblemsItem.get();
    expect(problem).toMatchObject({ key: 'allowedSites', dropped: 3 });
    expect(problem!.why[0]).toBe(
      'item 2: site *.corp.test has match patterns that do not belong to it',
    );
    expect(problem!.why[2]).toBe('item 5: https://jira.example.com is listed twice');
  });
});
