// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PresenceStatus } from '../../../src/core/presence';
import { nameCollator, sortContactsByName } from '../../../src/shared/contact-list';
import { listHeadOf } from '../../../src/shared/list-head';
import {
  connectionItem,
  listHeadItem,
  listOrderItem,
  livePresenceItem,
  watchListItem,
} from '../../../src/shared/storage-items';
import type { PresencePopup } from '../../../src/popup/presence-popup';
import '../../../src/popup/presence-popup';

vi.mock('@lit-labs/virtualizer/virtualize.js', () => import('./virtualizer-mock'));
import { ada, grace, mount, presence, readText, settle, liveConnection } from '../ui/fixtures';

const live = liveConnection;
const collator = nameCollator('en');

const rowIds = (popup: PresencePopup) =>
  [...popup.shadowRoot!.querySelectorAll<HTMLElement>('li[data-contact-id]')].map(
    (li) => li.dataset.contactId,
  );

/** Mounts a popup and records the rows of its first paint that shows any. */
async function openRecordingFirstRows(): Promise<{ popup: PresencePopup; first: string[] }> {
  const popup = document.createElement('presence-popup');
  let first: string[] = [];
  const observer = new MutationObserver(() => {
    if (first.length === 0) first = rowIds(popup).filter((id): id is string => id !== undefined);
  });
  document.body.append(popup);
  observer.observe(popup.shadowRoot!, { childList: true, subtree: true });
  await settle(popup, 10);
  observer.disconnect();
  return { popup, first };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('<presence-popup> and the list head', () => {
  it("paints the worker's first rows first, then the whole list", async () => {
    await watchListItem.set([ada, grace]);
    await connectionItem.set(live);
    await livePresenceItem.set({ 'grace-id': presence('grace-id', PresenceStatus.Meeting) });
    // A head written before Grace was added: Ada only, in a meeting then.
    const head = listHeadOf(
      [ada],
      { 'ada-id': presence('ada-id', PresenceStatus.Meeting) },
      'name',
      collator,
    );
    await listHeadItem.set(head);

    const { popup, first } = await openRecordingFirstRows();

    expect(first).toEqual(['ada-id']);
    expect(rowIds(popup)).toEqual(['ada-id', 'grace-id']);
    expect(readText(popup.shadowRoot!.querySelector('li[data-contact-id="grace-id"]'))).toContain(
      'In a meeting',
    );
  });

  it('reads the whole list first when the head is of another order or presence is not live', async () => {
    await watchListItem.set([ada, grace]);
    await listHeadItem.set(listHeadOf([ada], {}, 'availability', collator));
    await connectionItem.set(live);
    expect((await openRecordingFirstRows()).first).toEqual(['ada-id', 'grace-id']);

    document.body.innerHTML = '';
    await listHeadItem.set(listHeadOf([ada], {}, 'name', collator));
    await connectionItem.set({ ...live, phase: 'reconnecting' });
    expect((await openRecordingFirstRows()).first).toEqual(['ada-id', 'grace-id']);
  });

  it('remembers the sort order chosen, and opens with it', async () => {
    await watchListItem.set(sortContactsByName([ada, grace], collator));
    await connectionItem.set(live);
    await livePresenceItem.set({ 'grace-id': presence('grace-id', PresenceStatus.Active) });
    const popup = await mount<PresencePopup>('presence-popup');
    await settle(popup);
    const select = popup.shadowRoot!.querySelector('select')!;
    select.value = 'availability';
    select.dispatchEvent(new Event('change'));
    await settle(popup);
    expect(await listOrderItem.get()).toBe('availability');

    document.body.innerHTML = '';
    const again = await mount<PresencePopup>('presence-popup');
    await settle(again);
    expect(again.shadowRoot!.querySelector('select')!.value).toBe('availability');
    expect(rowIds(again)).toEqual(['grace-id', 'ada-id']);
  });
});
