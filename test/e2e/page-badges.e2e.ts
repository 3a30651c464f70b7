import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EmuPerson } from '../support/emulator-control';
import { reinstallExtension } from '../../scripts/lib/launch-extension';
import { accessibleNames } from './support/accessible-names';
import { axeViolations } from './support/axe';
import { allowSiteViaOptions } from '../../scripts/lib/allow-site-via-options';
import { badgesOn } from './support/badges-on';
import { addContactViaOptions, useSession } from './support/session';
import { serveTestSite, type TestSite } from './support/test-site';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

/** Every place a name can be, and every place it must not be badged. Scripts run on our own page. */
const TEAM_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Team</title></head><body>
<p id="prose">Questions go to Ana
   Silva, who leads the team.</p>
<p id="upper">ON CALL: GRACE HOPPER</p>
<p id="email">Write to lin.wei@example.com for access.</p>
<table><tr><td id="cell">Lin Wei</td></tr></table>
<p id="mailto"><a href="mailto:ana.silva@example.com">write to her</a></p>
<div id="shadow-host"></div>
<div id="later"></div>
<textarea>Ana Silva</textarea><input value="Grace Hopper"><div contenteditable="true">Lin Wei</div>
<script>window.note = "Ana Silva";</script>
<p id="word">Ana Silvanova is someone else.</p>
<script>
  document.getElementById('shadow-host').attachShadow({ mode: 'open' }).innerHTML =
    '<span id="in-shadow">Grace Hopper, in a shadow root</span>';
  setTimeout(() => { document.getElementById('later').textContent = 'Added later: Lin Wei'; }, 1500);
</script>
</body></html>`;

/** A page with nothing wrong of its own, so that what axe finds is ours. */
const CLEAN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Notes</title></head>
<body><main><h1>Notes</h1><p>Reviewed by Ana Silva and Lin Wei.</p></main></body></html>`;

describe('live badges next to names on an allowed page', () => {
  const session = useSession();
  let site: TestSite;
  let ana: EmuPerson;
  let grace: EmuPerson;
  let lin: EmuPerson;

  beforeAll(async () => {
    site = await serveTestSite({
      '/team.html': TEAM_PAGE,
      '/clean.html': CLEAN_PAGE,
    });
    const s = session();
    ana = await s.control.createPerson('Ana Silva', 'ana.silva@example.com');
    grace = await s.control.createPerson('Grace Hopper', 'grace.hopper@example.com');
    lin = await s.control.createPerson('Lin Wei', 'lin.wei@example.com');
    for (const [person, name] of [
      [ana, 'Ana Silva'],
      [grace, 'Grace Hopper'],
      [lin, 'Lin Wei'],
    ] as const) {
      await addContactViaOptions(s.options, person.emails[0]!, name);
    }
    await s.control.setPresence(ana.id, { status: 'dnd', ttl: 3600, customStatus: HOSTILE });
    await s.control.setPresence(grace.id, { status: 'active' });
    await s.control.setPresence(lin.id, { status: 'meeting' });
    await allowSiteViaOptions(s.options, site.origin);
  });

  afterAll(async () => {
    await site?.close();
  });

  test('every kind of mention gets exactly one badge with the right label; nothing else does', async () => {
    const s = session();
    const page = await s.extension.context.newPage();
    await page.goto(`${site.origin}/team.html`);
    await expect.poll(async () => (await badgesOn(page)).length, { timeout: 10_000 }).toBe(7);
    const badges = await badgesOn(page);
    const where = (id: string) => badges.filter((b) => b.where === id).map((b) => b.label);
    const anaLabel = expect.stringMatching(
      /^Ana Silva: Do not disturb until .+, '<img src=x onerror="window.__pwned=1">'$/,
    );
    expect(where('prose')).toEqual([anaLabel]);
    expect(where('mailto')).toEqual([anaLabel]);
    expect(where('upper')).toEqual(['Grace Hopper: Active']);
    expect(where('shadow')).toEqual(['Grace Hopper: Active']);
    expect(where('email')).toEqual(['Lin Wei: In a meeting']);
    expect(where('cell')).toEqual(['Lin Wei: In a meeting']);
    expect(where('later')).toEqual(['Lin Wei: In a meeting']);
    // Each badge wears the style sheet the worker sent (an unstyled span would be inline).
    const prose = page.locator('#prose [data-presence-lens-badge]');
    await expect
      .poll(() => prose.evaluate((badge) => getComputedStyle(badge).display))
      .toBe('inline-block');
    // The hostile custom status stayed text: no image element, nothing ran.
    expect(await page.evaluate(() => document.images.length)).toBe(0);
    expect(await page.evaluate(() => '__pwned' in window)).toBe(false);
    await page.close();
  });

  test("the page's text is unchanged, and a host that was not allowed gets no badges", async () => {
    const s = session();
    const allowed = await s.extension.context.newPage();
    const other = await s.extension.context.newPage();
    await allowed.goto(`${site.origin}/team.html`);
    await other.goto(`${site.otherOrigin}/team.html`);
    await expect.poll(async () => (await badgesOn(allowed)).length, { timeout: 10_000 }).toBe(7);
    expect(await badgesOn(other)).toEqual([]);
    const text = (page: Page) => page.evaluate(() => document.body.textContent);
    const later = (page: Page) => page.getByText('Added later: Lin Wei').waitFor();
    await Promise.all([later(allowed), later(other)]);
    expect(await text(allowed)).toBe(await text(other));

    // Even injected by hand, the annotator gets nothing from the worker on a site nobody allowed.
    const injected = await s.options.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url: `${url}/*` });
      await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, files: ['content.js'] });
      return true;
    }, site.otherOrigin);
    expect(injected).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await badgesOn(other)).toEqual([]);
    await Promise.all([allowed.close(), other.close()]);
  });

  test('a content script can neither read nor write extension storage', async () => {
    const s = session();
    const page = await s.extension.context.newPage();
    await page.goto(`${site.origin}/team.html`);
    const results = await s.options.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url: `${url}/*` });
      const [injection] = await chrome.scripting.executeScript({
        target: { tabId: tab!.id! },
        // Runs in the content-script world, exactly where the annotator runs.
        func: async () => {
          const attempt = async (what: () => Promise<unknown>) => {
            try {
              await what();
              return 'allowed';
            } catch (error) {
              return `refused: ${error instanceof Error ? error.message : String(error)}`;
            }
          };
          return {
            read: await attempt(() => chrome.storage.local.get('watchList')),
            write: await attempt(() => chrome.storage.local.set({ watchList: [] })),
            session: await attempt(() => chrome.storage.session.get(null)),
          };
        },
      });
      return injection?.result;
    }, site.origin);
    expect(results).toEqual({
      read: expect.stringMatching(/^refused/),
      write: expect.stringMatching(/^refused/),
      session: expect.stringMatching(/^refused/),
    });
    await page.close();
  });

  test('a change reaches every badge of that contact within 1 s; removing the contact removes them', async () => {
    const s = session();
    const page = await s.extension.context.newPage();
    await page.goto(`${site.origin}/team.html`);
    await expect.poll(async () => (await badgesOn(page)).length, { timeout: 10_000 }).toBe(7);
    const labelsOf = async (name: string) =>
      (await badgesOn(page)).filter((b) => b.label.startsWith(`${name}:`)).map((b) => b.label);

    await s.control.setPresence(lin.id, { status: 'presenting', customStatus: 'Demo' });
    await expect
      .poll(() => labelsOf('Lin Wei'), { timeout: 1_000, interval: 25 })
      .toEqual(Array(3).fill("Lin Wei: Presenting, 'Demo'"));

    await s.options.getByRole('button', { name: 'Remove Lin Wei' }).click();
    await expect.poll(() => labelsOf('Lin Wei'), { timeout: 5_000 }).toEqual([]);
    // Grace's badges were placed again with the new list, and take her status when the worker
    // sends it, a moment after the list (until then they are named by their text).
    await expect
      .poll(() => labelsOf('Grace Hopper'), { timeout: 1_000 })
      .toEqual(['Grace Hopper: Active', 'Grace Hopper: Active']);
    await addContactViaOptions(s.options, 'lin.wei@example.com', 'Lin Wei');
    await expect.poll(async () => (await labelsOf('Lin Wei')).length, { timeout: 5_000 }).toBe(3);
    await page.close();
  });

  test('badges pass axe in light and dark mode; the card opens on hover and focus, Esc closes it', async () => {
    const s = session();
    const page = await s.extension.context.newPage();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(`${site.origin}/clean.html`);
      await expect.poll(async () => (await badgesOn(page)).length, { timeout: 10_000 }).toBe(2);
      expect(await axeViolations(page)).toEqual([]);
    }
    const names = await accessibleNames(page);
    expect(names).toEqual(
      expect.arrayContaining([expect.stringMatching(/^image: Ana Silva: Do not disturb until/)]),
    );
    expect(names.filter((n) => n.startsWith('link: Open chat'))).toEqual([]);

    await page.locator('[data-presence-lens-badge]').first().hover();
    await expect
      .poll(async () => (await accessibleNames(page)).filter((n) => n.startsWith('link:')))
      .toEqual(['link: Open chat']);
    expect(await accessibleNames(page)).toEqual(
      expect.arrayContaining(['group: Presence of Ana Silva', 'StaticText: Do not disturb']),
    );
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => (await accessibleNames(page)).filter((n) => n.startsWith('link:')))
      .toEqual([]);

    // Not tab stops by default; with the option on, Tab reaches a badge and shows its card.
    await page.mouse.move(0, 0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    await s.options.getByLabel('Make page badges reachable with the Tab key').check();
    await expect
      .poll(() =>
        page.evaluate(() =>
          document.querySelector('[data-presence-lens-badge]')?.getAttribute('tabindex'),
        ),
      )
      .toBe('0');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(
      /^Ana Silva:/,
    );
    await expect
      .poll(async () => (await accessibleNames(page)).filter((n) => n.startsWith('link:')))
      .toEqual(['link: Open chat']);
    await s.options.getByLabel('Make page badges reachable with the Tab key').uncheck();
    await page.close();
  });

  test('reloading the page or the extension never leaves two sets of badges', async () => {
    const s = session();
    const page = await s.extension.context.newPage();
    await page.goto(`${site.origin}/team.html`);
    await expect.poll(async () => (await badgesOn(page)).length, { timeout: 10_000 }).toBe(7);
    await page.reload();
    await expect.poll(async () => (await badgesOn(page)).length, { timeout: 10_000 }).toBe(7);

    await reinstallExtension(s.extension.context);
    // The old copy removes its badges and the new one, injected into the open tab, adds its own:
    // they follow the next change, which only a copy connected to the new worker can hear.
    await s.control.setPresence(grace.id, { status: 'call' });
    const graceLabels = async () =>
      (await badgesOn(page)).filter((b) => b.label.startsWith('Grace Hopper:')).map((b) => b.label);
    await expect
      .poll(graceLabels, { timeout: 15_000 })
      .toEqual(['Grace Hopper: In a call', 'Grace Hopper: In a call']);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await badgesOn(page)).toHaveLength(7);
  });

  test('removing the site from Options removes its badges from open pages', async () => {
    const s = session();
    const page = await s.extension.context.newPage();
    await page.goto(`${site.origin}/clean.html`);
    await expect.poll(async () => (await badgesOn(page)).length, { timeout: 15_000 }).toBe(2);
    // The reinstall above closed the old options page: open a new one, as a user would.
    const options = await s.extension.openPage('src/options/index.html');
    const notes = page.locator('main p');
    expect(await notes.evaluate((p) => p.childNodes.length)).toBeGreaterThan(1); // split by badges
    await options.getByRole('button', { name: `Remove ${site.origin}` }).click();
    await expect.poll(async () => (await badgesOn(page)).length, { timeout: 5_000 }).toBe(0);
    // The page gets its text node back whole, as it was before the badges split it.
    expect(await notes.evaluate((p) => [...p.childNodes].map((node) => node.nodeValue))).toEqual([
      'Reviewed by Ana Silva and Lin Wei.',
    ]);
    await page.reload();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await badgesOn(page)).toEqual([]);
  });
});
