/**
 * The MutationObserver path: on a blank page, 10 batches of 100 paragraphs are appended in one go
 * each, and `flush()` is timed right after each append (same task, so no observer callback can
 * run first). The floor, in a fresh identical run, walks just the added paragraphs; the bound, in
 * another, also inserts one bare element right after each name (splitting the text there), the
 * least a badge costs.
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
  /** `ends[b][p]`: where each name of paragraph p of batch b ends in its text. */
  readonly ends: number[][][];
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
  const ends: number[][][] = [];
  for (let b = 0; b < BATCHES; b++) {
    const batch: string[] = [];
    const batchEnds: number[][] = [];
    for (let p = 0; p < PARAGRAPHS_PER_BATCH; p++) {
      const name = pick(names);
      if (random() < 0.5) {
        const first = `${pick(OPENINGS)} ${name}`;
        const second = `${first} ${pick(LINKS)} ${pick(names)}`;
        batch.push(`${second} ${pick(ENDINGS)}`);
        batchEnds.push([first.length, second.length]);
        nameOccurrences += 2;
      } else {
        const first = `${pick(OPENINGS)} ${name}`;
        batch.push(`${first} ${pick(ENDINGS)}`);
        batchEnds.push([first.length]);
        nameOccurrences += 1;
      }
    }
    batches.push(batch);
    ends.push(batchEnds);
  }
  return { batches, ends, nameOccurrences };
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
  const before = api.countBadges();
  container.append(fragment);
  const t0 = performance.now();
  api.flush();
  const ms = performance.now() - t0;
  return { ms, badges: api.countBadges() - before };
}

/**
 * Appends one batch, then times a SHOW_TEXT walk over just the added paragraphs: the floor. With
 * `ends`, also a split of the text after each name and one bare `span` inserted there, no
 * matching and no badge of ours: the bound.
 */
function floorBatchInPage({ texts, ends }: { texts: string[]; ends: number[][] | null }): {
  ms: number;
  chars: number;
} {
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
  added.forEach((p, i) => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      chars += (node as Text).data.length;
    }
    if (ends === null) return;
    const text = p.firstChild as Text;
    for (const end of (ends[i] ?? []).toReversed()) {
      p.insertBefore(document.createElement('span'), text.splitText(end));
    }
  });
  const ms = performance.now() - t0;
  return { ms, chars };
}

// ---- Node side ----

type Run =
  | { kind: 'ours'; annotator: string; contacts: BenchContact[] }
  | { kind: 'floor' }
  | { kind: 'bound'; ends: number[][][] };

async function oneRun(
  page: Page,
  url: string,
  batches: string[][],
  run: Run,
): Promise<{ ms: number; badges: number }> {
  await page.goto(url, { waitUntil: 'load' });
  if (run.kind === 'ours') await page.addScriptTag({ content: run.annotator });
  await page.evaluate(setupInPage, run.kind === 'ours' ? run.contacts : null);
  await page.evaluate(collectGarbage);
  let ms = 0;
  let badges = 0;
  for (const [b, texts] of batches.entries()) {
    if (run.kind === 'ours') {
      const result = await page.evaluate(oursBatchInPage, texts);
      ms += result.ms;
      badges += result.badges;
    } else {
      const ends = run.kind === 'bound' ? (run.ends[b] ?? []) : null;
      ms += (await page.evaluate(floorBatchInPage, { texts, ends })).ms;
    }
  }
  return { ms, badges };
}

export interface MutationResult {
  runs: number;
  oursMs: number;
  floorMs: number;
  boundMs: number;
  /** Badges `flush()` reported over the 10 batches (median run). */
  badges: number;
}

export async function measureMutation(
  context: BrowserContext,
  blankUrl: string,
  annotator: string,
  contacts: BenchContact[],
  { batches, ends }: MutationBatches,
  runs: number,
): Promise<MutationResult> {
  const page = await context.newPage();
  try {
    const ours: number[] = [];
    const floor: number[] = [];
    const bound: number[] = [];
    const badges: number[] = [];
    for (let r = 0; r < runs; r++) {
      const o = await oneRun(page, blankUrl, batches, { kind: 'ours', annotator, contacts });
      ours.push(o.ms);
      badges.push(o.badges);
      floor.push((await oneRun(page, blankUrl, batches, { kind: 'floor' })).ms);
      bound.push((await oneRun(page, blankUrl, batches, { kind: 'bound', ends })).ms);
    }
    return {
      runs,
      oursMs: median(ours),
      floorMs: median(floor),
      boundMs: median(bound),
      badges: median(badges),
    };
  } finally {
    await page.close();
  }
}
