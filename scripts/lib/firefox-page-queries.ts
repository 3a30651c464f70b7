/**
 * Finding things in extension pages the way a person does (by label, button name, visible text),
 * through open shadow roots (Lit). Playwright's getByLabel does this in Chromium; over WebDriver
 * BiDi we run our own, injected as a plain string so no compiler helper leaks into the page.
 */
import type { ElementHandle, Page } from 'puppeteer-core';

const QUERIES = String.raw`(() => {
  if (window.__presenceLensQueries) return;
  const all = (root = document) => {
    const out = [];
    const walk = (r) => {
      for (const el of r.querySelectorAll('*')) {
        out.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(root);
    return out;
  };
  const text = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent;
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return '';
    if (node.nodeType === Node.ELEMENT_NODE && ['STYLE', 'SCRIPT', 'TEMPLATE'].includes(node.tagName)) return '';
    let s = '';
    if (node.shadowRoot) s += text(node.shadowRoot);
    for (const child of node.childNodes) s += text(child);
    if (node.tagName === 'SLOT') for (const n of node.assignedNodes()) s += text(n);
    return s + (node.nodeType === Node.ELEMENT_NODE && getComputedStyle(node).display === 'block' ? ' ' : '');
  };
  const squash = (s) => s.replace(/\s+/g, ' ').trim();
  const field = (label) => {
    for (const l of all().filter((e) => e.tagName === 'LABEL')) {
      if (squash(l.textContent) !== label) continue;
      const el = l.htmlFor ? l.getRootNode().getElementById(l.htmlFor) : l.querySelector('input,textarea,select');
      if (el) return el;
    }
    return all().find((e) => /^(INPUT|TEXTAREA)$/.test(e.tagName) && e.getAttribute('aria-label') === label) ?? null;
  };
  const button = (name) =>
    all().find((e) => e.tagName === 'BUTTON' && squash(e.getAttribute('aria-label') ?? e.textContent) === name) ?? null;
  window.__presenceLensQueries = {
    fill(label, value) {
      const el = field(label);
      if (!el) return 'no field labelled ' + label;
      el.focus();
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      return '';
    },
    click(name) {
      const el = button(name);
      if (!el) return 'no button named ' + name;
      if (el.disabled) return 'button ' + name + ' is disabled';
      el.click();
      return '';
    },
    button,
    hasButton: (name) => button(name) !== null,
    text: () => squash(text(document.body)),
    rows: () =>
      all()
        .filter((e) => e.tagName === 'LI' || e.getAttribute('role') === 'listitem')
        .map((e) => squash(text(e))),
  };
})()`;

async function run<T>(page: Page, call: string): Promise<T> {
  await page.evaluate(QUERIES);
  return (await page.evaluate(`window.__presenceLensQueries.${call}`)) as T;
}

async function until<T>(
  what: string,
  probe: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe().catch(() => last);
    if (last !== undefined && ok(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what} (last: ${JSON.stringify(last)}).`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const arg = (value: string) => JSON.stringify(value);

/** Retries until the field exists (the page may still be rendering). */
export async function fill(page: Page, label: string, value: string, timeoutMs = 10_000) {
  await until(
    `field "${label}"`,
    () => run<string>(page, `fill(${arg(label)}, ${arg(value)})`),
    (e) => e === '',
    timeoutMs,
  );
}

/**
 * A real click (BiDi input actions), not `el.click()`: Firefox lets `permissions.request` run only
 * from a user input handler.
 */
export async function click(page: Page, name: string, timeoutMs = 10_000) {
  await until(
    `button "${name}" enabled`,
    () =>
      run<boolean>(
        page,
        `hasButton(${arg(name)}) && !window.__presenceLensQueries.button(${arg(name)}).disabled`,
      ),
    (found) => found,
    timeoutMs,
  );
  const handle = await page.evaluateHandle(`window.__presenceLensQueries.button(${arg(name)})`);
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) throw new Error(`No button named "${name}".`);
  await element.click();
  await handle.dispose();
}

export async function waitForButton(page: Page, name: string, present = true, timeoutMs = 10_000) {
  await until(
    `button "${name}" ${present ? 'present' : 'gone'}`,
    () => run<boolean>(page, `hasButton(${arg(name)})`),
    (v) => v === present,
    timeoutMs,
  );
}

export function pageText(page: Page): Promise<string> {
  return run<string>(page, 'text()');
}

export async function waitForText(page: Page, text: string, timeoutMs = 10_000) {
  return until(
    `text "${text}"`,
    () => pageText(page),
    (t) => t.includes(text),
    timeoutMs,
  );
}

/** The visible text of every list item (popup rows, contacts, sites). */
export function listItems(page: Page): Promise<string[]> {
  return run<string[]>(page, 'rows()');
}

/** Waits until the list item that mentions `name` contains `expected`; returns its text. */
export async function waitForRow(page: Page, name: string, expected = '', timeoutMs = 10_000) {
  const rows = await until(
    `a row with "${name}" showing "${expected}"`,
    () => listItems(page),
    (items) => items.some((row) => row.includes(name) && row.includes(expected)),
    timeoutMs,
  );
  return rows.find((row) => row.includes(name) && row.includes(expected)) ?? '';
}

export { until };
