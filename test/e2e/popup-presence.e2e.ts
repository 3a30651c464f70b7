import { describe, expect, test } from 'vitest';
import { addContactViaOptions, popupItem, rowText, useSession } from './support/session';

describe('popup shows live presence from the emulator', () => {
  const session = useSession();

  test('dnd with expiry and custom status, then active, updates the open popup; removal unsubscribes', async () => {
    const s = session();
    const ada = await s.control.createPerson('Ada Lovelace', 'ada@example.com');
    await addContactViaOptions(s.options, 'ada@example.com', 'Ada Lovelace');
    const popup = await s.extension.openPage('src/popup/index.html');
    await popupItem(popup, 'Ada Lovelace').waitFor();

    const dnd = await s.control.setPresence(ada.id, {
      status: 'dnd',
      ttl: 1800,
      customStatus: 'Focus time',
    });
    expect(dnd.expiresTime).toBeDefined();
    // The expiry is 30 minutes away: from 23:30 on it is tomorrow, which the popup names.
    const expectedTime = await popup.evaluate((iso) => {
      const expires = new Date(iso);
      const tomorrow = expires.toDateString() !== new Date().toDateString();
      return new Intl.DateTimeFormat(undefined, {
        ...(tomorrow ? { weekday: 'short' } : {}),
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(expires);
    }, dnd.expiresTime as string);
    await expect
      .poll(rowText(popup, 'Ada Lovelace'), { timeout: 5_000 })
      .toContain('Do not disturb');
    const row = await rowText(popup, 'Ada Lovelace')();
    expect(row).toContain('Focus time');
    expect(row).toContain(`until ${expectedTime}`);

    await s.control.setPresence(ada.id, { status: 'active' });
    await expect
      .poll(rowText(popup, 'Ada Lovelace'), { timeout: 2_000, interval: 50 })
      .toContain('Active');
    expect(await rowText(popup, 'Ada Lovelace')()).not.toContain('until');

    await s.options.getByRole('button', { name: 'Remove Ada Lovelace' }).click();
    await expect
      .poll(async () => (await s.control.stats()).subscriptionCalls, { timeout: 5_000 })
      .toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            subscriptionTtl: 0,
            subjects: expect.arrayContaining([ada.uuid]),
          }),
        ]),
      );
    await expect.poll(() => popup.getByRole('listitem').count(), { timeout: 5_000 }).toBe(0);
  });

  test('a contact with a profile picture shows it; one without shows initials', async () => {
    const s = session();
    await s.control.createPerson('Hedy Lamarr', 'hedy@example.com', 'person', true);
    await s.control.createPerson('Alan Turing', 'alan@example.com');
    await addContactViaOptions(s.options, 'hedy@example.com', 'Hedy Lamarr');
    await addContactViaOptions(s.options, 'alan@example.com', 'Alan Turing');
    const popup = await s.extension.openPage('src/popup/index.html');
    const picture = popupItem(popup, 'Hedy Lamarr').locator('.avatar img');
    // Loaded from the emulator's avatar host, through the extension pages' img-src.
    await expect
      .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    expect(await picture.isVisible()).toBe(true);
    const alan = popupItem(popup, 'Alan Turing').locator('.avatar');
    expect(await alan.locator('img').count()).toBe(0);
    expect((await alan.innerText()).trim()).toBe('AT');
    await popup.close();
    for (const name of ['Hedy Lamarr', 'Alan Turing']) {
      await s.options.getByRole('button', { name: `Remove ${name}` }).click();
      await s.options
        .getByRole('button', { name: `Remove ${name}` })
        .waitFor({ state: 'detached' });
    }
  });

  test('an unknown email and a bot are refused with a clear error, and nothing is added', async () => {
    const s = session();
    await s.control.createPerson('Build Bot', 'build.bot@example.com', 'bot');
    const field = s.options.getByLabel('Add contact');
    await field.fill('nobody@example.com');
    await s.options.getByRole('button', { name: 'Add', exact: true }).click();
    await expect
      .poll(() => s.options.getByRole('alert').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining('nobody@example.com')]));
    expect(await field.inputValue()).toBe('nobody@example.com');

    await field.fill('build.bot@example.com');
    await s.options.getByRole('button', { name: 'Add', exact: true }).click();
    await expect
      .poll(() => s.options.getByRole('alert').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining('bot')]));
    expect(await s.options.getByRole('button', { name: /^Remove / }).count()).toBe(0);
  });
});
