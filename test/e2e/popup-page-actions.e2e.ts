/**
 * The popup's "This page" section, over a tab of a site nobody allowed: "Show presence on this
 * page" badges that one tab once, and "Always on this site" allows the site. In the dev build
 * loopback hosts are granted already, which stands in for the `activeTab` grant a click on the
 * toolbar button gives (no test can click the browser's toolbar). What the popup says when the
 * browser refuses an injection is in test/unit/popup/page-actions.test.ts: no page served here
 * can refuse.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EmuPerson } from '../support/emulator-control';
import { axeViolations } from './support/axe';
import { badgesOn } from './support/badges-on';
import { addContactViaOptions, useSession } from './support/session';
import { serveTestSite, type TestSite } from './support/test-site';

const NOTES = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Notes</title></head>
<body><main><h1>Notes</h1><p>Reviewed by Ana Silva.</p></main></body></html>`;
/** One path per tab a test opens, so that each finds its own tab by its address. */
const PATHS = ['/axe.html', '/shown.html', '/neighbour.html', '/allowed.html', '/other.html'];

describe("the popup's page actions", () => {
  const session = useSession();
  let site: TestSite;
  let ana: EmuPerson;

  beforeAll(async () => {
    site = await serveTestSite(Object.fromEntries(PATHS.map((path) => [path, NOTES])));
    const s = session();
    ana = await s.control.createPerson('Ana Silva', 'ana.silva@example.com');
    await addContactViaOptions(s.options, 'ana.silva@example.com', 'Ana Silva');
    await s.control.setPresence(ana.id, { status: 'dnd', ttl: 3600 });
  });

  afterAll(async () => {
    await site?.close();
  });

  /** A tab of its own showing the test site's `path`. */
  async function openTab(path: string): Promise<Page> {
    const page = await session().extension.context.newPage();
    await page.goto(`${site.origin}${path}`);
    return page;
  }

  /**
   * The popup as the toolbar button opens it over `page`: the page is its window's active tab.
   * Opened in a background tab of that window, so that the page stays the active one.
   */
  async function popupOver(page: Page): Promise<Page> {
    const s = session();
    const opened = s.extension.context.waitForEvent('page');
    await s.options.evaluate(
      async ({ url, popup }) => {
        const tabs = await chrome.tabs.query({ url });
        if (tabs.length !== 1) throw new Error(`${tabs.length} tabs show ${url}`);
        const [tab] = tabs;
        await chrome.tabs.update(tab!.id!, { active: true });
        await chrome.tabs.create({ windowId: tab!.windowId, url: popup, active: false });
      },
      { url: page.url(), popup: `${s.extension.origin}/src/popup/index.html` },
    );
    const popup = await opened;
    await popup.getByRole('heading', { name: /^This page/ }).waitFor();
    return popup;
  }

  const labels = async (page: Page) => (await badgesOn(page)).map((b) => b.label);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

  test('the section names the page, and passes axe in light and dark mode', async () => {
    const page = await openTab('/axe.html');
    const popup = await popupOver(page);
    await popup.getByRole('heading', { name: `This page ${site.origin}` }).waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      expect(await axeViolations(popup)).toEqual([]);
    }
    await Promise.all([popup.close(), page.close()]);
  });

  test('"Show presence on this page" badges that tab, live, and only once', async () => {
    const s = session();
    const page = await openTab('/shown.html');
    const neighbour = await openTab('/neighbour.html');
    const popup = await popupOver(page);
    await popup.getByRole('button', { name: 'Show presence on this page' }).click();
    await expect
      .poll(() => popup.locator('[data-part="page-status"]').innerText())
      .toBe('Presence is shown on this page.');
    await expect
      .poll(() => labels(page), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/^Ana Silva: Do not disturb until /)]);

    await s.control.setPresence(ana.id, { status: 'active' });
    await expect.poll(() => labels(page), { timeout: 5_000 }).toEqual(['Ana Silva: Active']);
    // The grant is for that tab: another tab of the same site has none, and after a reload
    // (no registered script, nothing injected again) neither has the tab itself.
    expect(await labels(neighbour)).toEqual([]);
    await page.reload();
    await settle();
    expect(await labels(page)).toEqual([]);
    await Promise.all([popup.close(), page.close(), neighbour.close()]);
  });

  test('"Always on this site" allows it: its open tabs get one set of badges, Options lists it', async () => {
    const s = session();
    const shown = await openTab('/allowed.html');
    const other = await openTab('/other.html');
    // One tab has badges already, from "Show presence on this page": allowing must not double them.
    const first = await popupOver(shown);
    await first.getByRole('button', { name: 'Show presence on this page' }).click();
    await expect.poll(() => labels(shown), { timeout: 10_000 }).toHaveLength(1);
    await first.close();

    const popup = await popupOver(shown);
    await popup.getByRole('button', { name: 'Always on this site' }).click();
    await expect
      .poll(() => popup.locator('[data-part="page-status"]').innerText())
      .toBe(`Presence will show on ${site.origin} from now on.`);
    await expect.poll(() => labels(other), { timeout: 10_000 }).toEqual(['Ana Silva: Active']);
    await settle();
    expect(await labels(shown)).toEqual(['Ana Silva: Active']);
    expect(await labels(other)).toEqual(['Ana Silva: Active']);
    await s.options.reload();
    await s.options.getByRole('button', { name: `Remove ${site.origin}` }).waitFor();
    // Opened again over the site, the popup says it is covered rather than offer both again.
    const again = await popupOver(other);
    await expect
      .poll(() => again.locator('[data-part="page-covered"]').textContent())
      .toMatch(`Presence shows on every page of ${site.origin}.`);
    expect(await again.getByRole('button', { name: 'Show presence on this page' }).count()).toBe(0);
    await again.close();

    // Registered for the site now: a reload or a new tab gets its badges without the popup.
    await other.reload();
    await expect.poll(() => labels(other), { timeout: 10_000 }).toEqual(['Ana Silva: Active']);
    await s.options.getByRole('button', { name: `Remove ${site.origin}` }).click();
    await expect.poll(() => labels(shown), { timeout: 5_000 }).toEqual([]);
    await Promise.all([popup.close(), shown.close(), other.close()]);
  });
});
