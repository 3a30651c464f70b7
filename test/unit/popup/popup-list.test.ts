// @vitest-environment happy-dom
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PresenceStatus } from '../../../src/core/presence';
import { presenceChanges } from '../../../src/shared/presence-changes';
import {
  connectionItem,
  lastKnownPresenceItem,
  livePresenceItem,
  watchListItem,
} from '../../../src/shared/storage-items';
import { PresenceFeed } from '../../../src/popup/presence-feed';
import type { PresencePopup } from '../../../src/popup/presence-popup';
import '../../../src/popup/presence-popup';
import { ada, grace, presence, readText, settle, liveConnection } from '../ui/fixtures';

vi.mock('@lit-labs/virtualizer/virtualize.js', () => import('./virtualizer-mock'));

const live = liveConnection;
const lin = {
  contactId: 'lin-id',
  displayName: 'Lin Wei',
  emails: ['lin@example.com'],
  addedAt: 3,
};

let feed: PresenceFeed;

async function open(): Promise<PresencePopup> {
  const popup = document.createElement('presence-popup');
  popup.feed = feed;
  document.body.append(popup);
  await settle(popup);
  return popup;
}

const root = (popup: PresencePopup) => popup.shadowRoot!;
const rowIds = (popup: PresencePopup) =>
  [...root(popup).querySelectorAll<HTMLElement>('li[data-contact-id]')].map(
    (li) => li.dataset.contactId,
  );
const row = (popup: PresencePopup, id: string) =>
  root(popup).querySelector<HTMLElement>(`li[data-contact-id="${id}"]`)!;
const status = (popup: PresencePopup, id: string) =>
  readText(row(popup, id).querySelector('[data-part="status-label"]'));

async function type(popup: PresencePopup, text: string): Promise<void> {
  const search = root(popup).querySelector<HTMLInputElement>('input[type="search"]')!;
  search.value = text;
  search.dispatchEvent(new Event('input'));
  await settle(popup);
}

function press(target: Element, key: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
}

beforeEach(async () => {
  feed = new PresenceFeed();
  await watchListItem.set([grace, ada, lin]);
  await connectionItem.set(live);
  await livePresenceItem.set({
    'ada-id': presence('ada-id', PresenceStatus.Meeting),
    'grace-id': presence('grace-id', PresenceStatus.Active),
    'lin-id': presence('lin-id', PresenceStatus.Inactive),
  });
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('<presence-popup> list', () => {
  it('has a search box labelled Search, focused on open', async () => {
    const popup = await open();
    const search = root(popup).querySelector('input[type="search"]')!;
    expect(readText(search.closest('label'))).toBe('Search');
    expect(root(popup).activeElement).toBe(search);
  });

  it('filters by name or email as the user types, and says when nothing matches', async () => {
    const popup = await open();
    await type(popup, 'lin@');
    expect(rowIds(popup)).toEqual(['lin-id']);
    await type(popup, 'grace hop');
    expect(rowIds(popup)).toEqual(['grace-id']);
    await type(popup, 'nobody');
    expect(rowIds(popup)).toEqual([]);
    expect(readText(root(popup).querySelector('[data-part="no-match"]'))).toBe(
      'No one matches “nobody”.',
    );
    press(root(popup).querySelector('input[type="search"]')!, 'Escape');
    await settle(popup);
    expect(rowIds(popup)).toHaveLength(3);
  });

  it('sorts by name, or by availability when chosen', async () => {
    const popup = await open();
    expect(rowIds(popup)).toEqual(['ada-id', 'grace-id', 'lin-id']);
    const select = root(popup).querySelector('select')!;
    expect(readText(select.closest('label')!.querySelector('span'))).toBe('Sort by');
    select.value = 'availability';
    select.dispatchEvent(new Event('change'));
    await settle(popup);
    expect(rowIds(popup)).toEqual(['grace-id', 'ada-id', 'lin-id']);
  });

  it('shows groups as sections with headings', async () => {
    await watchListItem.set([{ ...ada, group: 'Math' }, grace, { ...lin, group: 'Math' }]);
    const popup = await open();
    const items = [...root(popup).querySelectorAll('li[role="listitem"]')].map((li) =>
      li.matches('.group')
        ? `# ${readText(li.querySelector('h2'))}`
        : (li as HTMLElement).dataset.contactId,
    );
    expect(items).toEqual(['# Math (2)', 'ada-id', 'lin-id', '# Other (1)', 'grace-id']);
  });

  it('applies changes from the feed and re-renders only the changed row', async () => {
    const popup = await open();
    const graceRow = row(popup, 'grace-id');
    const touched: Node[] = [];
    const observer = new MutationObserver((records) =>
      touched.push(...records.map((r) => r.target)),
    );
    observer.observe(root(popup), {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    feed.deliver(presenceChanges({ 'ada-id': presence('ada-id', PresenceStatus.Dnd) }));
    await settle(popup);
    observer.disconnect();
    expect(status(popup, 'ada-id')).toBe('Do not disturb');
    expect(touched.length).toBeGreaterThan(0);
    expect(touched.some((node) => graceRow.contains(node))).toBe(false);

    feed.deliver(presenceChanges({}, ['ada-id']));
    await settle(popup);
    expect(status(popup, 'ada-id')).toBe('Unknown');
  });

  it('keeps a change that arrived before the storage read finished', async () => {
    feed.deliver(presenceChanges({ 'ada-id': presence('ada-id', PresenceStatus.Call) }));
    const popup = await open();
    expect(status(popup, 'ada-id')).toBe('In a call');
    expect(status(popup, 'grace-id')).toBe('Active');
  });

  it('ignores a message that is not a valid change', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const popup = await open();
    feed.deliver({ type: 'presenceChanges', changed: { 'ada-id': { status: 'Gone' } } });
    await settle(popup);
    expect(status(popup, 'ada-id')).toBe('In a meeting');
    expect(warn).toHaveBeenCalled();
  });

  it('moves between rows with the arrow keys, with one row in the Tab order', async () => {
    const popup = await open();
    const tabbable = () =>
      [...root(popup).querySelectorAll<HTMLElement>('li[data-contact-id]')]
        .filter((li) => li.tabIndex === 0)
        .map((li) => li.dataset.contactId);
    expect(tabbable()).toEqual(['ada-id']);
    press(root(popup).querySelector('input[type="search"]')!, 'ArrowDown');
    await settle(popup);
    expect(root(popup).activeElement).toBe(row(popup, 'ada-id'));
    press(row(popup, 'ada-id'), 'ArrowDown');
    await settle(popup);
    expect(root(popup).activeElement).toBe(row(popup, 'grace-id'));
    expect(tabbable()).toEqual(['grace-id']);
    // Only the current row's actions are tab stops.
    const actions = (id: string) =>
      [...row(popup, id).querySelectorAll<HTMLElement>('.action')].map((a) => a.tabIndex);
    expect(actions('grace-id')).toEqual([0, 0, 0]);
    expect(actions('ada-id')).toEqual([-1, -1, -1]);
    press(row(popup, 'grace-id'), 'End');
    await settle(popup);
    expect(root(popup).activeElement).toBe(row(popup, 'lin-id'));
    press(row(popup, 'lin-id'), 'Home');
    await settle(popup);
    press(row(popup, 'ada-id'), 'ArrowUp');
    await settle(popup);
    expect(root(popup).activeElement).toBe(root(popup).querySelector('input[type="search"]'));
  });

  it('offers chat, copy email and notify, each named for the contact', async () => {
    const sendMessage = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: true } as never);
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    await watchListItem.set([{ ...ada, notify: true }]);
    const popup = await open();
    const adaRow = row(popup, 'ada-id');
    const chat = adaRow.querySelector<HTMLAnchorElement>('[data-action="chat"]')!;
    expect(chat.getAttribute('href')).toBe('webexteams://im?email=ada%40example.com');
    expect(chat.getAttribute('aria-label')).toBe('Chat with Ada Lovelace in Webex');

    adaRow.querySelector<HTMLButtonElement>('[data-action="copy"]')!.click();
    await settle(popup);
    expect(writeText).toHaveBeenCalledWith('ada@example.com');
    expect(readText(root(popup).querySelector('[data-part="notice"]'))).toBe(
      'Copied ada@example.com',
    );

    const notify = adaRow.querySelector<HTMLButtonElement>('[data-action="notify"]')!;
    expect(notify.getAttribute('aria-pressed')).toBe('true');
    expect(notify.getAttribute('aria-label')).toBe('Notify when Ada Lovelace becomes available');
    notify.click();
    await settle(popup);
    expect(sendMessage).toHaveBeenCalledWith({
      type: 'setNotify',
      contactId: 'ada-id',
      notify: false,
    });
  });

  it('shows an avatar with initials, hidden from screen readers', async () => {
    const popup = await open();
    const avatar = row(popup, 'ada-id').querySelector('.avatar')!;
    expect(readText(avatar)).toBe('AL');
    expect(avatar.getAttribute('aria-hidden')).toBe('true');
  });

  it('follows the connection from the worker, and reads last known when the feed stops', async () => {
    const popup = await open();
    expect(readText(root(popup).querySelector('[data-part="connection"]'))).toBe('Live');
    await lastKnownPresenceItem.set({
      presence: { 'lin-id': presence('lin-id', PresenceStatus.OutOfOffice) },
      savedAt: 1,
    });
    await livePresenceItem.set({}); // storage alone changes nothing: the popup does not listen
    feed.deliver(presenceChanges({}, ['lin-id']));
    feed.deliver({ type: 'connectionChanged', connection: { ...live, phase: 'error' } });
    await settle(popup);
    expect(readText(root(popup).querySelector('[data-part="connection"]'))).toMatch(/^Offline/);
    expect(status(popup, 'lin-id')).toBe('Out of office');
    expect(row(popup, 'lin-id').querySelector('[data-part="last-known"]')).not.toBeNull();
    expect(status(popup, 'ada-id')).toBe('In a meeting');
  });
});
