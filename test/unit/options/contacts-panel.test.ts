// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { PresenceContactsPanel } from '../../../src/options/contacts-panel';
import { EMPTY_QUERY_ERROR } from '../../../src/options/contacts-panel';
import type { UiRequest } from '../../../src/shared/messages';
import { watchListItem } from '../../../src/shared/storage-items';
import { ada, grace, mount, readText, settle } from '../ui/fixtures';
import { fakeBackground } from './fake-background';

async function open(): Promise<PresenceContactsPanel> {
  const panel = await mount<PresenceContactsPanel>('presence-contacts-panel');
  await settle(panel);
  return panel;
}

function addField(panel: PresenceContactsPanel): HTMLInputElement {
  const root = panel.shadowRoot!;
  const label = [...root.querySelectorAll('label')].find((l) => readText(l) === 'Add contact');
  const input = root.getElementById(label!.htmlFor);
  if (!(input instanceof HTMLInputElement)) throw new Error('"Add contact" labels no input');
  return input;
}

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function pressEnter(panel: PresenceContactsPanel): void {
  // Enter in a text field submits its form; happy-dom does not do that by itself.
  panel.shadowRoot!.querySelector('form')!.requestSubmit();
}

function text(panel: PresenceContactsPanel, part: string): string {
  return readText(panel.shadowRoot!.querySelector(`[data-part="${part}"]`));
}

function rows(panel: PresenceContactsPanel): HTMLElement[] {
  return [...panel.shadowRoot!.querySelectorAll<HTMLElement>('li[role="listitem"]')];
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('<presence-contacts-panel>', () => {
  it('has a labelled field with the placeholder', async () => {
    const panel = await open();
    expect(addField(panel).placeholder).toBe('Email or Webex person id');
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
    await settle(panel);

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
    const add = [...panel.shadowRoot!.querySelectorAll('button')].find(
      (b) => readText(b) === 'Add',
    );
    add!.click();
    await settle(panel);
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
    await settle(panel);

    const error = panel.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!)!;
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
    await settle(panel);
    expect(background.requests).toEqual([]);
    expect(text(panel, 'add-error')).toBe(EMPTY_QUERY_ERROR);
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

  it('removes a contact with a button named after them', async () => {
    await watchListItem.set([ada, grace]);
    const background = fakeBackground((request) => {
      if (request.type === 'removeContact') {
        void watchListItem.set([grace]); // what the real background does
      }
      return { ok: true };
    });
    const panel = await open();
    const remove = panel.shadowRoot!.querySelector<HTMLButtonElement>(
      'button[aria-label="Remove Ada Lovelace"]',
    );
    expect(readText(remove)).toBe('Remove');
    remove!.click();
    await settle(panel);

    expect(background.requests).toEqual([{ type: 'removeContact', contactId: 'ada-id' }]);
    expect(rows(panel).map((r) => r.dataset.contactId)).toEqual(['grace-id']);
    expect(text(panel, 'announcement')).toBe('Removed Ada Lovelace');
    expect(panel.shadowRoot!.activeElement).toBe(addField(panel));
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
