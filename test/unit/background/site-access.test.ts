import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { CONTENT_SCRIPT_FILE } from '../../../src/background/content-script-file';
import { SiteAccess, type SiteScript } from '../../../src/background/site-access';
import { MAX_ALLOWED_SITES, parseAllowedSites } from '../../../src/shared/allowed-site';
import { allowedSitesItem } from '../../../src/shared/storage-items';

interface Tab {
  id?: number;
  url?: string;
}

/** Chrome's permissions, scripting and tabs, as far as SiteAccess uses them. */
function fakeApis(granted: string[], openTabs: Tab[] = []) {
  const held = new Set(granted);
  const registered = new Map<string, SiteScript>();
  const permissions = {
    contains: vi.fn(async ({ origins }: { origins: string[] }) =>
      origins.every((o) => held.has(o)),
    ),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => {
      for (const origin of origins) held.delete(origin);
      return true;
    }),
  };
  const scripting = {
    registerContentScripts: vi.fn(async (scripts: SiteScript[]) => {
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, s);
      }
    }),
    updateContentScripts: vi.fn(async (scripts: SiteScript[]) => {
      for (const s of scripts) {
        if (!registered.has(s.id)) throw new Error(`Nonexistent script ID '${s.id}'`);
        registered.set(s.id, { ...registered.get(s.id)!, ...s });
      }
    }),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
      for (const id of ids) {
        if (!registered.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
      }
    }),
    getRegisteredContentScripts: vi.fn(async (filter?: { ids?: string[] }) =>
      [...registered.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
    ),
    executeScript: vi.fn(async (_injection: { target: { tabId: number } }) => []),
  };
  // Like Chrome, the query matches patterns, which ignore ports; SiteAccess must filter.
  const tabs = { query: vi.fn(async (_query: { url: string[] }) => openTabs) };
  const access = new SiteAccess({
    permissions,
    scripting,
    tabs,
    allowedSites: allowedSitesItem,
    scriptFile: CONTENT_SCRIPT_FILE,
    now: () => 42,
  });
  return { access, held, registered, permissions, scripting, tabs };
}

function injectedTabs(scripting: ReturnType<typeof fakeApis>['scripting']): number[] {
  return scripting.executeScript.mock.calls.map(([injection]) => injection.target.tabId);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('SiteAccess.allowSite', () => {
  test('stores the site, registers its script and injects into its open tabs only', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { access, registered, scripting, tabs } = fakeApis(
      ['http://127.0.0.1/*'],
      [
        { id: 1, url: 'http://127.0.0.1:8787/demo' },
        { id: 2, url: 'http://127.0.0.1:9999/other-app' },
        { id: 3 },
        { id: 4, url: 'http://127.0.0.1:8787/broken' },
      ],
    );
    scripting.executeScript.mockImplementation(async ({ target }) => {
      if (target.tabId === 4) throw new Error('Frame with ID 0 is showing error page');
      return [];
    });

    const answer = await access.allowSite('  http://127.0.0.1:8787/demo ');

    const site = {
      site: 'http://127.0.0.1:8787',
      matchPatterns: ['http://127.0.0.1/*'],
      addedAt: 42,
    };
    expect(answer).toEqual({ ok: true, site });
    expect(await allowedSitesItem.get()).toEqual([site]);
    expect([...registered.values()]).toEqual([
      {
        id: 'site:http://127.0.0.1:8787',
        matches: ['http://127.0.0.1/*'],
        js: ['content.js'],
        allFrames: true,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
    expect(tabs.query).toHaveBeenCalledWith({ url: ['http://127.0.0.1/*'] });
    expect(injectedTabs(scripting)).toEqual([1, 4]);
    expect(scripting.executeScript).toHaveBeenCalledWith({
      target: { tabId: 1, allFrames: true },
      files: ['content.js'],
    });
    expect(warn).toHaveBeenCalledTimes(1);
  });

  test('allowing a listed site again answers with the stored one and updates its script', async () => {
    const { access, scripting } = fakeApis(['*://*.example.com/*']);
    const first = await access.allowSite('*.example.com');
    const again = await access.allowSite('*.EXAMPLE.com');
    expect(again).toEqual(first);
    expect(await allowedSitesItem.get()).toHaveLength(1);
    expect(scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(scripting.updateContentScripts).toHaveBeenCalledTimes(1);
  });

  test('without the permission nothing is stored or registered', async () => {
    const { access, scripting } = fakeApis([]);
    expect(await access.allowSite('https://jira.example.com')).toEqual({
      ok: false,
      error: 'Permission to run on https://jira.example.com was not granted.',
    });
    expect(await allowedSitesItem.get()).toEqual([]);
    expect(scripting.registerContentScripts).not.toHaveBeenCalled();
    expect(scripting.executeScript).not.toHaveBeenCalled();
  });

  test('refuses what is not a site, before asking anything', async () => {
    const { access, permissions } = fakeApis(['<all_urls>']);
    expect(await access.allowSite('<all_urls>')).toMatchObject({ ok: false });
    expect(await access.allowSite('file:///etc')).toMatchObject({ ok: false });
    expect(permissions.contains).not.toHaveBeenCalled();
  });

  test(`keeps the list at ${MAX_ALLOWED_SITES} sites`, async () => {
    const full = Array.from({ length: MAX_ALLOWED_SITES }, (_, i) => ({
      site: `https://s${i}.example.com`,
      matchPatterns: [`https://s${i}.example.com/*`],
      addedAt: 1,
    }));
    await allowedSitesItem.set(full);
    const { access, scripting } = fakeApis(['https://one-more.example.com/*']);
    expect(await access.allowSite('one-more.example.com')).toEqual({
      ok: false,
      error: `At most ${MAX_ALLOWED_SITES} sites can be allowed.`,
    });
    expect(await allowedSitesItem.get()).toHaveLength(MAX_ALLOWED_SITES);
    expect(scripting.registerContentScripts).not.toHaveBeenCalled();
  });
});

describe('SiteAccess.removeSite', () => {
  test('unregisters the script and gives the permission back', async () => {
    const { access, held, registered, permissions } = fakeApis(['https://jira.example.com/*']);
    await access.allowSite('https://jira.example.com');
    expect(await access.removeSite('https://jira.example.com')).toEqual({ ok: true });
    expect(await allowedSitesItem.get()).toEqual([]);
    expect(registered.size).toBe(0);
    expect(permissions.remove).toHaveBeenCalledWith({ origins: ['https://jira.example.com/*'] });
    expect(held.size).toBe(0);
  });

  test('keeps a permission another allowed site still needs', async () => {
    const { access, permissions, registered } = fakeApis(['http://127.0.0.1/*']);
    await access.allowSite('http://127.0.0.1:8787');
    await access.allowSite('http://127.0.0.1:9000');
    await access.removeSite('http://127.0.0.1:8787');
    expect(permissions.remove).not.toHaveBeenCalled();
    expect([...registered.keys()]).toEqual(['site:http://127.0.0.1:9000']);

    await access.removeSite('http://127.0.0.1:9000');
    expect(permissions.remove).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
  });

  test('a permission the manifest requires stays, quietly', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { access, permissions } = fakeApis(['http://localhost/*']);
    permissions.remove.mockRejectedValue(new Error('You cannot remove required permissions.'));
    await access.allowSite('http://localhost');
    expect(await access.removeSite('http://localhost')).toEqual({ ok: true });
    expect(await allowedSitesItem.get()).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  test('removing a site that is not listed or registered still succeeds', async () => {
    const { access, scripting } = fakeApis(['https://jira.example.com/*']);
    expect(await access.removeSite('https://jira.example.com')).toEqual({ ok: true });
    expect(scripting.unregisterContentScripts).not.toHaveBeenCalled();
  });
});

describe('SiteAccess.reconcile', () => {
  test('a revoked permission unregisters the script but keeps the site; a grant brings it back', async () => {
    const { access, held, registered } = fakeApis(['https://jira.example.com/*']);
    await access.allowSite('https://jira.example.com');

    held.delete('https://jira.example.com/*'); // the user revoked it in the browser's menu
    await access.reconcile();
    expect(registered.size).toBe(0);
    expect((await allowedSitesItem.get()).map((s) => s.site)).toEqual(['https://jira.example.com']);

    held.add('https://jira.example.com/*');
    await access.reconcile();
    expect([...registered.keys()]).toEqual(['site:https://jira.example.com']);
  });

  test('registers what is missing, refreshes what is outdated, leaves other scripts alone', async () => {
    await allowedSitesItem.set([
      { site: '*.example.com', matchPatterns: ['*://*.example.com/*'], addedAt: 1 },
      { site: 'https://wiki.test', matchPatterns: ['https://wiki.test/*'], addedAt: 2 },
    ]);
    const { access, registered } = fakeApis(['*://*.example.com/*', 'https://wiki.test/*']);
    registered.set('site:https://wiki.test', {
      id: 'site:https://wiki.test',
      matches: ['https://wiki.test/*'],
      js: ['old-content.js'],
      allFrames: true,
    });
    registered.set('site:https://gone.test', { id: 'site:https://gone.test' });
    registered.set('someone-else', { id: 'someone-else' });

    await access.reconcile();

    expect([...registered.keys()].sort()).toEqual([
      'site:*.example.com',
      'site:https://wiki.test',
      'someone-else',
    ]);
    expect(registered.get('site:https://wiki.test')!.js).toEqual(['content.js']);
  });

  test('never sees half of an allow', async () => {
    const { access, registered, scripting } = fakeApis(['https://jira.example.com/*']);
    const list = scripting.getRegisteredContentScripts.getMockImplementation()!;
    // A slow answer for reconcile's full listing: the allow would finish while it waits.
    scripting.getRegisteredContentScripts.mockImplementation(async (filter) => {
      if (!filter) await new Promise((resolve) => setTimeout(resolve, 5));
      return list(filter);
    });
    // permissions.onAdded fires in the worker while the page's allowSite is on its way.
    const allowing = access.allowSite('https://jira.example.com');
    const reconciling = access.reconcile();
    await Promise.all([allowing, reconciling]);
    expect([...registered.keys()]).toEqual(['site:https://jira.example.com']);
  });

  test('a tampered stored entry is refused: nothing is registered for it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({
      allowedSites: {
        v: 1,
        value: [{ site: 'https://jira.example.com', matchPatterns: ['<all_urls>'], addedAt: 1 }],
      },
    });
    const { access, registered } = fakeApis(['<all_urls>', 'https://jira.example.com/*']);
    await access.reconcile();
    expect(registered.size).toBe(0);
    expect(await allowedSitesItem.get()).toEqual([]);
  });
});

describe('SiteAccess.injectIntoOpenTabs', () => {
  test('injects for the allowed sites whose permission is held', async () => {
    await allowedSitesItem.set([
      {
        site: 'https://jira.example.com',
        matchPatterns: ['https://jira.example.com/*'],
        addedAt: 1,
      },
      { site: 'https://wiki.test', matchPatterns: ['https://wiki.test/*'], addedAt: 2 },
    ]);
    const { access, scripting, tabs } = fakeApis(
      ['https://wiki.test/*'],
      [
        { id: 7, url: 'https://wiki.test/page' },
        { id: 8, url: 'https://jira.example.com/browse/X-1' },
      ],
    );
    await access.injectIntoOpenTabs();
    expect(tabs.query).toHaveBeenCalledTimes(1);
    expect(injectedTabs(scripting)).toEqual([7]);
  });
});

describe('parseAllowedSites', () => {
  const jira = {
    site: 'https://jira.example.com',
    matchPatterns: ['https://jira.example.com/*'],
    addedAt: 1,
  };

  test('accepts what parseSite derives', () => {
    expect(parseAllowedSites([jira])).toEqual({ ok: true, value: [jira] });
  });

  test.each([
    ['wider match patterns', [{ ...jira, matchPatterns: ['<all_urls>'] }]],
    ['extra match patterns', [{ ...jira, matchPatterns: [...jira.matchPatterns, 'https://*/*'] }]],
    ['a label that is not canonical', [{ ...jira, site: 'jira.example.com' }]],
    ['a site parseSite refuses', [{ site: '*', matchPatterns: ['*://*/*'], addedAt: 1 }]],
    ['no addedAt', [{ site: jira.site, matchPatterns: jira.matchPatterns }]],
    ['a duplicate', [jira, jira]],
    ['not a list', { jira }],
    ['too many sites', Array.from({ length: MAX_ALLOWED_SITES + 1 }, () => jira)],
  ])('refuses %s', (_what, raw) => {
    expect(parseAllowedSites(raw).ok).toBe(false);
  });
});
