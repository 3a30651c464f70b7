import { expect, test } from 'vitest';
import { statSync } from 'node:fs';
import { axeViolations } from './support/axe';
import { saveScreenshot } from './support/screenshots';
import { addContactViaOptions, popupItem, useSession } from './support/session';

const session = useSession();

test('the popup empty state and the options page pass axe, in light and dark mode', async () => {
  const s = session();
  for (const colorScheme of ['light', 'dark'] as const) {
    const popup = await s.extension.openPage('src/popup/index.html');
    await popup.emulateMedia({ colorScheme });
    await popup.getByRole('button', { name: 'Open options' }).waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    await s.options.emulateMedia({ colorScheme });
    expect(await axeViolations(s.options)).toEqual([]);
    await popup.close();
  }
});

test('the popup with every status passes axe, and the list works from the keyboard', async () => {
  const s = session();
  const statuses = [
    'active',
    'inactive',
    'dnd',
    'quiet',
    'busy',
    'ooo',
    'call',
    'meeting',
    'presenting',
    'calendarItem',
    'pending',
    'unknown',
  ];
  for (const [i, status] of statuses.entries()) {
    const person = await s.control.createPerson(`Tester ${status}`, `tester.${i}@example.com`);
    await addContactViaOptions(s.options, `tester.${i}@example.com`, `Tester ${status}`);
    await s.control.setPresence(person.id, { status, customStatus: `Note ${i}`, ttl: 600 });
  }
  expect(await axeViolations(s.options)).toEqual([]);
  const backgrounds = new Set<string>();
  for (const colorScheme of ['light', 'dark'] as const) {
    const popup = await s.extension.openPage('src/popup/index.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.emulateMedia({ colorScheme });
    await popupItem(popup, 'Tester unknown').waitFor();
    await expect
      .poll(() => popupItem(popup, 'Tester calendarItem').innerText())
      .toContain('Calendar event');
    expect(await axeViolations(popup)).toEqual([]);
    backgrounds.add(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor));
    expect(statSync(await saveScreenshot(popup, `popup-${colorScheme}`)).size).toBeGreaterThan(0);
    await s.options.emulateMedia({ colorScheme });
    expect(
      statSync(await saveScreenshot(s.options, `options-${colorScheme}`)).size,
    ).toBeGreaterThan(0);
    await popup.close();
  }
  // The screenshots show two themes: the page background differs.
  expect(backgrounds.size).toBe(2);
  // Forced colours (Windows high contrast): glyphs and text take the system colours.
  const forced = await s.extension.openPage('src/popup/index.html');
  await forced.emulateMedia({ forcedColors: 'active' });
  await popupItem(forced, 'Tester dnd').waitFor();
  expect(await axeViolations(forced)).toEqual([]);
  await saveScreenshot(forced, 'popup-forced-colors');
  await forced.close();
  await s.options.emulateMedia({ colorScheme: 'light' });
  // Keyboard only: from the add field, Tab reaches Add, the sort order, then the first contact's
  // group, notify and Remove, and Enter removes.
  const deepFocus = () =>
    s.options.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
    });
  await s.options.getByLabel('Add contact').focus();
  await s.options.keyboard.press('Tab');
  expect(await deepFocus()).toBe('Add');
  const stops: string[] = [];
  for (let i = 0; i < 4; i++) {
    await s.options.keyboard.press('Tab');
    stops.push(await deepFocus());
  }
  expect(stops.slice(1)).toEqual([
    'Group of Tester active',
    'Notify me when available: Tester active',
    'Remove Tester active',
  ]);
  await s.options.keyboard.press('Enter');
  await s.options
    .getByRole('button', { name: 'Remove Tester active' })
    .waitFor({ state: 'detached' });
  expect(await s.options.getByRole('button', { name: /^Remove / }).count()).toBe(
    statuses.length - 1,
  );
});
