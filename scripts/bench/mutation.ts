/**
 * The MutationObserver path: on a blank page, 10 batches of 100 paragraphs are appended in one go
 * each, and `flush()` is timed right after each append (same task, so no observer callback can
 * run first). The floor, in a fresh identical run, walks just the added paragraphs.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { seededRandom } from './distractors';
import { collectGarbage } from './methods';
import { median } from './stats';
import type { BenchContact, PresenceLensBenchApi } from './types';

export const BATCHES = 10;
export const PARAGRAPHS_PER_BATCH = 100;

const OPENINGS = [
  'Yesterday afternoon',
  'According to the minutes,',
  'In a short note to the team,',
  'After the quarterly review,',
  'During the design discussion',
  'As the release notes explain,',
  'Late on Friday',
  'In the follow-up thread',
];
const LINKS = [
  'met with',
  'handed the migration plan over to',
  'asked for a second opinion from',
  'shared the draft budget with',
  'scheduled a call with',
];
const ENDINGS = [
  'to go through the open questions before the deadline.',
  'and the two agreed to revisit the proposal next week.',
  'while the rest of the group kept working on the backlog.',
  'so that the customer escalation could be closed quickly.',
  'before anyone had a chance to read the full report.',
];

export interface MutationBatches {
  /** `batches[b][p]` is the text of paragraph p of batch b. */
  readonly batches: string[][];
  /** Name occurrences in all paragraphs. */
  readonly nameOccurrences: number;
}

/** Deterministic paragraphs, each one sentence with one or two of `names` and plain text. */
export function makeMutationBatches(names: readonly string[], seed = 0xbadc0de): MutationBatches {
  const random = seededRandom(seed);
  const pick = (items: readonly string[]): string =>
    items[Math.floor(random() * items.length)] ?? '';
  let nameOccurrences = 0;
  const batches: string[][] = [];
  for (let b = 0; b < BATCHES; b++) {
    const batch: string[] = [];
    for (let p = 0; p < PARAGRAPHS_PER_BATCH; p++) {
      const first = pick(names);
      if (random() < 0.5) {
        batch.push(`${pick(OPENINGS)} ${first} ${pick(LINKS)} ${pick(names)} ${pick(ENDINGS)}`);
        nameOccurrences += 2;
      } else {
        batch.push(`${pick(OPENINGS)} ${first} ${pick(ENDINGS)}`);
        nameOccurrences += 1;
      }
    }
    batches.push(batch);
  }
  return { batches, nameOccurrences };
}

// ---- in-page functions (self-contained, see methods.ts) ----

/** Creates the container; with `contacts`, runs the annotator's first pass and starts observing. */
function setupInPage(contacts: BenchContact[] | null): void {
  const container = document.createElement('div');
  container.id = 'presence-lens-bench-container';
  document.body.append(container);
  if (contacts === null) return;
  const api = (window as unknown as { __presenceLensBench?: PresenceLensBenchApi })
    .__presenceLensBench;
  if (api === undefined) throw new Error('window.__presenceLensBench is missing');
  api.prepare(contacts);
  api.annotate();
  api.observe();
}

/** Appends one batch, then times `flush()`. */
function oursBatchInPage(texts: string[]): { ms: number; badges: number } {
  const api = (window as unknown as { __presenceLensBench?: PresenceLensBenchApi })
    .__presenceLensBench;
  const container = document.getElementById('presence-lens-bench-container');
  if (api === undefined || container === null) throw new Error('mutation setup missing');
  const fragment = document.createDocumentFragment();
  for (const text of texts) {
    const p = document.createElement('p');
    p.textContent = text;
    fragment.append(p);
  }
  container.append(fragment);
  const t0 = performance.now();
  const { badges } = api.flush();
  const ms = performance.now() - t0;
  return { ms, badges };
}

/** Appends one batch, then times a SHOW_TEXT walk over just the added paragraphs. */
function floorBatchInPage(texts: string[]): { ms: number; chars: number } {
  const container = document.getElementById('presence-lens-bench-container');
  if (container === null) throw new Error('mutation setup missing');
  const fragment = document.createDocumentFragment();
  const added: HTMLParagraphElement[] = [];
  for (const text of texts) {
    const p = document.createElement('p');
    p.textContent = text;
    added.push(p);
    fragment.append(p);
  }
  container.append(fragment);
  const t0 = performance.now();
  let chars = 0;
  for (const p of added) {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      chars += (node as Text).data.length;
    }
  }
  const ms = performance.now() - t0;
  return { ms, chars };
}

// ---- Node side ----

async function oneRun(
  page: Page,
  url: string,
  batches: string[][],
  ours: { annotator: string; contacts: BenchContact[] } | null,
): Promise<{ ms: number; badges: number }> {
  await page.goto(url, { waitUntil: 'load' });
  if (ours !== null) await page.addScriptTag({ content: ours.annotator });
  await page.evaluate(setupInPage, ours === null ? null : ours.contacts);
  await page.evaluate(collectGarbage);
  let ms = 0;
  let badges = 0;
  for (const texts of batches) {
    if (ours !== null) {
      const result = await page.evaluate(oursBatchInPage, texts);
      ms += result.ms;
      badges += result.badges;
    } else {
      ms += (await page.evaluate(floorBatchInPage, texts)).ms;
    }
  }
  return { ms, badges };
}

export interface MutationResult {
  oursMs: number;
  floorMs: number;
  /** Badges `flush()` reported over the 10 batches (median run). */
  badges: number;
}

export async function measureMutation(
  context: BrowserContext,
  blankUrl: string,
  annotator: string,
  contacts: BenchContact[],
  batches: string[][],
  runs: number,
): Promise<MutationResult> {
  const page = await context.newPage();
  try {
    const ours: number[] = [];
    const floor: number[] = [];
    const badges: number[] = [];
    for (let r = 0; r < runs; r++) {
      const o = await oneRun(page, blankUrl, batches, { annotator, contacts });
      ours.push(o.ms);
      badges.push(o.badges);
      floor.push((await oneRun(page, blankUrl, batches, null)).ms);
    }
    return { oursMs: median(ours), floorMs: median(floor), badges: median(badges) };
  } finally {
    await page.close();
  }
}
