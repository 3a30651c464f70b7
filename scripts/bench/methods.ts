/**
 * The functions the benchmark runs inside the page with `page.evaluate`. Each one is serialised
 * on its own, so each must be self-contained: no imports, no helpers from this module, only
 * type-level references. Each returns its own `performance.now()` timing, so nothing crosses
 * the CDP boundary inside the timed region.
 */
import type { BenchContact, PresenceLensBenchApi } from './types';

export interface FloorResult {
  ms: number;
  textNodes: number;
  chars: number;
}

export interface OursResult {
  ms: number;
  badges: number;
  badgedIds: string[];
}

export interface MarkResult {
  ms: number;
  marks: number;
}

export interface MarkOptions {
  separateWordSearch: boolean;
  accuracy: 'exactly';
  diacritics: boolean;
  caseSensitive: boolean;
  done?: (marks: number) => void;
}

/** mark.js as `dist/mark.min.js` defines it on `window`. */
export type MarkConstructor = new (context: Element) => {
  mark(keywords: string[], options: MarkOptions): void;
};

/**
 * A bare SHOW_TEXT TreeWalker pass reading every text node's data: the floor. With `bound`, each
 * element is asked for an open shadow root too: the least any annotator that meets the issue
 * does on a page (no selector finds shadow hosts, and their contents must be read), matching
 * nothing and inserting nothing, so `bound/floor` is how little room the floor leaves.
 */
export function floorPass(bound: boolean): FloorResult {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let textNodes = 0;
  let chars = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    textNodes++;
    chars += (node as Text).data.length;
  }
  if (bound) {
    const all = document.body.getElementsByTagName('*');
    for (let i = 0, count = all.length; i < count; i++) if (all[i]!.shadowRoot) textNodes++;
  }
  const ms = performance.now() - t0;
  return { ms, textNodes, chars };
}

/**
 * The worker's part, untimed and in its own evaluate: what it allocates is collected before the
 * timed pass (collectGarbage), as nothing is allocated before the other methods' passes.
 */
export function oursPrepare(contacts: BenchContact[]): void {
  const api = (window as unknown as { __presenceLensBench?: PresenceLensBenchApi })
    .__presenceLensBench;
  if (api === undefined) throw new Error('window.__presenceLensBench is missing');
  api.prepare(contacts);
}

/** The shipped annotator's first pass (bundle injected and prepared beforehand). */
export function oursPass(): OursResult {
  const api = (window as unknown as { __presenceLensBench?: PresenceLensBenchApi })
    .__presenceLensBench;
  if (api === undefined) throw new Error('window.__presenceLensBench is missing');
  const t0 = performance.now();
  const result = api.annotate();
  const ms = performance.now() - t0;
  return { ms, badges: api.countBadges(), badgedIds: result.badgedIds };
}

/**
 * One case-insensitive alternation regex over all names, Unicode-aware word boundaries, over
 * every text node (collected first), each match wrapped in a `<mark>`.
 */
export function regexPass(names: string[]): MarkResult {
  const t0 = performance.now();
  const alternatives = names
    .map((name) =>
      name
        .trim()
        .replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
        .replace(/\s+/g, '\\s+'),
    )
    .sort((a, b) => b.length - a.length);
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    nodes.push(node as Text);
  }
  let marks = 0;
  for (const node of nodes) {
    const data = node.data;
    re.lastIndex = 0;
    let match = re.exec(data);
    let current = node;
    let consumed = 0;
    while (match !== null) {
      const hit = current.splitText(match.index - consumed);
      current = hit.splitText(match[0].length);
      consumed = match.index + match[0].length;
      const mark = document.createElement('mark');
      hit.replaceWith(mark);
      mark.appendChild(hit);
      marks++;
      match = re.exec(data);
    }
  }
  const ms = performance.now() - t0;
  return { ms, marks };
}

/**
 * mark.js 8.11.1 marking all names on the body, timed from the first call to the last `done`.
 *
 * mark.js handles an array of keywords by recursion, one level per keyword, and overflows the
 * stack past about 700 keywords ("Invalid regular expression: Stack overflow", upstream issues
 * julkue/mark.js#279 and #157, closed as won't fix; the maintainer's advice is to mark subsets).
 * So the names, longest first as mark.js orders them itself, go in chunks of `chunkSize`; each
 * next chunk starts from a microtask, with an empty stack and without waiting for a timer.
 */
export function markjsPass({
  names,
  chunkSize,
}: {
  names: string[];
  chunkSize: number;
}): Promise<MarkResult> {
  const MarkCtor = (window as unknown as { Mark?: MarkConstructor }).Mark;
  if (MarkCtor === undefined) throw new Error('window.Mark is missing');
  const sorted = [...names].sort((a, b) => b.length - a.length);
  const chunks: string[][] = [];
  for (let i = 0; i < sorted.length; i += chunkSize) chunks.push(sorted.slice(i, i + chunkSize));
  return new Promise<MarkResult>((resolve, reject) => {
    let marks = 0;
    let next = 0;
    const t0 = performance.now();
    const step = (): void => {
      const chunk = chunks[next++];
      if (chunk === undefined) {
        resolve({ ms: performance.now() - t0, marks });
        return;
      }
      const options: MarkOptions = {
        separateWordSearch: false,
        accuracy: 'exactly',
        diacritics: false,
        caseSensitive: false,
      };
      options.done = (count: number): void => {
        marks += count;
        queueMicrotask(step);
      };
      try {
        new MarkCtor(document.body).mark(chunk, options);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    step();
  });
}

/** Runs the garbage collector when Chromium exposes it, so no earlier garbage is timed. */
export function collectGarbage(): void {
  const gc = (window as unknown as { gc?: () => void }).gc;
  if (gc !== undefined) gc();
}
