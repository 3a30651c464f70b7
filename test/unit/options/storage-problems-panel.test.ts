// @vitest-environment happy-dom
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PresenceStorageProblems } from '../../../src/options/storage-problems-panel';
import '../../../src/options/storage-problems-panel';
import { describeStorageProblem } from '../../../src/options/storage-problem-text';
import type { StorageProblem } from '../../../src/shared/storage-problem';
import { storageProblemsItem, watchListItem } from '../../../src/shared/storage-items';
import { mount, readText, settle } from '../ui/fixtures';

const contacts: StorageProblem = {
  key: 'watchList',
  at: 1,
  dropped: 2,
  why: ['item 3: a contact needs a contactId', 'item 6: a contact must be an object'],
};

async function open(): Promise<PresenceStorageProblems> {
  const panel = await mount<PresenceStorageProblems>('presence-storage-problems');
  await settle(panel);
  return panel;
}

function region(panel: PresenceStorageProblems): HTMLElement {
  return panel.shadowRoot!.querySelector<HTMLElement>('[data-part="storage-problems"]')!;
}

function dismiss(panel: PresenceStorageProblems): HTMLButtonElement | undefined {
  return [...panel.shadowRoot!.querySelectorAll('button')].find((b) => readText(b) === 'Dismiss');
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('describeStorageProblem', () => {
  it('says how many contacts were removed, why, and that the data is kept', () => {
    expect(describeStorageProblem(contacts)).toBe(
      '2 contacts could not be read from storage and were removed from the watch list ' +
        '(item 3: a contact needs a contactId; item 6: a contact must be an object). ' +
        'The unreadable data is kept.',
    );
  });

  it('speaks of one site, of a whole value, and of a key it does not know', () => {
    expect(describeStorageProblem({ key: 'allowedSites', at: 1, dropped: 1, why: [] })).toBe(
      '1 site could not be read from storage and was removed from the allowed sites. ' +
        'The unreadable data is kept.',
    );
    expect(
      describeStorageProblem({
        key: 'watchList',
        at: 1,
        dropped: 0,
        why: ['written by a newer version (2)'],
      }),
    ).toBe(
      'The watch list could not be read from storage (written by a newer version (2)). ' +
        'The unreadable data is kept.',
    );
    expect(describeStorageProblem({ key: 'constructor', at: 1, dropped: 3, why: [] })).toContain(
      '3 entries could not be read from storage and were removed from the stored "constructor"',
    );
  });

  it('has a sentence in the catalogue for every value, however much was lost', () => {
    for (const key of ['watchList', 'allowedSites', 'settings', 'pageBadges', 'notes']) {
      for (const dropped of [0, 1, 2]) {
        const text = describeStorageProblem({ key, at: 1, dropped, why: [] });
        expect(text).toMatch(
          /^[A-Z0-9].* could not be read from storage.*\. The unreadable data is kept\.$/,
        );
      }
    }
  });
});

describe('<presence-storage-problems>', () => {
  it('shows nothing but an empty alert region while all is well', async () => {
    const panel = await open();
    expect(region(panel).getAttribute('role')).toBe('alert');
    expect(readText(region(panel))).toBe('');
    expect(dismiss(panel)).toBeUndefined();
  });

  it('shows each report in the alert region, under a heading', async () => {
    await storageProblemsItem.set([contacts]);
    const panel = await open();
    const section = region(panel).querySelector('section')!;
    const heading = panel.shadowRoot!.getElementById(section.getAttribute('aria-labelledby')!);
    expect(readText(heading)).toBe('Stored data could not be read');
    const texts = [...region(panel).querySelectorAll('[data-part="problem"]')].map(readText);
    expect(texts).toEqual([describeStorageProblem(contacts)]);
  });

  it('shows a report that arrives while the page is open (a broken watch list read)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const panel = await open();
    await fakeBrowser.storage.local.set({
      watchList: { v: 1, value: [{ contactId: 'a', displayName: 'A', emails: [], addedAt: 1 }, 5] },
    });
    await watchListItem.get();
    await settle(panel);
    expect(readText(region(panel))).toContain(
      '1 contact could not be read from storage and was removed from the watch list ' +
        '(item 2: a contact must be an object)',
    );
  });

  it('Dismiss clears the report and the section goes away', async () => {
    await storageProblemsItem.set([contacts]);
    const panel = await open();
    dismiss(panel)!.click();
    await settle(panel);
    expect(await storageProblemsItem.get()).toEqual([]);
    expect(readText(region(panel))).toBe('');
  });

  it('Dismiss keeps a report that arrived after the shown ones were painted', async () => {
    await storageProblemsItem.set([contacts]);
    const panel = await open();
    const later: StorageProblem = { key: 'allowedSites', at: 2, dropped: 1, why: [] };
    const update = storageProblemsItem.update.bind(storageProblemsItem);
    vi.spyOn(storageProblemsItem, 'update').mockImplementation(async (change) => {
      await storageProblemsItem.set([contacts, later]);
      return update(change);
    });
    dismiss(panel)!.click();
    await settle(panel);
    expect(await storageProblemsItem.get()).toEqual([later]);
  });

  it('says so when the report cannot be cleared', async () => {
    await storageProblemsItem.set([contacts]);
    const panel = await open();
    vi.spyOn(storageProblemsItem, 'update').mockRejectedValue(new Error('quota'));
    dismiss(panel)!.click();
    await settle(panel);
    expect(readText(panel.shadowRoot!.querySelector('[data-part="dismiss-error"]'))).toBe(
      'Could not dismiss the report (quota).',
    );
  });
});
