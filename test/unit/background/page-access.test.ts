import { describe, expect, test, vi } from 'vitest';
import { PageAccess } from '../../../src/background/page-access';
import { allowedSitesItem, pageGrantsItem } from '../../../src/shared/storage-items';

function access(
  options: { held?: boolean; tabUrl?: string; inject?: () => Promise<unknown> } = {},
) {
  const executeScript = vi.fn(options.inject ?? (async () => [{ result: undefined }]));
  const contains = vi.fn(async () => options.held ?? true);
  const pageAccess = new PageAccess({
    allowedSites: allowedSitesItem,
    grants: pageGrantsItem,
    permissions: { contains },
    tabs: { get: async () => ({ url: options.tabUrl ?? 'https://wiki.example.org/page?x=1' }) },
    scripting: { executeScript },
    scriptFile: 'content.js',
  });
  return { pageAccess, executeScript, contains };
}

const jira = { site: 'https://jira.example.com', matchPatterns: ['https://jira.example.com/*'] };

describe('PageAccess', () => {
  test('allows pages of an allowed site whose permission is held, and nothing else', async () => {
    await allowedSitesItem.set([{ ...jira, addedAt: 1 }]);
    const { pageAccess, contains } = access();
    expect(await pageAccess.allows(1, 'https://jira.example.com/browse/X-1')).toBe(true);
    expect(contains).toHaveBeenCalledWith({ origins: ['https://jira.example.com/*'] });
    expect(await pageAccess.allows(1, 'http://jira.example.com/')).toBe(false);
    expect(await pageAccess.allows(1, 'https://jira.example.com.evil.example/')).toBe(false);
    expect(await pageAccess.allows(1, 'https://evil.example/?https://jira.example.com')).toBe(
      false,
    );
    expect(await pageAccess.allows(1, 'not a url')).toBe(false);
  });

  test('a site whose permission was revoked outside the extension is not allowed', async () => {
    await allowedSitesItem.set([{ ...jira, addedAt: 1 }]);
    const { pageAccess } = access({ held: false });
    expect(await pageAccess.allows(1, 'https://jira.example.com/')).toBe(false);
  });

  test('"Show presence on this page" grants that tab and origin only, until the tab closes', async () => {
    const { pageAccess, executeScript } = access();
    expect(await pageAccess.showOnTab(7)).toEqual({
      ok: true,
      value: { origin: 'https://wiki.example.org' },
    });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['content.js'] });
    expect(await pageAccess.allows(7, 'https://wiki.example.org/other')).toBe(true);
    expect(await pageAccess.allows(8, 'https://wiki.example.org/other')).toBe(false);
    expect(await pageAccess.allows(7, 'https://elsewhere.example/')).toBe(false);
    await pageAccess.forgetTab(7);
    expect(await pageAccess.allows(7, 'https://wiki.example.org/other')).toBe(false);
  });

  test('removing a site ends the grants of its tabs, and no others', async () => {
    const { pageAccess } = access();
    await pageGrantsItem.set([
      { tabId: 1, origin: 'https://jira.example.com' },
      { tabId: 2, origin: 'https://wiki.example.org' },
      { tabId: 3, origin: 'https://eu.corp.test' },
    ]);
    await pageAccess.forgetSite('https://jira.example.com');
    expect(await pageGrantsItem.get()).toEqual([
      { tabId: 2, origin: 'https://wiki.example.org' },
      { tabId: 3, origin: 'https://eu.corp.test' },
    ]);
    await pageAccess.forgetSite('*.corp.test');
    await pageAccess.forgetSite('not a site at all');
    expect(await pageGrantsItem.get()).toEqual([{ tabId: 2, origin: 'https://wiki.example.org' }]);
    expect(await pageAccess.allows(1, 'https://jira.example.com/')).toBe(false);
    expect(await pageAccess.allows(2, 'https://wiki.example.org/')).toBe(true);
  });

  test('a refused injection takes the grant back and says why', async () => {
    const { pageAccess } = access({
      inject: async () => {
        throw new Error('Cannot access contents of the page');
      },
    });
    const shown = await pageAccess.showOnTab(7);
    expect(shown).toMatchObject({ ok: false, error: expect.stringContaining('Cannot access') });
    expect(await pageAccess.allows(7, 'https://wiki.example.org/')).toBe(false);
  });

  test('pages that are not on the web are refused without injecting', async () => {
    const { pageAccess, executeScript } = access({ tabUrl: 'chrome://settings/' });
    expect(await pageAccess.showOnTab(7)).toMatchObject({ ok: false });
    expect(executeScript).not.toHaveBeenCalled();
  });
});
