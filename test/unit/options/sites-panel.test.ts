// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PresenceSitesPanel } from '../../../src/options/sites-panel';
import '../../../src/options/sites-panel';
import type { AllowedSite } from '../../../src/shared/allowed-site';
import type { UiRequest } from '../../../src/shared/messages';
import { allowedSitesItem, pageBadgeSettingsItem } from '../../../src/shared/storage-items';
import { mount, readText, settle } from '../ui/fixtures';
import { fakeBackground } from './fake-background';
import { fakePermissions } from './fake-permissions';

const jira: AllowedSite = {
  site: 'https://jira.example.com',
  matchPatterns: ['https://jira.example.com/*'],
  addedAt: 1,
};
const corp: AllowedSite = { site: '*.corp.test', matchPatterns: ['*://*.corp.test/*'], addedAt: 2 };

/** Answers like the real background: allowSite stores the site, removeSite forgets it. */
function background() {
  return fakeBackground((request: UiRequest) => {
    if (request.type === 'allowSite') {
      const site = [jira, corp].find((s) => s.site === request.site)!;
      void allowedSitesItem.update((list) =>
        list.some((s) => s.site === site.site) ? list : [...list, site],
      );
      return { ok: true, site };
    }
    if (request.type === 'removeSite') {
      void allowedSitesItem.update((list) => list.filter((s) => s.site !== request.site));
    }
    return { ok: true };
  });
}

async function open(): Promise<PresenceSitesPanel> {
  const panel = await mount<PresenceSitesPanel>('presence-sites-panel');
  await settle(panel);
  return panel;
}

function root(panel: PresenceSitesPanel): ShadowRoot {
  return panel.shadowRoot!;
}

function labelled(panel: PresenceSitesPanel, name: string): HTMLInputElement {
  const label = [...root(panel).querySelectorAll('label')].find((l) => readText(l) === name);
  const input = label && root(panel).getElementById(label.htmlFor);
  if (!(input instanceof HTMLInputElement)) throw new Error(`"${name}" labels no input`);
  return input;
}

function button(panel: PresenceSitesPanel, name: string): HTMLButtonElement | undefined {
  return [...root(panel).querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? readText(b)) === name,
  );
}

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function submit(panel: PresenceSitesPanel): void {
  root(panel).querySelector('form')!.requestSubmit();
}

function text(panel: PresenceSitesPanel, part: string): string {
  return readText(root(panel).querySelector(`[data-part="${part}"]`));
}

function row(panel: PresenceSitesPanel, site: string): HTMLElement | null {
  return root(panel).querySelector<HTMLElement>(`li[data-site="${site}"]`);
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('<presence-sites-panel>', () => {
  it('names its section, field, button and checkbox', async () => {
    fakePermissions();
    const panel = await open();
    expect(readText(root(panel).querySelector('h2'))).toBe('Sites');
    expect(readText(root(panel).querySelector('.hint'))).toBe(
      'Presence badges appear only on the sites you allow here.',
    );
    expect(labelled(panel, 'Site').placeholder).toBe('https://jira.example.com or *.example.com');
    expect(button(panel, 'Allow site')?.type).toBe('submit');
    expect(labelled(panel, 'Make page badges reachable with the Tab key').type).toBe('checkbox');
    expect(text(panel, 'empty')).toBe('No site is allowed yet.');
  });

  it('explains input that is not a site, keeps it and asks nobody', async () => {
    const permissions = fakePermissions();
    const requests = background().requests;
    const panel = await open();
    const input = labelled(panel, 'Site');
    type(input, 'file:///etc/passwd');
    submit(panel);
    await settle(panel);

    const error = root(panel).getElementById(input.getAttribute('aria-describedby')!)!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(readText(error)).toBe('Only http and https sites can be allowed, not file:.');
    expect(input.value).toBe('file:///etc/passwd');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(permissions.prompts).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('says so when the user refuses the permission, and sends nothing', async () => {
    const permissions = fakePermissions();
    permissions.grant = false;
    const requests = background().requests;
    const panel = await open();
    type(labelled(panel, 'Site'), 'jira.example.com');
    submit(panel);
    await settle(panel);

    expect(text(panel, 'allow-error')).toBe(
      'Permission to run on https://jira.example.com was refused.',
    );
    expect(labelled(panel, 'Site').value).toBe('jira.example.com');
    expect(requests).toEqual([]);
  });

  it('asks for the permission within the gesture, then has the background allow the site', async () => {
    const permissions = fakePermissions();
    const requests = background().requests;
    const panel = await open();
    type(labelled(panel, 'Site'), 'https://jira.example.com/browse/X-1');
    submit(panel);
    // Synchronously: the prompt must open before anything else is awaited.
    expect(permissions.prompts).toEqual([['https://jira.example.com/*']]);
    await settle(panel);

    expect(requests).toEqual([{ type: 'allowSite', site: 'https://jira.example.com' }]);
    const announcement = root(panel).querySelector('[data-part="announcement"]')!;
    expect(announcement.getAttribute('role')).toBe('status');
    expect(readText(announcement)).toBe('Allowed https://jira.example.com');
    expect(labelled(panel, 'Site').value).toBe('');
    expect(text(panel, 'allow-error')).toBe('');
    expect(row(panel, 'https://jira.example.com')).not.toBeNull();
  });

  it('shows what the background answered when it could not allow the site', async () => {
    fakePermissions();
    fakeBackground(() => ({ ok: false, error: 'At most 200 sites can be allowed.' }));
    const panel = await open();
    type(labelled(panel, 'Site'), '*.corp.test');
    button(panel, 'Allow site')!.click();
    await settle(panel);
    expect(text(panel, 'allow-error')).toBe('At most 200 sites can be allowed.');
    expect(labelled(panel, 'Site').value).toBe('*.corp.test');
  });

  it('flags a site whose permission is not held, live, and allows it again', async () => {
    await allowedSitesItem.set([jira, corp]);
    const permissions = fakePermissions(['https://jira.example.com/*']);
    const requests = background().requests;
    const panel = await open();

    expect(readText(row(panel, '*.corp.test')!.querySelector('[data-part="revoked"]'))).toBe(
      'Permission revoked',
    );
    expect(
      row(panel, 'https://jira.example.com')!.querySelector('[data-part="revoked"]'),
    ).toBeNull();
    expect(button(panel, 'Allow https://jira.example.com again')).toBeUndefined();

    permissions.revoke('https://jira.example.com/*');
    await settle(panel);
    const again = button(panel, 'Allow https://jira.example.com again');
    expect(again).toBeDefined();

    again!.click();
    expect(permissions.prompts).toEqual([['https://jira.example.com/*']]);
    await settle(panel);
    expect(requests).toEqual([{ type: 'allowSite', site: 'https://jira.example.com' }]);
    expect(
      row(panel, 'https://jira.example.com')!.querySelector('[data-part="revoked"]'),
    ).toBeNull();
    expect(text(panel, 'announcement')).toBe('Allowed https://jira.example.com');
    expect(row(panel, '*.corp.test')!.querySelector('[data-part="revoked"]')).not.toBeNull();
  });

  it('removes a site with a button named after it', async () => {
    await allowedSitesItem.set([jira, corp]);
    fakePermissions(['https://jira.example.com/*', '*://*.corp.test/*']);
    const requests = background().requests;
    const panel = await open();
    const remove = button(panel, 'Remove https://jira.example.com');
    expect(readText(remove)).toBe('Remove');
    remove!.click();
    await settle(panel);

    expect(requests).toEqual([{ type: 'removeSite', site: 'https://jira.example.com' }]);
    expect(row(panel, 'https://jira.example.com')).toBeNull();
    expect(row(panel, '*.corp.test')).not.toBeNull();
    expect(text(panel, 'announcement')).toBe('Removed https://jira.example.com');
    expect(root(panel).activeElement).toBe(labelled(panel, 'Site'));
  });

  it('shows why a removal failed and keeps the row', async () => {
    await allowedSitesItem.set([jira]);
    fakePermissions(['https://jira.example.com/*']);
    fakeBackground(() => ({ ok: false, error: 'Storage is full.' }));
    const panel = await open();
    button(panel, 'Remove https://jira.example.com')!.click();
    await settle(panel);
    expect(text(panel, 'list-error')).toBe(
      'Could not remove https://jira.example.com: Storage is full.',
    );
    expect(row(panel, 'https://jira.example.com')).not.toBeNull();
  });

  it('reads and writes whether page badges are tab stops', async () => {
    fakePermissions();
    await pageBadgeSettingsItem.set({ focusable: true });
    const panel = await open();
    const checkbox = labelled(panel, 'Make page badges reachable with the Tab key');
    expect(checkbox.checked).toBe(true);

    checkbox.click();
    await settle(panel);
    expect(await pageBadgeSettingsItem.get()).toEqual({ focusable: false });
    expect(checkbox.checked).toBe(false);
  });

  it('stops listening for permission changes when it leaves the page', async () => {
    const permissions = fakePermissions(['https://jira.example.com/*']);
    await allowedSitesItem.set([jira]);
    const panel = await open();
    panel.remove();
    permissions.revoke('https://jira.example.com/*');
    await settle(panel);
    expect(
      row(panel, 'https://jira.example.com')!.querySelector('[data-part="revoked"]'),
    ).toBeNull();
  });
});
