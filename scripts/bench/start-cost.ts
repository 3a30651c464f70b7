/**
 * What the annotator costs a page that names no one: the same first pass as `ours`, cold (a fresh
 * load each run), on the blank page with one short sentence, with the same 1,000 watched
 * contacts. That is the watch list's parse, the hint pattern's compilation and the engine's first
 * run of the code, which every page with text pays once however little text it has; the corpus's
 * floor is about a millisecond a page, so this shows how much of `ours/floor` is spoken for
 * before the page's own text is read.
 */
import type { BrowserContext } from 'playwright-core';
import { collectGarbage, oursPass, oursPrepare } from './methods';
import { median } from './stats';
import type { BenchContact } from './types';

const SENTENCE = 'One short sentence, and nobody named in it.';

export async function measureStart(
  context: BrowserContext,
  blankUrl: string,
  annotator: string,
  contacts: BenchContact[],
  runs: number,
): Promise<number> {
  const page = await context.newPage();
  try {
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      await page.goto(blankUrl, { waitUntil: 'load' });
      await page.evaluate((text) => document.body.append(text), SENTENCE);
      await page.addScriptTag({ content: annotator });
      await page.evaluate(oursPrepare, contacts);
      await page.evaluate(collectGarbage);
      const result = await page.evaluate(oursPass);
      if (result.badges !== 0) throw new Error(`"${SENTENCE}" got badges`);
      times.push(result.ms);
    }
    return median(times);
  } finally {
    await page.close();
  }
}
