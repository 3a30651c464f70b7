/**
 * Managing contacts on the options page against the emulator: one by email, by name search from
 * the keyboard, many by pasting a list, and the watch list file (import with bad entries, and an
 * export -> import round trip).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { axeViolations } from './support/axe';
import { addContactViaOptions, useSession } from './support/session';

const removeButton = (options: Page, name: string) =>
  options.getByRole('button', { name: `Remove ${name}`, exact: true });

async function listedNames(options: Page): Promise<string[]> {
  const labels = await options
    .getByRole('button', { name: /^Remove / })
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
  return labels.map((l) => l.replace(/^Remove /, ''));
}

function summaryLine(options: Page, region: string, part: string) {
  return options.locator(`[data-part="${region}"] [data-part="${part}"]`);
}

describe('managing contacts in options', () => {
  const session = useSession();

  test('adds one by email and announces it', async () => {
    const s = session();
    await s.control.createPerson('Lin Wei', 'lin.wei@example.com');
    await addContactViaOptions(s.options, 'lin.wei@example.com', 'Lin Wei');
    await expect
      .poll(() => s.options.getByRole('status').allInnerTexts())
      .toEqual(expect.arrayContaining(['Added Lin Wei']));
  });

  test('adds by name search, from the keyboard only', async () => {
    const s = session();
    await s.control.createPerson('Barbara Liskov', 'barbara.liskov@example.com');
    await s.control.createPerson('Barbara McClintock', 'barbara.mcclintock@example.com');
    const field = s.options.getByLabel('Add contact');
    await field.focus();
    await s.options.keyboard.type('barb');
    const listbox = s.options.getByRole('listbox', { name: 'People found' });
    await listbox.waitFor();
    await expect.poll(() => listbox.getByRole('option').count()).toBe(2);
    expect(await field.getAttribute('aria-expanded')).toBe('true');

    // Escape closes the list; Down opens it again on the first result.
    await s.options.keyboard.press('Escape');
    await expect.poll(() => field.getAttribute('aria-expanded')).toBe('false');
    await s.options.keyboard.type('a');
    await listbox.waitFor();
    await s.options.keyboard.press('ArrowDown');
    await s.options.keyboard.press('ArrowDown');
    // The open results, with one chosen, pass axe in light and dark mode.
    for (const colorScheme of ['light', 'dark'] as const) {
      await s.options.emulateMedia({ colorScheme });
      expect(await axeViolations(s.options)).toEqual([]);
    }
    const active = await field.getAttribute('aria-activedescendant');
    const chosen = listbox.locator(`[id="${active}"]`);
    expect(await chosen.getAttribute('aria-selected')).toBe('true');
    const chosenName = (await chosen.locator('.name').innerText()).trim();
    await s.options.keyboard.press('Enter');
    await removeButton(s.options, chosenName).waitFor({ timeout: 10_000 });
    expect(await field.inputValue()).toBe('');
  });

  test('adds a pasted list, paced, with a summary: added, already watched, not found, bots', async () => {
    const s = session();
    for (let i = 0; i < 4; i++) {
      await s.control.createPerson(`Paste Person ${i}`, `paste.${i}@example.com`);
    }
    const kept = await s.control.createPerson('Paste Kept', 'paste.kept@example.com');
    await s.control.createPerson('Paste Bot', 'paste.bot@example.com', 'bot');
    await addContactViaOptions(s.options, 'paste.kept@example.com', 'Paste Kept');

    const pasted = [
      'paste.0@example.com, paste.1@example.com',
      'paste.2@example.com; nobody.here@example.com',
      `paste.bot@example.com ${kept.id}`,
      'Paste Person 3 <paste.3@example.com>',
    ].join('\n');
    await s.options.getByLabel('Paste a list').fill(pasted);
    await s.options.getByRole('button', { name: 'Add all' }).click();
    await summaryLine(s.options, 'paste-summary', 'added').waitFor({ timeout: 20_000 });

    expect(await summaryLine(s.options, 'paste-summary', 'added').innerText()).toContain(
      'Added: 4',
    );
    expect(await summaryLine(s.options, 'paste-summary', 'already').innerText()).toContain(
      'Already watched: 1',
    );
    expect(await summaryLine(s.options, 'paste-summary', 'not-found').innerText()).toContain(
      'nobody.here@example.com',
    );
    expect(await summaryLine(s.options, 'paste-summary', 'bots').innerText()).toContain(
      'paste.bot@example.com',
    );
    for (let i = 0; i < 4; i++) await removeButton(s.options, `Paste Person ${i}`).waitFor();
    expect(await listedNames(s.options)).not.toContain('Paste Bot');
  });

  test('imports a file with two bad entries: each reported, the rest imported, nothing lost', async () => {
    const s = session();
    const fresh = await s.control.createPerson('Import Fresh', 'import.fresh@example.com');
    await s.control.createPerson('Import Existing', 'import.existing@example.com');
    await addContactViaOptions(s.options, 'import.existing@example.com', 'Import Existing');
    const existingId = await removeButton(s.options, 'Import Existing').evaluate(
      (b) => b.closest('li')?.getAttribute('data-contact-id') ?? '',
    );
    const before = await listedNames(s.options);
    const file = {
      format: 'presence-lens-watch-list',
      version: 1,
      exportedAt: new Date().toISOString(),
      contacts: [
        // Already watched: the file's other name and group must not replace what is there.
        {
          contactId: existingId,
          displayName: 'Someone Else',
          emails: [],
          addedAt: 1,
          group: 'Other',
        },
        { displayName: 'No id', emails: [], addedAt: 1 },
        {
          contactId: fresh.id,
          displayName: 'Import Fresh',
          emails: ['import.fresh@example.com'],
          addedAt: 2,
          group: 'Imported',
          notify: true,
        },
        { contactId: 'x', displayName: 'Bad notify', emails: [], addedAt: 1, notify: 'yes' },
      ],
    };
    await s.options.getByLabel('Import contacts from a file').setInputFiles({
      name: 'contacts.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    const bad = summaryLine(s.options, 'import-summary', 'bad');
    await bad.waitFor({ timeout: 10_000 });
    const badText = await bad.innerText();
    expect(badText).toContain('Entries with problems: 2');
    expect(badText).toContain('contacts[1]: a contact needs a contactId');
    expect(badText).toContain('contacts[3]');
    expect(await summaryLine(s.options, 'import-summary', 'added').innerText()).toContain(
      'Added: 1',
    );
    expect(await summaryLine(s.options, 'import-summary', 'already').innerText()).toContain(
      'Already watched: 1',
    );
    await removeButton(s.options, 'Import Fresh').waitFor();
    expect((await listedNames(s.options)).sort()).toEqual([...before, 'Import Fresh'].sort());
    expect(await listedNames(s.options)).not.toContain('Someone Else');
    await expect
      .poll(() => s.options.getByLabel('Notify me when available: Import Fresh').isChecked())
      .toBe(true);
    expect(await s.options.getByLabel('Group of Import Fresh').inputValue()).toBe('Imported');

    // A file that is not a contact list: one clear error, nothing changes.
    await s.options.getByLabel('Import contacts from a file').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await expect
      .poll(() => s.options.getByRole('alert').allInnerTexts())
      .toEqual(
        expect.arrayContaining([expect.stringContaining('not a Presence Lens contact list')]),
      );
    expect((await listedNames(s.options)).sort()).toEqual([...before, 'Import Fresh'].sort());
  });

  test('export then import is a round trip, groups and all; Remove has Undo', async () => {
    const s = session();
    await s.control.createPerson('Round Trip', 'round.trip@example.com');
    await addContactViaOptions(s.options, 'round.trip@example.com', 'Round Trip');
    const group = s.options.getByLabel('Group of Round Trip');
    await group.fill('Team');
    await group.press('Enter');
    await expect
      .poll(() => s.options.getByRole('status').allInnerTexts())
      .toEqual(expect.arrayContaining(['Round Trip is in Team now.']));

    const [download] = await Promise.all([
      s.options.waitForEvent('download'),
      s.options.getByRole('link', { name: 'Export contacts' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^presence-lens-contacts-\d{4}-\d{2}-\d{2}\.json$/,
    );
    const path = await download.path();
    const exported = JSON.parse(readFileSync(path, 'utf8')) as {
      format: string;
      version: number;
      contacts: { displayName: string; group?: string }[];
    };
    expect(exported.format).toBe('presence-lens-watch-list');
    expect(exported.version).toBe(1);
    const names = await listedNames(s.options);
    expect(exported.contacts.map((c) => c.displayName).sort()).toEqual([...names].sort());
    expect(exported.contacts.find((c) => c.displayName === 'Round Trip')?.group).toBe('Team');

    // Remove, and Undo brings it back.
    await removeButton(s.options, 'Round Trip').click();
    await removeButton(s.options, 'Round Trip').waitFor({ state: 'detached' });
    await s.options.getByRole('button', { name: 'Undo: put Round Trip back' }).click();
    await removeButton(s.options, 'Round Trip').waitFor();
    expect(await s.options.getByLabel('Group of Round Trip').inputValue()).toBe('Team');

    // Remove everyone, then import the exported file: the same list comes back.
    for (const name of names) {
      await removeButton(s.options, name).click();
      await removeButton(s.options, name).waitFor({ state: 'detached' });
    }
    expect(await listedNames(s.options)).toEqual([]);
    await s.options.getByLabel('Import contacts from a file').setInputFiles(path);
    await expect
      .poll(async () => (await listedNames(s.options)).sort(), { timeout: 10_000 })
      .toEqual([...names].sort());
    expect(await s.options.getByLabel('Group of Round Trip').inputValue()).toBe('Team');
    expect(
      await s.options.getByRole('heading', { name: 'Team', exact: true }).count(),
    ).toBeGreaterThan(0);
    // Groups, summaries and all: the page still passes axe, in light and dark mode.
    for (const colorScheme of ['light', 'dark'] as const) {
      await s.options.emulateMedia({ colorScheme });
      expect(await axeViolations(s.options)).toEqual([]);
    }
  });
});
