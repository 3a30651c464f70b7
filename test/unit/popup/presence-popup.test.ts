// @vitest-environment happy-dom
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PresenceStatus } from '../../../src/core/presence';
import { formatClock, formatUntil } from '../../../src/core/time-format';
import { presenceChanges } from '../../../src/shared/presence-changes';
import { popupPresenceFeed } from '../../../src/popup/presence-feed';
import {
  connectionItem,
  lastKnownPresenceItem,
  livePresenceItem,
  watchListItem,
} from '../../../src/shared/storage-items';
import type { PresencePopup } from '../../../src/popup/presence-popup';
import '../../../src/popup/presence-popup';

vi.mock('@lit-labs/virtualizer/virtualize.js', () => import('./virtualizer-mock'));
import { ada, grace, mount, presence, readText, settle, liveConnection } from '../ui/fixtures';

const NOW = new Date(2025, 11, 1, 10, 0).getTime();
const live = liveConnection;

function items(popup: PresencePopup): HTMLElement[] {
  return [...popup.shadowRoot!.querySelectorAll<HTMLElement>('li[role="listitem"]')];
}

function itemFor(popup: PresencePopup, contactId: string): HTMLElement {
  const item = popup.shadowRoot!.querySelector<HTMLElement>(`li[data-contact-id="${contactId}"]`);
  if (!item) throw new Error(`no list item for ${contactId}`);
  return item;
}

/** The row's sentence, without the avatar's initials and the action buttons. */
function rowText(item: HTMLElement): string {
  return readText(item.querySelector('.contact-row'));
}

function partText(item: HTMLElement, part: string): string | null {
  const el = item.querySelector(`[data-part="${part}"]`);
  return el ? readText(el) : null;
}

async function open(): Promise<PresencePopup> {
  const popup = await mount<PresencePopup>('presence-popup');
  await settle(popup);
  return popup;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('<presence-popup>', () => {
  it('paints the watched contacts with their live presence, sorted by name', async () => {
    await watchListItem.set([ada, grace]);
    await connectionItem.set(live);
    await livePresenceItem.set({
      'ada-id': presence('ada-id', PresenceStatus.Dnd, {
        customStatus: 'Focus time',
        expiresTime: new Date(2025, 11, 1, 15, 30).getTime(),
      }),
      'grace-id': presence('grace-id', PresenceStatus.Inactive, {
        lastActiveTime: NOW - 5 * 60_000,
      }),
    });

    const popup = await open();

    expect(items(popup).map((li) => li.dataset.contactId)).toEqual(['ada-id', 'grace-id']);
    const adaItem = itemFor(popup, 'ada-id');
    const until = formatUntil(new Date(2025, 11, 1, 15, 30).getTime(), NOW);
    expect(rowText(adaItem)).toBe(`Ada Lovelace, Do not disturb, Focus time, ${until}`);
    expect(partText(adaItem, 'name')).toBe('Ada Lovelace');
    expect(partText(adaItem, 'status-label')).toBe('Do not disturb');
    expect(partText(adaItem, 'custom-status')).toBe('Focus time');
    expect(partText(adaItem, 'until')).toMatch(/^until \d\d:\d\d$/);
    expect(adaItem.querySelector('svg.pl-glyph[data-tone="dnd"]')).not.toBeNull();

    const graceItem = itemFor(popup, 'grace-id');
    expect(partText(graceItem, 'status-label')).toBe('Inactive');
    expect(partText(graceItem, 'last-active')).toBe('active 5 minutes ago');
    expect(partText(graceItem, 'until')).toBeNull();
    expect(readText(popup.shadowRoot!.querySelector('[data-part="connection"]'))).toBe('Live');
  });

  it('renders nothing until the first reads are done (no flash of the empty state)', async () => {
    await watchListItem.set([ada]);
    const popup = document.createElement('presence-popup');
    document.body.append(popup);
    await popup.updateComplete;
    expect(popup.shadowRoot!.querySelector('[data-part="empty"]')).toBeNull();
    expect(items(popup)).toHaveLength(0);
    await settle(popup);
    expect(items(popup)).toHaveLength(1);
    expect(popup.shadowRoot!.querySelector('[data-part="empty"]')).toBeNull();
  });

  it('updates live when the background sends a change', async () => {
    await watchListItem.set([ada]);
    await connectionItem.set(live);
    await livePresenceItem.set({ 'ada-id': presence('ada-id', PresenceStatus.Active) });
    const popup = await open();
    expect(partText(itemFor(popup, 'ada-id'), 'status-label')).toBe('Active');

    popupPresenceFeed.deliver(
      presenceChanges({
        'ada-id': presence('ada-id', PresenceStatus.Meeting, { customStatus: 'Weekly sync' }),
      }),
    );
    await settle(popup);

    const item = itemFor(popup, 'ada-id');
    expect(partText(item, 'status-label')).toBe('In a meeting');
    expect(partText(item, 'custom-status')).toBe('Weekly sync');
  });

  it('adds and removes rows when the worker says the watch list changed', async () => {
    await watchListItem.set([ada]);
    const popup = await open();
    await watchListItem.set([ada, grace]);
    popupPresenceFeed.deliver({ type: 'watchListChanged' });
    await settle(popup);
    expect(items(popup).map((li) => li.dataset.contactId)).toEqual(['ada-id', 'grace-id']);
    await watchListItem.set([grace]);
    popupPresenceFeed.deliver({ type: 'watchListChanged' });
    await settle(popup);
    expect(items(popup).map((li) => li.dataset.contactId)).toEqual(['grace-id']);
  });

  it('re-renders as the clock moves so relative times stay right, and drops an expired "until"', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: NOW });
    await watchListItem.set([ada]);
    await connectionItem.set(live);
    await livePresenceItem.set({
      'ada-id': presence('ada-id', PresenceStatus.Inactive, {
        lastActiveTime: NOW - 60_000,
      }),
    });
    const popup = await open();
    expect(partText(itemFor(popup, 'ada-id'), 'last-active')).toBe('active 1 minute ago');

    popupPresenceFeed.deliver(
      presenceChanges({
        'ada-id': presence('ada-id', PresenceStatus.Dnd, { expiresTime: NOW + 45_000 }),
      }),
    );
    await settle(popup);
    expect(partText(itemFor(popup, 'ada-id'), 'until')).not.toBeNull();

    vi.advanceTimersByTime(60_000);
    await settle(popup);
    expect(partText(itemFor(popup, 'ada-id'), 'until')).toBeNull();
    expect(partText(itemFor(popup, 'ada-id'), 'status-label')).toBe('Do not disturb');
  });

  it('advances "active N min ago" with the clock', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: NOW });
    await watchListItem.set([ada]);
    await livePresenceItem.set({
      'ada-id': presence('ada-id', PresenceStatus.Inactive, { lastActiveTime: NOW - 60_000 }),
    });
    const popup = await open();
    vi.advanceTimersByTime(4 * 60_000);
    await settle(popup);
    expect(partText(itemFor(popup, 'ada-id'), 'last-active')).toBe('active 5 minutes ago');
  });

  it('falls back to last-known presence, marked, and says how old it is', async () => {
    await watchListItem.set([ada, grace]);
    await connectionItem.set({ ...live, phase: 'reconnecting' });
    await lastKnownPresenceItem.set({
      presence: { 'ada-id': presence('ada-id', PresenceStatus.Busy) },
      savedAt: NOW - 2 * 3_600_000,
    });
    const popup = await open();

    const adaItem = itemFor(popup, 'ada-id');
    expect(partText(adaItem, 'status-label')).toBe('Busy');
    expect(partText(adaItem, 'last-known')).toBe('(last known)');
    expect(rowText(adaItem)).toBe('Ada Lovelace, Busy (last known)');
    const graceItem = itemFor(popup, 'grace-id');
    expect(partText(graceItem, 'status-label')).toBe('Unknown');
    expect(partText(graceItem, 'last-known')).toBeNull();

    const root = popup.shadowRoot!;
    expect(readText(root.querySelector('[data-part="connection"]'))).toBe('Reconnecting…');
    expect(readText(root.querySelector('[data-part="freshness"]'))).toBe(
      'Showing last known presence, updated 2 hours ago',
    );
  });

  it('prefers live presence over last known', async () => {
    await watchListItem.set([ada]);
    await connectionItem.set(live);
    await lastKnownPresenceItem.set({
      presence: { 'ada-id': presence('ada-id', PresenceStatus.Busy) },
      savedAt: NOW - 60_000,
    });
    await livePresenceItem.set({ 'ada-id': presence('ada-id', PresenceStatus.Active) });
    const popup = await open();
    const item = itemFor(popup, 'ada-id');
    expect(partText(item, 'status-label')).toBe('Active');
    expect(partText(item, 'last-known')).toBeNull();
    expect(popup.shadowRoot!.querySelector('[data-part="freshness"]')).toBeNull();
  });

  it('shows the empty state with a working "Open options" button for a new user', async () => {
    const openOptionsPage = vi.fn(() => Promise.resolve());
    fakeBrowser.runtime.openOptionsPage = openOptionsPage;
    const popup = await open();
    const root = popup.shadowRoot!;

    expect(root.querySelector('ul')).toBeNull();
    expect(readText(root.querySelector('[data-part="empty"]'))).toContain(
      'You are not watching anyone yet',
    );
    const button = [...root.querySelectorAll('button')].find((b) => readText(b) === 'Open options');
    expect(button).toBeDefined();
    button!.click();
    expect(openOptionsPage).toHaveBeenCalledOnce();
  });

  it('tells a signed-out user, and "Sign in" opens Options', async () => {
    const openOptionsPage = vi.fn(() => Promise.resolve());
    fakeBrowser.runtime.openOptionsPage = openOptionsPage;
    await watchListItem.set([ada]);
    const popup = await open();
    const root = popup.shadowRoot!;
    expect(readText(root.querySelector('[data-part="connection"]'))).toMatch(/^Signed out/);
    const signIn = [...root.querySelectorAll('button')].find((b) => readText(b) === 'Sign in');
    signIn!.click();
    expect(openOptionsPage).toHaveBeenCalledOnce();
  });

  it('shows why the connection failed, since when, and offers Reconnect', async () => {
    await watchListItem.set([ada]);
    await connectionItem.set({ ...live, phase: 'error', message: 'The token has expired.' });
    const popup = await open();
    expect([...popup.shadowRoot!.querySelectorAll('button')].map(readText)).toContain('Reconnect');
    expect(readText(popup.shadowRoot!.querySelector('[data-part="connection"]'))).toBe(
      `Offline since ${formatClock(live.since)} — The token has expired.`,
    );
  });

  it('stops following changes when removed', async () => {
    await watchListItem.set([ada]);
    const popup = await open();
    popup.remove();
    popupPresenceFeed.deliver(
      presenceChanges({ 'ada-id': presence('ada-id', PresenceStatus.Call) }),
    );
    await settle(popup);
    expect(partText(itemFor(popup, 'ada-id'), 'status-label')).toBe('Unknown');
    popupPresenceFeed.subscribe(() => undefined)(); // drop what was kept for the next popup
  });
});
