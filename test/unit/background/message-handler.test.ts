import { describe, expect, test, vi } from 'vitest';
import type { FeedController } from '../../../src/background/feed-controller';
import { createMessageListener, type SiteRequests } from '../../../src/background/message-handler';

const ORIGIN = 'chrome-extension://abc/';

function fakeController() {
  return {
    connect: vi.fn(async () => ({ ok: true, account: { displayName: 'D', email: 'd@x' } })),
    signOut: vi.fn(async () => ({ ok: true })),
    addContact: vi.fn(async () => ({ ok: false, error: 'nope' })),
    removeContact: vi.fn(async () => ({ ok: true })),
  };
}

const jira = {
  site: 'https://jira.example.com',
  matchPatterns: ['https://jira.example.com/*'],
  addedAt: 1,
};

function fakeSites() {
  return {
    allowSite: vi.fn(async () => ({ ok: true as const, site: jira })),
    removeSite: vi.fn(async () => ({ ok: true as const })),
    showOnTab: vi.fn(async (tabId: number) =>
      tabId === 7
        ? { ok: true as const, value: { origin: 'https://a.example' } }
        : { ok: false as const, error: 'no access' },
    ),
  } satisfies SiteRequests;
}

function listenerWith(sites: SiteRequests) {
  return createMessageListener(fakeController() as unknown as FeedController, ORIGIN, sites);
}

function ask(listener: ReturnType<typeof createMessageListener>, message: unknown, url: string) {
  return new Promise<unknown>((resolve) => {
    expect(listener(message, { url }, resolve)).toBe(true);
  });
}

describe('background message listener', () => {
  test('answers the extension pages', async () => {
    const controller = fakeController();
    const listener = createMessageListener(
      controller as unknown as FeedController,
      ORIGIN,
      fakeSites(),
    );
    const answer = await ask(
      listener,
      { type: 'removeContact', contactId: 'x' },
      `${ORIGIN}src/popup/index.html`,
    );
    expect(answer).toEqual({ ok: true });
    expect(controller.removeContact).toHaveBeenCalledWith('x');
  });

  test('refuses web pages and content scripts, and does nothing for them', async () => {
    const controller = fakeController();
    const listener = createMessageListener(
      controller as unknown as FeedController,
      ORIGIN,
      fakeSites(),
    );
    const refusal = { ok: false, error: expect.stringContaining('extension') };
    expect(await ask(listener, { type: 'signOut' }, 'https://evil.example/')).toEqual(refusal);
    expect(await ask(listener, { type: 'signOut' }, 'chrome-extension://other/x.html')).toEqual(
      refusal,
    );
    expect(controller.signOut).not.toHaveBeenCalled();
  });

  test('a malformed request gets a clear error and reaches nothing', async () => {
    const controller = fakeController();
    const listener = createMessageListener(
      controller as unknown as FeedController,
      ORIGIN,
      fakeSites(),
    );
    expect(await ask(listener, { type: 'addContact', query: 5 }, `${ORIGIN}o.html`)).toEqual({
      ok: false,
      error: 'Bad request: addContact: query needs text of at most 1000 characters',
    });
    expect(controller.addContact).not.toHaveBeenCalled();
  });

  test('a failing operation becomes an error answer, not a dropped message', async () => {
    const controller = fakeController();
    controller.connect.mockRejectedValueOnce(new Error('boom'));
    const listener = createMessageListener(
      controller as unknown as FeedController,
      ORIGIN,
      fakeSites(),
    );
    expect(
      await ask(listener, { type: 'connect', serverUrl: 'u', token: 't' }, `${ORIGIN}o.html`),
    ).toEqual({
      ok: false,
      error: 'boom',
    });
  });

  test('hands allowSite and removeSite to the site access, and only from extension pages', async () => {
    const sites = fakeSites();
    const listener = listenerWith(sites);
    const options = `${ORIGIN}src/options/index.html`;
    expect(await ask(listener, { type: 'allowSite', site: jira.site }, options)).toEqual({
      ok: true,
      site: jira,
    });
    expect(await ask(listener, { type: 'removeSite', site: jira.site }, options)).toEqual({
      ok: true,
    });
    expect(sites.allowSite).toHaveBeenCalledWith(jira.site);
    expect(sites.removeSite).toHaveBeenCalledWith(jira.site);

    await ask(listener, { type: 'allowSite', site: '*.evil.example' }, 'https://evil.example/');
    expect(await ask(listener, { type: 'removeSite' }, options)).toEqual({
      ok: false,
      error: 'Bad request: removeSite: site is missing',
    });
    expect(sites.allowSite).toHaveBeenCalledTimes(1);
    expect(sites.removeSite).toHaveBeenCalledTimes(1);
  });

  test('shows badges on a tab for the popup, and passes on a refusal', async () => {
    const sites = fakeSites();
    const listener = listenerWith(sites);
    const popup = `${ORIGIN}src/popup/index.html`;
    expect(await ask(listener, { type: 'showOnTab', tabId: 7 }, popup)).toEqual({ ok: true });
    expect(await ask(listener, { type: 'showOnTab', tabId: 8 }, popup)).toEqual({
      ok: false,
      error: 'no access',
    });
    expect(await ask(listener, { type: 'showOnTab', tabId: 'x' }, popup)).toMatchObject({
      ok: false,
    });
    expect(
      await ask(listener, { type: 'showOnTab', tabId: 7 }, 'https://evil.example/'),
    ).toMatchObject({
      ok: false,
    });
    expect(sites.showOnTab).toHaveBeenCalledTimes(2);
  });
});
