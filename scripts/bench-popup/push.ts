/**
 * Push -> popup: with the popup open, presence changes are sent to the emulator
 * (`PUT /_emu/presence/:id`, pushed to the extension over its Mercury socket) and timed until the
 * contact's row shows the new status label. Both ends are read on the page's clock: the page
 * starts the timing, Node sends the PUT as soon as it hears so (page-probe.ts, `arm`).
 *
 * The changed contacts are the first `VISIBLE_ROWS` of the list, for both sizes: rows a
 * virtualised popup keeps in the DOM, so every popup is timed on rows it can show.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { PushResult } from './page-probe';
import type { BenchPerson } from './people';

export const VISIBLE_ROWS = 10;

/**
 * The popup's labels, from the English catalogue: Node has no `chrome.i18n`, so the UI's
 * `statusLabel()` would give back the keys here.
 */
const CATALOGUE = JSON.parse(
  readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
) as Record<string, { message?: string } | undefined>;
const label = (key: string): string => CATALOGUE[key]?.message ?? key;

/** Emulator wire status -> the label the popup shows. None is a part of another. */
const CHANGES = [
  { wire: 'dnd', label: label('status_dnd') },
  { wire: 'meeting', label: label('status_meeting') },
  { wire: 'busy', label: label('status_busy') },
  { wire: 'call', label: label('status_call') },
  { wire: 'presenting', label: label('status_presenting') },
  { wire: 'quiet', label: label('status_quiet') },
] as const;

/** What the page's pending timing resolves to (runs in the page). */
const pendingResult = (): Promise<PushResult> =>
  window.__popupBench?.pending ?? Promise.resolve({ error: 'no push timing armed' });

/** PUT /_emu/presence/:id; null when sent, else why not. */
async function putPresence(
  baseUrl: string,
  id: string,
  status: string,
): Promise<PushResult | null> {
  const path = `/_emu/presence/${encodeURIComponent(id)}`;
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status }),
  });
  if (response.ok) return null;
  return { error: `PUT ${path} -> ${response.status}: ${await response.text()}` };
}

export interface PushRuns {
  /** Milliseconds per change that showed up. */
  readonly ms: number[];
  /** Why the other changes did not. */
  readonly failures: string[];
}

/**
 * `count` changes, round-robin over the first rows; each contact's new status differs from the
 * one it has (`current`, by contact id, kept across calls; people start `active`).
 */
export async function measurePush(
  page: Page,
  baseUrl: string,
  people: readonly BenchPerson[],
  current: Map<string, string>,
  count: number,
  timeoutMs: number,
): Promise<PushRuns> {
  const targets = people.slice(0, VISIBLE_ROWS);
  const ms: number[] = [];
  const failures: string[] = [];
  for (let i = 0; i < count; i++) {
    const person = targets[i % targets.length];
    if (!person) throw new Error('no people to change');
    let pick = i % CHANGES.length;
    while (CHANGES[pick]?.wire === (current.get(person.id) ?? 'active')) {
      pick = (pick + 1) % CHANGES.length;
    }
    const change = CHANGES[pick] ?? CHANGES[0];
    await page.evaluate(
      ([name, label, timeout]) => window.__popupBench?.arm(name, label, timeout),
      [person.displayName, change.label, timeoutMs] as const,
    );
    const sent = await putPresence(baseUrl, person.id, change.wire);
    const result: PushResult = sent ?? (await page.evaluate(pendingResult));
    current.set(person.id, change.wire);
    if ('ms' in result) ms.push(result.ms);
    else failures.push(result.error);
    // Let the popup finish the frame before the next change.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
  return { ms, failures };
}
