import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveTestSite, type TestSite } from '../e2e/support/test-site';
import { addContactViaOptions, useFirefoxSession } from './support/firefox-session';
import { click, fill, until, waitForButton } from '../../scripts/lib/firefox-page-queries';
import { storeScreenshot } from './support/screenshots';

const TEAM_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Team</title>
<style>body{font:18px/1.6 system-ui,sans-serif;margin:48px auto;max-width:720px}</style></head><body>
<h1>Platform team</h1>
<p id="prose">Questions go to Ana Silva, who leads the team.</p>
<p id="email">Write to lin.wei@example.com for access.</p>
<table><tr><td id="cell">Lin Wei</td></tr></table>
<p id="split">Search results for <mark>Lin</mark> Wei</p>
<ul id="picker"><li><b>Li</b>n Wei</li><li><b>Lin Wei</b>mann</li>
<li><span style="font-weight:bold">Li</span><span>n Wei</span></li><li><span style="font-weight:bold">Mari</span><span>ana Silva</span></li></ul>
<div id="later"></div>
<p id="activity"></p>
<script>setTimeout(() => { document.getElementById('later').textContent = 'Added later: Ana Silva'; }, 1000);
// A text node the page keeps and sets, as React, Vue, Angular, Svelte and Lit do.
const activity = document.createTextNode('Lin Wei commented 1 minute ago');
document.getElementById('activity').append(activity);
window.tick = (minutes) => { activity.nodeValue = 'Lin Wei commented ' + minutes + ' minutes ago'; };</script>
</body></html>`;

/** Page CSS aimed at every span (and so at badges' hosts), as blunt as it comes. */
const STYLED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Styled</title>
<style>span{display:block!important;padding:30px!important;border:9px solid red!important;
opacity:0!important;position:absolute!important}
span::before{content:'<<'!important}span::after{content:'>>'!important}</style></head>
<body><p id="styled">Reviewed by Ana Silva today.</p></body></html>`;

/** Locked down as large web apps are: no inline style or script, no Trusted Types policy allowed. */
const STRICT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'none'; script-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'">
<title>Strict</title></head><body><p id="strict">Reviewed by Ana Silva today.</p></body></html>`;

/**
 * Open shadow roots: one the page attaches at once, and one a component gets when its library
 * loads after the page (it upgrades where it stands: no mutation record shows the root).
 */
const SHADOW_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shadow</title>
</head><body><div id="host"></div><user-chip id="chip"></user-chip>
<script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML =
  '<b>Ana Silva</b> in a shadow root';
setTimeout(() => customElements.define('user-chip', class extends HTMLElement {
  connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '<b>Lin Wei</b> (on call)'; }
}), 1500);</script></body></html>`;

/** Badge labels as the page sees them: our badges carry `data-presence-lens-badge`. */
function badgeLabels(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('[data-presence-lens-badge]')]
    .map((el) => el.getAttribute('aria-label') ?? '')`) as Promise<string[]>;
}

describe('Firefox: live badges next to names on an allowed page', () => {
  const session = useFirefoxSession();
  let site: TestSite;
  let linId = '';

  beforeAll(async () => {
    site = await serveTestSite({
      '/team.html': TEAM_PAGE,
      '/strict.html': STRICT_PAGE,
      '/styled.html': STYLED_PAGE,
      '/shadow.html': SHADOW_PAGE,
    });
    const s = session();
    const ana = await s.control.createPerson('Ana Silva', 'ana.silva@example.com');
    const lin = await s.control.createPerson('Lin Wei', 'lin.wei@example.com');
    linId = lin.id;
    await addContactViaOptions(s.options, 'ana.silva@example.com', 'Ana Silva');
    await addContactViaOptions(s.options, 'lin.wei@example.com', 'Lin Wei');
    await s.control.setPresence(ana.id, {
      status: 'dnd',
      customStatus: '<img src=x onerror="window.__pwned=1">',
    });
    await s.control.setPresence(lin.id, { status: 'meeting' });
    await fill(s.options, 'Site', site.origin);
    await click(s.options, 'Allow site');
    await waitForButton(s.options, `Remove ${site.origin}`);
  });

  afterAll(async () => {
    await site?.close();
  });

  test('badges appear on the allowed site, change live, and stay text; another origin gets none', async () => {
    const s = session();
    const other = await s.firefox.openUrl(`${site.otherOrigin}/team.html`);
    // Opened last, so it is the visible tab: a hidden tab defers its badges until shown.
    const page = await s.firefox.openUrl(`${site.origin}/team.html`);
    const labels = await until(
      '8 badges',
      () => badgeLabels(page),
      (l) => l.length === 8,
      10_000,
    );
    expect(labels.filter((l) => l.startsWith('Ana Silva: Do not disturb'))).toHaveLength(2);
    // Three of them after a name the page split with a highlight (one in spans); none for Lin
    // Weimann, nor for Mariana Silva.
    expect(labels.filter((l) => l === 'Lin Wei: In a meeting')).toHaveLength(6);
    expect(await page.evaluate('document.images.length')).toBe(0);
    expect(await page.evaluate("'__pwned' in window")).toBe(false);

    await s.control.setPresence(linId, { status: 'presenting', customStatus: 'Demo' });
    await until(
      'Lin Wei presenting',
      () => badgeLabels(page),
      (l) => l.filter((x) => x === "Lin Wei: Presenting, 'Demo'").length === 6,
      2_000,
    );
    // The page sets the text of the node a badge split: it reads as the page wrote it.
    await page.evaluate('window.tick(2)');
    const activity = () =>
      page.evaluate(`[document.getElementById('activity').textContent,
        document.querySelectorAll('#activity [data-presence-lens-badge]').length]`);
    expect(
      await until(
        'the activity line as the page set it, with one badge',
        activity,
        (a) => JSON.stringify(a) === JSON.stringify(['Lin Wei commented 2 minutes ago', 1]),
        5_000,
      ),
    ).toEqual(['Lin Wei commented 2 minutes ago', 1]);
    expect(await badgeLabels(other)).toEqual([]);
    await storeScreenshot(page, 'page-badges');
    await Promise.all([page.close(), other.close()]);
  });

  test("a page's own CSS, aimed at every span, leaves a badge as it is", async () => {
    const s = session();
    const page = await s.firefox.openUrl(`${site.origin}/styled.html`);
    const look = () =>
      page.evaluate(`(() => {
        const badge = document.querySelector('[data-presence-lens-badge]');
        if (!badge) return null;
        const style = getComputedStyle(badge);
        return [style.display, style.position, style.opacity,
          badge.getBoundingClientRect().width < 30,
          getComputedStyle(badge, '::before').content, getComputedStyle(badge, '::after').content];
      })()`);
    const expected = ['inline-block', 'static', '1', true, 'none', 'none'];
    expect(
      await until(
        'a badge as we drew it',
        look,
        (l) => JSON.stringify(l) === JSON.stringify(expected),
        10_000,
      ),
    ).toEqual(expected);
    await page.close();
  });

  test('names in open shadow roots get badges, in a late-defined component too', async () => {
    const page = await session().firefox.openUrl(`${site.origin}/shadow.html`);
    const inRoots = () =>
      page.evaluate(`['host', 'chip'].flatMap((id) => [...(document.getElementById(id).shadowRoot
        ?.querySelectorAll('[data-presence-lens-badge]') ?? [])]
        .map((el) => id + ' ' + el.getAttribute('aria-label')))`) as Promise<string[]>;
    const found = await until(
      'a badge in each shadow root',
      inRoots,
      (l) => l.length === 2 && l.every((x) => x.includes(': ')),
      15_000,
    );
    expect(found).toEqual([
      expect.stringMatching(/^host Ana Silva: Do not disturb/),
      expect.stringMatching(/^chip Lin Wei: /),
    ]);
    await page.close();
  });

  test('a page with a strict CSP and Trusted Types gets drawn badges', async () => {
    const s = session();
    const page = await s.firefox.openUrl(`${site.origin}/strict.html`);
    await until(
      "Ana Silva's badge",
      () => badgeLabels(page),
      (l) => l.length === 1 && l[0]!.startsWith('Ana Silva: Do not disturb'),
      10_000,
    );
    // Drawn with its own style sheet (the page's style-src does not reach it): one line high.
    const box = () =>
      page.evaluate(`(() => {
        const r = document.querySelector('[data-presence-lens-badge]').getBoundingClientRect();
        return [r.width > 0, r.height > 0 && r.height < 30];
      })()`);
    expect(
      await until('a drawn badge', box, (b) => JSON.stringify(b) === '[true,true]', 5_000),
    ).toEqual([true, true]);
    await page.close();
  });

  // Firefox has no `storage.local.setAccessLevel`: the extension keeps its `local` items in
  // IndexedDB there (src/shared/storage-areas.ts), so what a content script reaches is empty and
  // nothing it writes is read.
  test('a content script reads nothing of the extension, and what it writes changes nothing', async () => {
    const s = session();
    const page = await s.firefox.openUrl(`${site.origin}/team.html`);
    const results = await s.options.evaluate(`(async () => {
      // Firefox match patterns take no port: find the tab by its URL.
      const tabs = await browser.tabs.query({ url: 'http://127.0.0.1/*' });
      const tab = tabs.find((t) => t.url.startsWith(${JSON.stringify(site.origin)}));
      const [injection] = await browser.scripting.executeScript({
        target: { tabId: tab.id },
        func: async () => {
          const attempt = async (what) => {
            try { const v = await what(); return 'allowed ' + JSON.stringify(v).slice(0, 80); }
            catch (error) { return 'refused: ' + (error && error.message); }
          };
          return {
            read: await attempt(() => browser.storage.local.get(null)),
            write: await attempt(() => browser.storage.local.set({ watchList: { v: 1, value: [] }, allowedSites: { v: 1, value: [] } })),
            session: await attempt(() => browser.storage.session.get(null)),
          };
        },
      });
      return injection.result;
    })()`);
    expect(results).toMatchObject({
      read: expect.stringMatching(/^(refused|allowed \{\}$)/),
      session: expect.stringMatching(/^refused/),
    });
    // Whatever that write did, the contacts and the allowed site are still there.
    const options = await s.firefox.openPage('src/options/index.html');
    await waitForButton(options, 'Remove Ana Silva');
    await waitForButton(options, `Remove ${site.origin}`);
    await Promise.all([page.close(), options.close()]);
  });
});
