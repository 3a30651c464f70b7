/**
 * Issue 9 in the real browser: a contact with "notify" on becoming Active raises one system
 * notification (none for flapping within two minutes), and the toolbar badge counts who is
 * available. Both are read back through the extension's own APIs from an extension page.
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { addContactViaOptions, useSession } from './support/session';

const session = useSession();

interface Stored<T> {
  v: number;
  value: T;
}

/** Turns "notify" on for one contact the way the options page stores it (same envelope version). */
async function setNotify(page: Page, name: string): Promise<string> {
  return page.evaluate(async (displayName) => {
    const { watchList } = (await chrome.storage.local.get('watchList')) as {
      watchList: Stored<{ contactId: string; displayName: string; notify?: boolean }[]>;
    };
    const contact = watchList.value.find((c) => c.displayName === displayName);
    if (!contact) throw new Error(`${displayName} is not on the watch list`);
    contact.notify = true;
    await chrome.storage.local.set({ watchList });
    return contact.contactId;
  }, name);
}

const liveStatus = (page: Page, contactId: string) => () =>
  page.evaluate(async (id) => {
    const { presence } = (await chrome.storage.session.get('presence')) as {
      presence?: Stored<Record<string, { status: string }>>;
    };
    return presence?.value[id]?.status ?? 'none';
  }, contactId);

const notificationIds = (page: Page) => () =>
  page.evaluate(async () => Object.keys(await chrome.notifications.getAll()));

const notifiedAt = (page: Page, contactId: string) =>
  page.evaluate(async (id) => {
    const { availabilityNotices } = (await chrome.storage.session.get('availabilityNotices')) as {
      availabilityNotices?: Stored<Record<string, { notifiedAt: number }>>;
    };
    return availabilityNotices?.value[id]?.notifiedAt ?? 0;
  }, contactId);

const badgeText = (page: Page) => () => page.evaluate(() => chrome.action.getBadgeText({}));
const badgeTitle = (page: Page) => () => page.evaluate(() => chrome.action.getTitle({}));

test('Dnd -> Active notifies once, flapping does not, and the badge counts who is available', async () => {
  const s = session();
  const page = s.options;
  const ana = await s.control.createPerson('Ana Silva', 'ana@example.com');
  const lin = await s.control.createPerson('Lin Wei', 'lin@example.com');
  await s.control.setPresence(ana.id, { status: 'dnd' });
  await s.control.setPresence(lin.id, { status: 'meeting' });
  await addContactViaOptions(page, 'ana@example.com', 'Ana Silva');
  await addContactViaOptions(page, 'lin@example.com', 'Lin Wei');
  const anaId = await setNotify(page, 'Ana Silva');
  await expect.poll(liveStatus(page, anaId), { timeout: 10_000 }).toBe('Dnd');
  await expect
    .poll(badgeTitle(page), { timeout: 5_000 })
    .toBe('Presence Lens — 0 of 2 available, 1 in meetings or calls');
  expect(await badgeText(page)()).toBe('');
  expect(await notificationIds(page)()).toEqual([]);

  await s.control.setPresence(ana.id, { status: 'active' });
  await expect
    .poll(notificationIds(page), { timeout: 10_000 })
    .toEqual([`presence-lens:available:${anaId}`]);
  await expect.poll(badgeText(page), { timeout: 5_000 }).toBe('1');
  expect(await badgeTitle(page)()).toBe('Presence Lens — 1 of 2 available, 1 in meetings or calls');
  const first = await notifiedAt(page, anaId);
  expect(first).toBeGreaterThan(0);
  await page.evaluate((id) => chrome.notifications.clear(id), `presence-lens:available:${anaId}`);

  // Away and back within two minutes: a flap, not news.
  await s.control.setPresence(ana.id, { status: 'dnd' });
  await expect.poll(liveStatus(page, anaId), { timeout: 10_000 }).toBe('Dnd');
  await expect.poll(badgeText(page), { timeout: 5_000 }).toBe('');
  await s.control.setPresence(ana.id, { status: 'active' });
  await expect.poll(liveStatus(page, anaId), { timeout: 10_000 }).toBe('Active');
  await expect.poll(badgeText(page), { timeout: 5_000 }).toBe('1');
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await notificationIds(page)()).toEqual([]);
  expect(await notifiedAt(page, anaId)).toBe(first);

  // Lin has notify off: becoming Active counts on the badge but raises nothing.
  await s.control.setPresence(lin.id, { status: 'active' });
  await expect.poll(badgeText(page), { timeout: 10_000 }).toBe('2');
  expect(await badgeTitle(page)()).toBe('Presence Lens — 2 of 2 available');
  expect(await notificationIds(page)()).toEqual([]);
});
