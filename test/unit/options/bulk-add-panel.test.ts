// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import '../../../src/options/bulk-add-panel';
import type { PresenceBulkAdd } from '../../../src/options/bulk-add-panel';
import { bulkAddProgressItem } from '../../../src/shared/storage-items';
import { ada, mount, readText, settle } from '../ui/fixtures';
import { fakeBackground } from './fake-background';

afterEach(() => {
  document.body.innerHTML = '';
});

function labelled(root: ShadowRoot, label: string): HTMLElement {
  const l = [...root.querySelectorAll('label')].find((x) => readText(x) === label);
  return root.getElementById(l!.htmlFor)!;
}

describe('<presence-bulk-add>', () => {
  it('sends the split list, shows progress while it runs, then the summary', async () => {
    const background = fakeBackground(() => ({
      ok: true,
      summary: {
        added: [ada],
        alreadyWatched: ['grace@example.com'],
        notFound: ['nobody@example.com'],
        bots: ['bot@example.com'],
        failed: [{ query: 'junk', error: 'Not an email address or a Webex person id.' }],
      },
    }));
    background.hold();
    const panel = await mount<PresenceBulkAdd>('presence-bulk-add');
    const root = panel.shadowRoot!;
    const area = labelled(root, 'Paste a list') as HTMLTextAreaElement;
    expect(area.tagName).toBe('TEXTAREA');
    area.value = 'ada@example.com, grace@example.com\nnobody@example.com; bot@example.com junk';
    area.dispatchEvent(new Event('input'));
    root.querySelector('form')!.requestSubmit();
    await settle(panel);
    await bulkAddProgressItem.set({ done: 2, total: 5, running: true });
    await settle(panel);
    const progress = labelled(root, 'Looking people up') as HTMLProgressElement;
    expect(progress.tagName).toBe('PROGRESS');
    expect(progress.value).toBe(2);
    expect(progress.max).toBe(5);
    const addAll = [...root.querySelectorAll('button')].find((b) => readText(b) === 'Add all')!;
    expect(addAll.disabled).toBe(true);

    background.release();
    await settle(panel);
    expect(background.requests).toEqual([
      {
        type: 'addContacts',
        queries: [
          'ada@example.com',
          'grace@example.com',
          'nobody@example.com',
          'bot@example.com',
          'junk',
        ],
      },
    ]);
    const summary = root.querySelector('[data-part="paste-summary"]')!;
    expect(summary.getAttribute('role')).toBe('status');
    const line = (part: string) => readText(summary.querySelector(`[data-part="${part}"]`));
    expect(line('added')).toBe('Added: 1');
    expect(line('already')).toBe('Already watched: 1 grace@example.com');
    expect(line('not-found')).toBe('Not found: 1 nobody@example.com');
    expect(line('bots')).toBe('Bots refused: 1 bot@example.com');
    expect(line('failed')).toContain('junk: Not an email');
    // What could not be added stays, to correct.
    expect(area.value).toBe('nobody@example.com\njunk');
  });

  it('asks for something before sending', async () => {
    const background = fakeBackground();
    const panel = await mount<PresenceBulkAdd>('presence-bulk-add');
    panel.shadowRoot!.querySelector('form')!.requestSubmit();
    await settle(panel);
    expect(background.requests).toEqual([]);
    expect(readText(panel.shadowRoot!.querySelector('[data-part="paste-error"]'))).toBe(
      'Paste at least one email or person id.',
    );
  });
});
