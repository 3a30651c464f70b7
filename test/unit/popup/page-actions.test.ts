// @vitest-environment happy-dom
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PresencePageActions } from '../../../src/popup/page-actions';
import '../../../src/popup/page-actions';
import type { UiRequest } from '../../../src/shared/messages';
import { fakeBackground } from '../options/fake-background';
import { fakePermissions } from '../options/fake-permissions';
import { allowedSitesItem } from '../../../src/shared/storage-items';
import { mount, readText, settle } from '../ui/fixtures';

function activeTab(url: string | undefined, id = 42) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
    { id, url, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
  ] as never);
}

async function open(): Promise<PresencePageActions> {
  const actions = await mount<PresencePageActions>('presence-page-actions');
  await settle(actions);
  return actions;
}

function button(actions: PresencePageActions, name: string): HTMLButtonElement {
  const found = [...actions.shadowRoot!.querySelectorAll('button')].find(
    (b) => readText(b) === name,
  );
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

const part = (actions: PresencePageActions, name: string) =>
  readText(actions.shadowRoot!.querySelector(`[data-part="${name}"]`));

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('<presence-page-actions>', () => {
  it('offers both actions for the web page the popup was opened over', async () => {
    activeTab('https://jira.example.com/browse/X-1');
    const actions = await open();
    expect(readText(actions.shadowRoot!.querySelector('h2'))).toContain('https://jira.example.com');
    expect(button(actions, 'Show presence on this page')).toBeTruthy();
    expect(button(actions, 'Always on this site')).toBeTruthy();
  });

  it('over a page of an allowed site, says so instead of offering what is done already', async () => {
    await allowedSitesItem.set([
      { site: '*.example.com', matchPatterns: ['*://*.example.com/*'], addedAt: 1 },
    ]);
    const permissions = fakePermissions(['*://*.example.com/*']);
    activeTab('https://jira.example.com/browse/X-1');
    let actions = await open();
    expect(part(actions, 'page-covered')).toBe('Presence shows on every page of *.example.com.');
    expect(actions.shadowRoot!.querySelectorAll('button')).toHaveLength(0);
    expect(actions.shadowRoot!.querySelector('[data-part="page-revoked"]')).toBeNull();
    // Its permission revoked in the browser: said so, and the actions are offered again.
    permissions.revoke('*://*.example.com/*');
    actions = await open();
    expect(actions.shadowRoot!.querySelector('[data-part="page-covered"]')).toBeNull();
    expect(part(actions, 'page-revoked')).toBe(
      '*.example.com is one of your sites, but its permission was taken back in the browser: ' +
        '"Always on this site" asks for it again.',
    );
    expect(button(actions, 'Always on this site')).toBeTruthy();
    // Another site's page is not covered by it.
    permissions.held.add('*://*.example.com/*');
    activeTab('https://wiki.example.org/page');
    expect(button(await open(), 'Show presence on this page')).toBeTruthy();
  });

  it('shows nothing over pages badges cannot run on', async () => {
    activeTab('chrome://settings/');
    expect((await open()).shadowRoot!.querySelector('section')).toBeNull();
    activeTab(undefined); // no activeTab grant: the URL is not known
    expect((await open()).shadowRoot!.querySelector('section')).toBeNull();
  });

  it('"Show presence on this page" asks the worker for that tab and says what happened', async () => {
    activeTab('https://wiki.example.org/page', 7);
    const background = fakeBackground((request: UiRequest) =>
      request.type === 'showOnTab' ? { ok: false, error: 'That tab is gone.' } : { ok: true },
    );
    const actions = await open();
    button(actions, 'Show presence on this page').click();
    await settle(actions);
    expect(background.requests).toEqual([{ type: 'showOnTab', tabId: 7 }]);
    expect(part(actions, 'page-error')).toBe('That tab is gone.');
    background.answer = () => ({ ok: true });
    button(actions, 'Show presence on this page').click();
    await settle(actions);
    expect(part(actions, 'page-status')).toBe('Presence is shown on this page.');
    expect(part(actions, 'page-error')).toBe('');
  });

  it('"Always on this site" asks for the permission first, then allows the site', async () => {
    activeTab('https://wiki.example.org/page');
    const permissions = fakePermissions();
    const site = {
      site: 'https://wiki.example.org',
      matchPatterns: ['https://wiki.example.org/*'],
      addedAt: 1,
    };
    const background = fakeBackground(() => ({ ok: true, site }));
    const actions = await open();
    button(actions, 'Always on this site').click();
    await settle(actions);
    expect(permissions.prompts).toEqual([['https://wiki.example.org/*']]);
    expect(background.requests).toEqual([{ type: 'allowSite', site: 'https://wiki.example.org' }]);
    expect(part(actions, 'page-status')).toContain('https://wiki.example.org from now on');

    permissions.grant = false;
    button(actions, 'Always on this site').click();
    await settle(actions);
    expect(part(actions, 'page-error')).toContain('refused');
    expect(background.requests).toHaveLength(1);
  });
});
