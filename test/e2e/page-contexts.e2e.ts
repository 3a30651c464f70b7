/**
 * Pages of the shapes the web has that a plain test page lacks: locked down by CSP and Trusted
 * Types, kept for Back in the back/forward cache (on in this session, as in browsers people use),
 * printed, made of frames, made of components defined after the page loaded, and writing people
 * as a name and an address together.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EmuPerson } from '../support/emulator-control';
import { allowSiteViaOptions } from '../../scripts/lib/allow-site-via-options';
import { accessibleNames } from './support/accessible-names';
import { badgesOn } from './support/badges-on';
import { addContactViaOptions, useSession } from './support/session';
import { serveTestSite, type TestSite } from './support/test-site';

/**
 * A page as locked down as large web apps make theirs: no inline style, no script, and Trusted
 * Types required with no policy allowed (lit-html's own included).
 */
const STRICT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'none'; script-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'">
<title>Strict</title></head><body><main><p id="strict">Reviewed by Ana Silva today.</p></main></body></html>`;

const NOTES = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Notes</title></head>
<body><main><p>Reviewed by Ana Silva and Lin Wei.</p></main></body></html>`;

/** A frame of its own site, and one of a site nobody allowed (localhost: see test-site.ts). */
const FRAMED = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Framed</title></head>
<body><p id="top">Reviewed by Ana Silva.</p>
<iframe id="same" title="Same site" src="/inner.html"></iframe>
<iframe id="other" title="Another site"></iframe>
<script>document.getElementById('other').src =
  location.href.replace('127.0.0.1', 'localhost').replace('framed', 'inner');</script>
</body></html>`;
/** A modal dialog naming someone: everything outside the dialog is inert while it is open. */
const DIALOG = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dialog</title></head>
<body><p>Behind the dialog.</p><dialog id="dialog"><p id="in-dialog">Assigned to Ana Silva.</p>
<button>Close</button></dialog><script>document.getElementById('dialog').showModal();</script>
</body></html>`;
/** Page CSS aimed at every span (and so at badges' hosts), as blunt as it comes. */
const HOSTILE_CSS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Styled</title>
<style>span{display:block!important;padding:30px!important;border:9px solid red!important;
font-size:40px!important;opacity:0!important;position:absolute!important}
span::before{content:'<<'!important}span::after{content:'>>'!important}</style></head>
<body><p id="styled">Reviewed by Ana Silva today.</p></body></html>`;
/**
 * Components whose library loads after the page (a chunk fetched later): each upgrades where it
 * stands and renders the name into an open shadow root, which no mutation record shows.
 */
const LATE_COMPONENTS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chips</title>
</head><body><p id="plain">Owner: Ana Silva</p><user-chip id="chip" email="lin.wei@example.com">
</user-chip><script>setTimeout(() => customElements.define('user-chip', class extends HTMLElement {
  connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '<b>Lin Wei</b> (on call)'; }
}), 1500);</script></body></html>`;
/**
 * A mail header as webmail builds it, a wiki's linked address, a linked name with its address,
 * and a name and address apart.
 */
const PEOPLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>People</title>
</head><body><h3 id="header"><span><span>Lin Wei</span></span> <span><span>&lt;</span>lin.wei@example.com<span>&gt;</span></span></h3>
<p id="wiki">Owner: Ana Silva (<a href="mailto:ana.silva@example.com">ana.silva@example.com</a>)</p>
<p id="linked">On call: <a href="mailto:lin.wei@example.com">Lin Wei</a> (lin.wei@example.com)</p>
<p id="apart">Ana Silva wrote to lin.wei@example.com, and Lin Wei replied.</p></body></html>`;
/**
 * A highlighted name, one a script renders as a framework does "{first} {last}", a people picker's
 * highlights (in spans too), a row whose items only CSS sets apart, and a name with a soft hyphen.
 */
const SPLIT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Split</title>
</head><body><p id="mark">Results for <mark>Lin</mark> Wei</p><p id="rendered">Owner: <span></span></p>
<ul id="picker"><li><mark>Lin Wei</mark>mann</li><li>Ca<mark>ana Silva</mark></li><li><b>Li</b>n Wei</li><li><mark>L</mark>in Wei</li>
<li><span style="font-weight:700">Li</span><span>n Wei</span></li><li><span style="font-weight:700">Ca</span><span>ana Silva</span></li></ul>
<p id="row"><span>Lin Wei</span><span style="margin-left:.5em">Owner</span></p>
<p id="hyphenated">Reviewer: Ana Sil&shy;va</p>
<script>setTimeout(() => document.querySelector('#rendered span').append('Ana', ' ', 'Silva'), 300);</script>
</body></html>`;
const INNER = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inner</title></head>
<body><p>Lin Wei is on call.</p></body></html>`;

/** Each badge as "where whose": the id of the nearest element with one, and the contact's name. */
async function placesOf(page: Page): Promise<string[]> {
  return (await badgesOn(page)).map((b) => `${b.where} ${b.label.split(':')[0]}`);
}

describe('badges on pages of every shape', () => {
  const session = useSession({ backForwardCache: true });
  let site: TestSite;
  let ana: EmuPerson;
  let lin: EmuPerson;

  beforeAll(async () => {
    site = await serveTestSite({
      '/strict.html': STRICT_PAGE,
      '/notes.html': NOTES,
      '/framed.html': FRAMED,
      '/inner.html': INNER,
      '/dialog.html': DIALOG,
      '/styled.html': HOSTILE_CSS,
      '/chips.html': LATE_COMPONENTS,
      '/people.html': PEOPLE,
      '/split.html': SPLIT,
    });
    const s = session();
    ana = await s.control.createPerson('Ana Silva', 'ana.silva@example.com');
    lin = await s.control.createPerson('Lin Wei', 'lin.wei@example.com');
    await addContactViaOptions(s.options, 'ana.silva@example.com', 'Ana Silva');
    await addContactViaOptions(s.options, 'lin.wei@example.com', 'Lin Wei');
    await s.control.setPresence(ana.id, { status: 'dnd', ttl: 3600 });
    await s.control.setPresence(lin.id, { status: 'meeting' });
    await allowSiteViaOptions(s.options, site.origin);
  });

  afterAll(async () => {
    await site?.close();
  });

  test('a page with a strict CSP and Trusted Types gets whole badges and cards, its own API intact', async () => {
    const s = session();
    const page = await s.extension.context.newPage();
    await page.goto(`${site.origin}/strict.html`);
    await expect
      .poll(async () => (await badgesOn(page)).map((b) => b.label), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/^Ana Silva: Do not disturb until /)]);
    // Styled (the page's style-src does not reach our shadow roots): a glyph one line high.
    const badge = page.locator('#strict [data-presence-lens-badge]');
    await expect
      .poll(() =>
        badge.evaluate((b) => [getComputedStyle(b).display, b.getBoundingClientRect().height < 30]),
      )
      .toEqual(['inline-block', true]);
    await badge.hover();
    await expect
      .poll(async () => (await accessibleNames(page)).filter((n) => n.startsWith('link:')))
      .toEqual(['link: Open chat']);
    // What the script hid was its own world's view: the page still has its Trusted Types.
    const pageTrustedTypes = () =>
      typeof (window as { trustedTypes?: { createPolicy?: unknown } }).trustedTypes?.createPolicy;
    expect(await page.evaluate(pageTrustedTypes)).toBe('function');
    await page.close();
  });

  test('a page the browser keeps for Back and restores stays live, with one set of badges', async () => {
    const s = session();
    const page = await s.extension.context.newPage();
    await page.goto(`${site.origin}/notes.html`);
    await expect.poll(async () => (await badgesOn(page)).length, { timeout: 10_000 }).toBe(2);
    type Restored = { restored?: boolean };
    await page.evaluate(() => {
      addEventListener('pageshow', (event) => ((window as Restored).restored = event.persisted));
    });
    await page.goto(`${site.origin}/strict.html`);
    await page.goBack({ waitUntil: 'commit' });
    // Restored as it was (a reload would have lost the page's own listener and variable).
    expect(await page.evaluate(() => (window as Restored).restored)).toBe(true);
    await s.control.setPresence(ana.id, { status: 'ooo' });
    await expect
      .poll(async () => (await badgesOn(page)).map((b) => b.label), { timeout: 5_000 })
      .toEqual([expect.stringMatching(/^Ana Silva: Out of office/), expect.any(String)]);
    await page.close();
  });

  test('a badge in a modal dialog opens a card that works: it is not inert', async () => {
    const page = await session().extension.context.newPage();
    await page.goto(`${site.origin}/dialog.html`);
    const badge = page.locator('#in-dialog [data-presence-lens-badge]');
    await badge.waitFor({ timeout: 10_000 });
    await badge.hover();
    const links = async () => (await accessibleNames(page)).filter((n) => n.startsWith('link:'));
    await expect.poll(links).toEqual(['link: Open chat']);
    // The pointer can go onto the card and stay: it takes pointer events.
    const card = await page.evaluate(() => {
      const r = document.querySelector('[data-presence-lens-card]')!.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.move(card.x, card.y, { steps: 5 });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await links()).toEqual(['link: Open chat']);
    // Esc closes the card, and only the card: the page's dialog closes on the next one.
    const dialogOpen = () => page.evaluate(() => document.querySelector('dialog')!.open);
    await page.keyboard.press('Escape');
    expect(await links()).toEqual([]);
    expect(await dialogOpen()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await dialogOpen()).toBe(false);
    await page.close();
  });

  test("a page's own CSS, aimed at every span, leaves a badge as it is", async () => {
    const page = await session().extension.context.newPage();
    await page.goto(`${site.origin}/styled.html`);
    const look = () =>
      page.evaluate(() => {
        const badge = document.querySelector('#styled [data-presence-lens-badge]');
        if (!badge) return null;
        const box = badge.getBoundingClientRect();
        const style = getComputedStyle(badge);
        return {
          display: style.display,
          position: style.position,
          opacity: style.opacity,
          small: box.width < 30 && box.height < 30,
          before: getComputedStyle(badge, '::before').content,
          after: getComputedStyle(badge, '::after').content,
        };
      });
    await expect.poll(look, { timeout: 10_000 }).toEqual({
      display: 'inline-block',
      position: 'static',
      opacity: '1',
      small: true,
      before: 'none',
      after: 'none',
    });
    // Its card likewise, shown and then hidden (a hidden card must not stay on screen).
    await page.locator('#styled [data-presence-lens-badge]').hover();
    const card = () =>
      page.evaluate(() => {
        const host = document.querySelector('[data-presence-lens-card]');
        return host && [getComputedStyle(host).display, getComputedStyle(host).opacity];
      });
    await expect.poll(card).toEqual(['block', '1']);
    await page.keyboard.press('Escape');
    expect(await card()).toEqual(['none', '1']);
    await page.close();
  });

  test('a printed page leaves the badges out', async () => {
    const page = await session().extension.context.newPage();
    await page.goto(`${site.origin}/notes.html`);
    const shown = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-presence-lens-badge]')].map(
          (badge) => getComputedStyle(badge).display,
        ),
      );
    await expect.poll(shown, { timeout: 10_000 }).toEqual(['inline-block', 'inline-block']);
    await page.emulateMedia({ media: 'print' });
    expect(await shown()).toEqual(['none', 'none']);
    await page.emulateMedia({ media: 'screen' });
    expect(await shown()).toEqual(['inline-block', 'inline-block']);
    await page.close();
  });

  test('a component defined after the page loaded gets its badge in its shadow root', async () => {
    const page = await session().extension.context.newPage();
    await page.goto(`${site.origin}/chips.html`);
    await expect
      .poll(async () => (await badgesOn(page)).map((b) => `${b.where} ${b.label}`), {
        timeout: 15_000,
      })
      .toEqual([expect.stringMatching(/^plain Ana Silva: /), 'shadow Lin Wei: In a meeting']);
    // Its root is watched from then on, as any other.
    await page.evaluate(() => {
      const shadow = document.getElementById('chip')!.shadowRoot!;
      shadow.append(Object.assign(document.createElement('i'), { textContent: ', Lin Wei' }));
    });
    await expect
      .poll(async () => (await badgesOn(page)).filter((b) => b.where === 'shadow').length)
      .toBe(2);
    await page.close();
  });

  test('a person written as name and address gets one badge, after the name', async () => {
    const page = await session().extension.context.newPage();
    await page.goto(`${site.origin}/people.html`);
    const seen = () => placesOf(page);
    await expect.poll(async () => (await seen()).length, { timeout: 10_000 }).toBe(6);
    expect(await seen()).toEqual([
      'header Lin Wei',
      'wiki Ana Silva',
      'linked Lin Wei',
      'apart Ana Silva',
      'apart Lin Wei',
      'apart Lin Wei',
    ]);
    // Each right after the name (or the linked name), not after the address.
    const before = await page.evaluate(() =>
      ['header', 'wiki', 'linked'].map(
        (id) =>
          document.querySelector(`#${id} [data-presence-lens-badge]`)!.previousSibling!.textContent,
      ),
    );
    expect(before).toEqual(['Lin Wei', 'Owner: Ana Silva', 'Lin Wei']);
    await page.close();
  });

  test('a name split across texts gets one badge, which goes when the page changes the name', async () => {
    const page = await session().extension.context.newPage();
    await page.goto(`${site.origin}/split.html`);
    const seen = () => placesOf(page);
    await expect
      .poll(seen, { timeout: 10_000 })
      .toEqual([
        'mark Lin Wei',
        'rendered Ana Silva',
        ...Array<string>(3).fill('picker Lin Wei'),
        'row Lin Wei',
        'hyphenated Ana Silva',
      ]);
    const texts = () => page.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').trim());
    // A people picker's "Lin Weimann" and "Caana Silva" are other people: no badge.
    expect(await texts()).toBe(
      'Results for Lin Wei Owner: Ana Silva Lin Weimann Caana Silva Lin Wei Lin Wei Lin Wei ' +
        'Caana Silva Lin WeiOwner Reviewer: Ana Sil\u00adva',
    );
    // The framework sets the first part's text: the row shows someone else now.
    await page.evaluate(() => {
      (document.querySelector('#rendered span')!.firstChild as Text).data = 'Bob';
    });
    await expect
      .poll(seen, { timeout: 5_000 })
      .toEqual([
        'mark Lin Wei',
        ...Array<string>(3).fill('picker Lin Wei'),
        'row Lin Wei',
        'hyphenated Ana Silva',
      ]);
    expect(await texts()).toBe(
      'Results for Lin Wei Owner: Bob Silva Lin Weimann Caana Silva Lin Wei Lin Wei Lin Wei ' +
        'Caana Silva Lin WeiOwner Reviewer: Ana Sil\u00adva',
    );
    await page.close();
  });

  test('every frame of an allowed site gets live badges; a frame of another site none', async () => {
    const s = session();
    const page = await s.extension.context.newPage();
    await page.goto(`${site.origin}/framed.html`);
    const frame = (origin: string): Frame =>
      page.frames().find((f) => f.url() === `${origin}/inner.html`)!;
    await expect
      .poll(async () => (await badgesOn(page)).map((b) => b.label), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/^Ana Silva: /)]);
    await expect
      .poll(async () => (await badgesOn(frame(site.origin))).map((b) => b.label), {
        timeout: 10_000,
      })
      .toEqual(['Lin Wei: In a meeting']);
    await s.control.setPresence(lin.id, { status: 'call' });
    await expect
      .poll(async () => (await badgesOn(frame(site.origin))).map((b) => b.label))
      .toEqual(['Lin Wei: In a call']);
    expect(await badgesOn(frame(site.otherOrigin))).toEqual([]);
    await page.close();
  });
});
