// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PresenceAddContactField } from '../../../src/options/add-contact-field';
import { SEARCH_DEBOUNCE_MS } from '../../../src/options/add-contact-field';
import type { PresenceContactsPanel } from '../../../src/options/contacts-panel';
import { UNDO_MS } from '../../../src/options/contacts-panel';
import type { UiRequest } from '../../../src/shared/messages';
import { watchListItem } from '../../../src/shared/storage-items';
import { ada, grace, mount, readText, settle } from '../ui/fixtures';
import { fakeBackground } from './fake-background';

async function open(): Promise<PresenceContactsPanel> {
  const panel = await mount<PresenceContactsPanel>('presence-contacts-panel');
  await settle(panel);
  return panel;
}

function fieldElement(panel: PresenceContactsPanel): PresenceAddContactField {
  return panel.shadowRoot!.querySelector('presence-add-contact-field')!;
}

function fieldRoot(panel: PresenceContactsPanel): ShadowRoot {
  return fieldElement(panel).shadowRoot!;
}

function addField(panel: PresenceContactsPanel): HTMLInputElement {
  const root = fieldRoot(panel);
  const label = [...root.querySelectorAll('label')].find((l) => readText(l) === 'Add contact');
  const input = root.getElementById(label!.htmlFor);
  if (!(input instanceof HTMLInputElement)) throw new Error('"Add contact" labels no input');
  return input;
}

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function key(input: HTMLInputElement, name: string): void {
  input.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
}

function pressEnter(panel: PresenceContactsPanel): void {
  // Enter in a text field submits its form; happy-dom does not do that by itself.
  fieldRoot(panel).querySelector('form')!.requestSubmit();
}

function text(panel: PresenceContactsPanel, part: string): string {
  const inPanel = panel.shadowRoot!.querySelector(`[data-part="${part}"]`);
  return readText(inPanel ?? fieldRoot(panel).querySelector(`[data-part="${part}"]`));
}

function rows(panel: PresenceContactsPanel): HTMLElement[] {
  return [...panel.shadowRoot!.querySelectorAll<HTMLElement>('li[role="listitem"]')];
}

async function settleAll(panel: PresenceContactsPanel): Promise<void> {
  await settle(panel);
  await settle(fieldElement(panel));
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('<presence-contacts-panel>', () => {
  it('has a labelled field with the placeholder, as a combobox', async () => {
    const panel = await open();
    const input = addField(panel);
    expect(input.placeholder).toBe('Email, Webex person id or name');
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(text(panel, 'empty')).toContain('Nobody is watched yet');
  });

  it('adds a contact (Enter in the field), clears the field and announces it', async () => {
    const background = fakeBackground((request: UiRequest) =>
      request.type === 'addContact' ? { ok: true, contact: ada } : { ok: true },
    );
    const panel = await open();
    const input = addField(panel);
    type(input, '  ada@example.com ');
    pressEnter(panel);
    await settleAll(panel);

    expect(background.requests).toEqual([{ type: 'addContact', query: 'ada@example.com' }]);
    expect(input.value).toBe('');
    const announcement = panel.shadowRoot!.querySelector('[data-part="announcement"]')!;
    expect(announcement.getAttribute('role')).toBe('status');
    expect(readText(announcement)).toBe('Added Ada Lovelace');
    expect(text(panel, 'add-error')).toBe('');
  });

  it('adds with the Add button too', async () => {
    const background = fakeBackground(() => ({ ok: true, contact: grace }));
    const panel = await open();
    type(addField(panel), 'grace@example.com');
    const add = [...fieldRoot(panel).querySelectorAll('button')].find((b) => readText(b) === 'Add');
    add!.click();
    await settleAll(panel);
    expect(background.requests).toEqual([{ type: 'addContact', query: 'grace@example.com' }]);
    expect(text(panel, 'announcement')).toBe('Added Grace Hopper');
  });

  it('shows a failure next to the field and keeps what was typed', async () => {
    fakeBackground(() => ({
      ok: false,
      error: 'No Webex person has the email nobody@example.com.',
    }));
    const panel = await open();
    const input = addField(panel);
    type(input, 'nobody@example.com');
    pressEnter(panel);
    await settleAll(panel);

    const errorId = input.getAttribute('aria-describedby')!.split(' ')[1]!;
    const error = fieldRoot(panel).getElementById(errorId)!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(readText(error)).toBe('No Webex person has the email nobody@example.com.');
    expect(input.value).toBe('nobody@example.com');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(text(panel, 'announcement')).toBe('');
  });

  it('asks for something to add without sending a request', async () => {
    const background = fakeBackground();
    const panel = await open();
    type(addField(panel), '   ');
    pressEnter(panel);
    await settleAll(panel);
    expect(background.requests).toEqual([]);
    expect(text(panel, 'add-error')).toBe('Enter an email, a Webex person id or a name.');
  });

  it('searches a name once typing pauses, and adds the one chosen with the arrow keys', async () => {
    const people = [
      { id: 'ada-id', displayName: 'Ada Lovelace', email: 'ada@example.com', type: 'person' },
      { id: 'adabot', displayName: 'Ada Bot', email: 'bot@example.com', type: 'bot' },
      { id: 'adam-id', displayName: 'Adam Smith', email: 'adam@example.com', type: 'person' },
    ];
    const background = fakeBackground((request) =>
      request.type === 'searchPeople'
        ? { ok: true, people }
        : { ok: true, contact: { ...ada, contactId: 'adam-id', displayName: 'Adam Smith' } },
    );
    const panel = await open();
    const input = addField(panel);
    vi.useFakeTimers();
    type(input, 'a');
    type(input, 'ad');
    type(input, 'ada');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS + 10);
    vi.useRealTimers();
    await settleAll(panel);
    // One search for the pause, not one per key.
    expect(background.requests).toEqual([{ type: 'searchPeople', prefix: 'ada' }]);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const options = [...fieldRoot(panel).querySelectorAll('[role="option"]')];
    expect(options.map(readText)).toEqual([
      'Ada Lovelace ada@example.com',
      'Ada Bot bot@example.com (bot, cannot be watched)',
      'Adam Smith adam@example.com',
    ]);
    expect(options[1]!.getAttribute('aria-disabled')).toBe('true');
    expect(text(panel, 'search-status')).toContain('3 found');

    key(input, 'ArrowDown');
    key(input, 'ArrowDown');
    key(input, 'ArrowDown');
    await settleAll(panel);
    expect(input.getAttribute('aria-activedescendant')).toBe(options[2]!.id);
    expect(options[2]!.getAttribute('aria-selected')).toBe('true');
    key(input, 'ArrowDown'); // wraps to the first
    key(input, 'ArrowUp'); // and back to the last
    key(input, 'Enter');
    await settleAll(panel);
    expect(background.requests.at(-1)).toEqual({ type: 'addContact', query: 'adam-id' });
    expect(text(panel, 'announcement')).toBe('Added Adam Smith');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('Escape closes the results; emails and ids are never searched', async () => {
    const background = fakeBackground(() => ({
      ok: true,
      people: [{ id: 'x', displayName: 'Ada', email: '', type: 'person' }],
    }));
    const panel = await open();
    const input = addField(panel);
    type(input, 'ada');
    await new Promise((r) => setTimeout(r, SEARCH_DEBOUNCE_MS + 20));
    await settleAll(panel);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    key(input, 'Escape');
    await settleAll(panel);
    expect(input.getAttribute('aria-expanded')).toBe('false');

    type(input, 'ada@example.com');
    type(input, 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9hYmNkZWYxMjM0');
    await new Promise((r) => setTimeout(r, SEARCH_DEBOUNCE_MS + 20));
    expect(background.requests).toHaveLength(1);
  });

  it('lists the watch list live, with names and emails', async () => {
    await watchListItem.set([ada]);
    const panel = await open();
    expect(rows(panel).map((r) => r.dataset.contactId)).toEqual(['ada-id']);

    await watchListItem.set([ada, grace]);
    await settle(panel);
    const [, graceRow] = rows(panel);
    expect(readText(graceRow!.querySelector('[data-part="name"]'))).toBe('Grace Hopper');
    expect(readText(graceRow!.querySelector('[data-part="emails"]'))).toBe(
      'grace@example.com, ghopper@example.com',
    );
  });

  it('sorts by name or date added, and shows groups as sections', async () => {
    const zed = { ...ada, contactId: 'zed', displayName: 'Zed', addedAt: 0, group: 'Team' };
    await watchListItem.set([grace, ada, zed]);
    const panel = await open();
    const names = () => rows(panel).map((r) => readText(r.querySelector('[data-part="name"]')));
    const headings = () =>
      [...panel.shadowRoot!.querySelectorAll('[data-part="group-heading"]')].map(readText);
    expect(headings()).toEqual(['Team', 'No group']);
    expect(names()).toEqual(['Zed', 'Ada Lovelace', 'Grace Hopper']);

    await watchListItem.set([grace, ada]);
    await settle(panel);
    expect(headings()).toEqual([]);
    const sort = panel.shadowRoot!.querySelector<HTMLSelectElement>('#contact-sort')!;
    expect(sort.labels?.[0] ? readText(sort.labels[0]) : 'Sort by').toBe('Sort by');
    sort.value = 'name';
    sort.dispatchEvent(new Event('change'));
    await settle(panel);
    expect(names()).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });

  it('sets a group and "Notify me when available" through the background', async () => {
    await watchListItem.set([ada]);
    const background = fakeBackground(() => ({ ok: true }));
    const panel = await open();
    const group = panel.shadowRoot!.querySelector<HTMLInputElement>(
      'input[aria-label="Group of Ada Lovelace"]',
    )!;
    group.value = '  Team ';
    group.dispatchEvent(new Event('change'));
    await settle(panel);
    const notify = panel.shadowRoot!.querySelector<HTMLInputElement>(
      'input[aria-label="Notify me when available: Ada Lovelace"]',
    )!;
    notify.checked = true;
    notify.dispatchEvent(new Event('change'));
    await settle(panel);
    expect(background.requests).toEqual([
      { type: 'setGroup', contactIds: ['ada-id'], group: 'Team' },
      { type: 'setNotify', contactId: 'ada-id', notify: true },
    ]);
    expect(text(panel, 'announcement')).toBe('Ada Lovelace is in Team now.');
  });

  it('removes a contact with a button named after them, and Undo puts it back', async () => {
    await watchListItem.set([ada, grace]);
    const background = fakeBackground((request) => {
      if (request.type === 'removeContact') {
        void watchListItem.set([grace]); // what the real background does
      }
      if (request.type === 'restoreContact') void watchListItem.set([grace, ada]);
      return { ok: true };
    });
    const panel = await open();
    const remove = panel.shadowRoot!.querySelector<HTMLButtonElement>(
      'button[aria-label="Remove Ada Lovelace"]',
    );
    expect(readText(remove)).toBe('Remove');
    remove!.click();
    await settleAll(panel);

    expect(background.requests).toEqual([{ type: 'removeContact', contactId: 'ada-id' }]);
    expect(rows(panel).map((r) => r.dataset.contactId)).toEqual(['grace-id']);
    expect(text(panel, 'announcement')).toBe('Removed Ada Lovelace');
    expect(fieldRoot(panel).activeElement).toBe(addField(panel));

    const undo = panel.shadowRoot!.querySelector<HTMLButtonElement>('[data-part="undo"]')!;
    expect(readText(undo)).toBe('Undo');
    expect(undo.getAttribute('aria-label')).toBe('Undo: put Ada Lovelace back');
    undo.click();
    await settleAll(panel);
    expect(background.requests.at(-1)).toEqual({ type: 'restoreContact', contact: ada });
    expect(text(panel, 'announcement')).toBe('Ada Lovelace is back on the list.');
    expect(rows(panel).map((r) => r.dataset.contactId)).toEqual(['ada-id', 'grace-id']);
  });

  it('offers Undo for a while only', async () => {
    await watchListItem.set([ada]);
    fakeBackground(() => ({ ok: true }));
    const panel = await open();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    panel
      .shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Remove Ada Lovelace"]')!
      .click();
    await vi.advanceTimersByTimeAsync(50);
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelector('[data-part="undo"]')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(UNDO_MS);
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelector('[data-part="undo"]')).toBeNull();
  });

  it('shows why a removal failed and keeps the row', async () => {
    await watchListItem.set([ada]);
    fakeBackground(() => ({ ok: false, error: 'Storage is full.' }));
    const panel = await open();
    panel
      .shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Remove Ada Lovelace"]')!
      .click();
    await settle(panel);
    expect(text(panel, 'remove-error')).toBe('Could not remove Ada Lovelace: Storage is full.');
    expect(rows(panel)).toHaveLength(1);
  });
});
