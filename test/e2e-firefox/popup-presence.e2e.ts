import { describe, expect, test } from 'vitest';
import { addContactViaOptions, useFirefoxSession } from './support/firefox-session';
import {
  click,
  fill,
  listItems,
  until,
  waitForRow,
  waitForText,
} from '../../scripts/lib/firefox-page-queries';
import { storeScreenshot } from './support/screenshots';

describe('Firefox: the popup shows live presence from the emulator', () => {
  const session = useFirefoxSession();

  test('connected through the options page, a contact added there shows its changes live', async () => {
    const s = session();
    const ada = await s.control.createPerson('Ada Lovelace', 'ada@example.com');
    await addContactViaOptions(s.options, 'ada@example.com', 'Ada Lovelace');
    const popup = await s.firefox.openPage('src/popup/index.html');
    await waitForRow(popup, 'Ada Lovelace');

    await s.control.setPresence(ada.id, { status: 'dnd', ttl: 1800, customStatus: 'Focus time' });
    const row = await waitForRow(popup, 'Ada Lovelace', 'Do not disturb', 5_000);
    expect(row).toContain('Focus time');
    expect(row).toContain('until');

    await s.control.setPresence(ada.id, { status: 'active' });
    expect(await waitForRow(popup, 'Ada Lovelace', 'Active', 2_000)).not.toContain('until');
    await storeScreenshot(s.options, 'options');
    await popup.close();
  });

  test('an unknown email is refused with a clear error, and nothing is added', async () => {
    const s = session();
    const before = await listItems(s.options);
    await s.control.createPerson('Lin Wei', 'lin.wei@example.com');
    await fill(s.options, 'Add contact', 'nobody@example.com');
    await click(s.options, 'Add');
    await waitForText(s.options, 'nobody@example.com');
    await until(
      'the list unchanged',
      () => listItems(s.options),
      (l) => l.length === before.length,
      2_000,
    );
  });

  test('removing the contact unsubscribes and empties the popup', async () => {
    const s = session();
    const popup = await s.firefox.openPage('src/popup/index.html');
    await waitForRow(popup, 'Ada Lovelace');
    await click(s.options, 'Remove Ada Lovelace');
    await expect
      .poll(
        async () =>
          (await s.control.stats()).subscriptionCalls.some((c) => c.subscriptionTtl === 0),
        {
          timeout: 5_000,
        },
      )
      .toBe(true);
    await until(
      'no rows',
      () => listItems(popup),
      (rows) => !rows.some((r) => r.includes('Ada')),
      5_000,
    );
  });
});
