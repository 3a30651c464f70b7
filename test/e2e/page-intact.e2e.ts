/**
 * Badges live in pages they did not write. These scenarios are what pages do to their own text
 * while badges sit in it: a framework sets or moves the nodes it keeps, the user copies a line,
 * the page edits in place. The page's text must stay as the page wrote it, and nothing it copies
 * or saves may carry a colleague's status.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allowSiteViaOptions } from '../../scripts/lib/allow-site-via-options';
import { badgesOn } from './support/badges-on';
import { addContactViaOptions, useSession } from './support/session';
import { serveTestSite, type TestSite } from './support/test-site';

/** A page that keeps its text node and sets its text, as React, Vue, Angular, Svelte and Lit do. */
const APP_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App</title></head>
<body><main><p id="activity"></p><p id="moved"></p></main><script>
  const activity = document.createTextNode('Ana Silva commented 1 minute ago');
  document.getElementById('activity').append(activity);
  window.tick = (minutes) => { activity.nodeValue = 'Ana Silva commented ' + minutes + ' minutes ago'; };
  window.move = () => document.getElementById('moved').append(activity);
  window.unmount = () => activity.remove();
</script></body></html>`;

describe('pages keep their text intact around badges', () => {
  const session = useSession();
  let site: TestSite;

  beforeAll(async () => {
    site = await serveTestSite({ '/app.html': APP_PAGE });
    const s = session();
    const ana = await s.control.createPerson('Ana Silva', 'ana.silva@example.com');
    await addContactViaOptions(s.options, 'ana.silva@example.com', 'Ana Silva');
    await s.control.setPresence(ana.id, { status: 'dnd', ttl: 3600, customStatus: 'Focus time' });
    await allowSiteViaOptions(s.options, site.origin);
  });

  afterAll(async () => {
    await site?.close();
  });

  test("a framework's text updates and moves, a copy and editing in place keep the text whole and carry no status", async () => {
    const s = session();
    const page = await s.extension.context.newPage();
    await page.goto(`${site.origin}/app.html`);
    const activity = page.locator('#activity');
    const seen = async () => ({
      text: await activity.textContent(),
      badges: (await badgesOn(page)).map((b) => b.label.split(':')[0]),
    });
    await expect
      .poll(seen, { timeout: 10_000 })
      .toEqual({ text: 'Ana Silva commented 1 minute ago', badges: ['Ana Silva'] });
    // The badge as drawn, marked by the page's own script, so that a new one would show.
    type Marked = HTMLElement & { marked?: boolean };
    const badge = () =>
      page.evaluate(() => {
        const host = document.querySelector<Marked>('#activity [data-presence-lens-badge]');
        return { marked: host?.marked === true, drawn: (host?.offsetWidth ?? 0) > 0 };
      });
    await expect.poll(badge).toEqual({ marked: false, drawn: true });
    await page.evaluate(() => {
      document.querySelector<Marked>('#activity [data-presence-lens-badge]')!.marked = true;
    });
    for (const minutes of [2, 3]) {
      await page.evaluate((m) => (window as unknown as { tick(m: number): void }).tick(m), minutes);
      await expect
        .poll(seen, { timeout: 5_000 })
        .toEqual({ text: `Ana Silva commented ${minutes} minutes ago`, badges: ['Ana Silva'] });
      // The same badge, drawn all along: the text never jumps for a badge drawn anew.
      expect(await badge()).toEqual({ marked: true, drawn: true });
    }
    // Copied for pasting elsewhere, the line takes no status with it: the badge is a bare span.
    await s.extension.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: site.origin,
    });
    await activity.evaluate((p) => document.getSelection()!.selectAllChildren(p));
    await page.keyboard.press('Control+C');
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return item ? (await item.getType('text/html')).text() : '';
    });
    expect(copied.replace(/<[^>]*>/g, '')).toBe('Ana Silva commented 3 minutes ago');
    expect(copied).not.toMatch(/aria-label|role=|data-presence-lens|Do not disturb/);
    await expect
      .poll(seen)
      .toEqual({ text: 'Ana Silva commented 3 minutes ago', badges: ['Ana Silva'] });
    // Edited in place: what the page would save holds no badge; editing done, the badge is back.
    const editable = (value: string) =>
      activity.evaluate((p, v) => p.setAttribute('contenteditable', v), value);
    await editable('true');
    await expect.poll(() => activity.innerHTML()).toBe('Ana Silva commented 3 minutes ago');
    await editable('false');
    await expect
      .poll(seen, { timeout: 5_000 })
      .toEqual({ text: 'Ana Silva commented 3 minutes ago', badges: ['Ana Silva'] });
    // Moved, as Vue and Svelte move a list item's text nodes: all of its text goes with it.
    await page.evaluate(() => (window as unknown as { move(): void }).move());
    await expect
      .poll(async () => [await activity.textContent(), await page.locator('#moved').textContent()])
      .toEqual(['', 'Ana Silva commented 3 minutes ago']);
    await expect.poll(async () => (await badgesOn(page)).map((b) => b.where)).toEqual(['moved']);
    await page.evaluate(() => (window as unknown as { unmount(): void }).unmount());
    await expect
      .poll(async () => [await page.locator('main').textContent(), (await badgesOn(page)).length])
      .toEqual(['', 0]);
    await page.close();
  });
});
