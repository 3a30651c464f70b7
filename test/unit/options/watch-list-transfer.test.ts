// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import '../../../src/options/watch-list-transfer';
import type { PresenceWatchListTransfer } from '../../../src/options/watch-list-transfer';
import { watchListFile } from '../../../src/shared/watch-list-file';
import { ada, grace, mount, readText, settle } from '../ui/fixtures';
import { fakeBackground } from './fake-background';

afterEach(() => {
  document.body.innerHTML = '';
});

function choose(input: HTMLInputElement, file: File): void {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
}

describe('<presence-watch-list-transfer>', () => {
  it('imports a file through the background and lists the report', async () => {
    const background = fakeBackground(() => ({
      ok: true,
      report: {
        added: [ada],
        alreadyWatched: ['Grace Hopper'],
        bad: [
          { index: 1, reason: 'a contact needs a contactId' },
          { index: 4, reason: 'a contact must be an object' },
        ],
        notFound: [],
        bots: [],
      },
    }));
    const panel = await mount<PresenceWatchListTransfer>('presence-watch-list-transfer');
    const input = panel.shadowRoot!.querySelector<HTMLInputElement>('#import-file')!;
    const text = JSON.stringify(watchListFile([ada, grace], 0));
    choose(input, new File([text], 'list.json', { type: 'application/json' }));
    await settle(panel, 10);
    expect(background.requests).toEqual([{ type: 'importContacts', file: text }]);
    const summary = panel.shadowRoot!.querySelector('[data-part="import-summary"]')!;
    expect(summary.getAttribute('role')).toBe('status');
    expect(readText(summary.querySelector('[data-part="bad"]'))).toBe(
      'Entries with problems: 2 contacts[1]: a contact needs a contactId, contacts[4]: a contact must be an object',
    );
    expect(readText(summary.querySelector('[data-part="added"]'))).toBe('Added: 1');
  });

  it('refuses a broken file with one error, without asking the background', async () => {
    const background = fakeBackground();
    const panel = await mount<PresenceWatchListTransfer>('presence-watch-list-transfer');
    const input = panel.shadowRoot!.querySelector<HTMLInputElement>('#import-file')!;
    choose(input, new File(['not json'], 'x.json'));
    await settle(panel, 10);
    expect(background.requests).toEqual([]);
    expect(readText(panel.shadowRoot!.querySelector('[data-part="import-error"]'))).toBe(
      'Nothing was imported: This file is not a Presence Lens contact list (it is not JSON).',
    );
  });
});
