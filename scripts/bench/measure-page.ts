/**
 * Measures one corpus page: for each method, `runs` fresh loads, each timed inside the page;
 * reports medians. mark.js gets at most `markjsTimeoutMs` per run, else it is recorded as null;
 * and when one mark.js run takes longer than `markjsRepeatLimitMs`, it is not repeated (at that
 * size, two orders of magnitude above the other methods, run-to-run noise cannot change the
 * conclusion, and repeating it would make the benchmark take far more than a few minutes).
 */
import type { BrowserContext, Page } from 'playwright-core';
import {
  collectGarbage,
  floorPass,
  markjsPass,
  oursPass,
  oursPrepare,
  regexPass,
  type MarkResult,
} from './methods';
import { median } from './stats';
import type { BenchContact } from './types';

export interface Injected {
  /** The annotator IIFE (defines `window.__presenceLensBench`). */
  readonly annotator: string;
  /** `mark.js/dist/mark.min.js` (defines `window.Mark`). */
  readonly markjs: string;
}

export interface PageInput {
  readonly url: string;
  readonly contacts: BenchContact[];
  /** `listedIds[k]` is the contact id of the page's k-th listed name. */
  readonly listedIds: readonly string[];
}

export interface PageMeasurement {
  textNodes: number;
  chars: number;
  floorMs: number;
  /** The floor plus asking every element for an open shadow root (floorPass). */
  boundMs: number;
  oursMs: number;
  regexMs: number;
  markjsMs: number | null;
  names: number;
  badgedNames: number;
  badges: number;
  /** mark.js runs actually made (fewer than asked when a run was too slow to repeat). */
  markjsRuns: number;
  /** Set when ours did not give the same badges on every run. */
  unstableBadges: boolean;
}

/** Names per mark.js call: a single call with ~700+ names overflows the stack (see methods.ts). */
export const MARKJS_CHUNK = 200;

class MarkTimeout extends Error {}

export async function measurePage(
  context: BrowserContext,
  input: PageInput,
  injected: Injected,
  runs: number,
  markjsTimeoutMs: number,
  markjsRepeatLimitMs: number,
): Promise<PageMeasurement> {
  let page: Page = await context.newPage();
  const load = async (): Promise<void> => {
    await page.goto(input.url, { waitUntil: 'load' });
  };
  const names = input.contacts.map((c) => c.name);
  try {
    const floor: number[] = [];
    let textNodes = 0;
    let chars = 0;
    for (let r = 0; r < runs; r++) {
      await load();
      await page.evaluate(collectGarbage);
      const result = await page.evaluate(floorPass, false);
      floor.push(result.ms);
      textNodes = result.textNodes;
      chars = result.chars;
    }

    const bound: number[] = [];
    for (let r = 0; r < runs; r++) {
      await load();
      await page.evaluate(collectGarbage);
      bound.push((await page.evaluate(floorPass, true)).ms);
    }

    const ours: number[] = [];
    const badgeCounts = new Set<number>();
    const badgedNameCounts = new Set<number>();
    let badges = 0;
    let badgedNames = 0;
    for (let r = 0; r < runs; r++) {
      await load();
      await page.addScriptTag({ content: injected.annotator });
      await page.evaluate(oursPrepare, input.contacts);
      await page.evaluate(collectGarbage);
      const result = await page.evaluate(oursPass);
      ours.push(result.ms);
      const badged = new Set(result.badgedIds);
      badges = result.badges;
      badgedNames = input.listedIds.filter((id) => badged.has(id)).length;
      badgeCounts.add(badges);
      badgedNameCounts.add(badgedNames);
    }

    const regex: number[] = [];
    for (let r = 0; r < runs; r++) {
      await load();
      await page.evaluate(collectGarbage);
      regex.push((await page.evaluate(regexPass, names)).ms);
    }

    const markjs: number[] = [];
    let markjsTimedOut = false;
    for (let r = 0; r < runs && !markjsTimedOut; r++) {
      await load();
      await page.addScriptTag({ content: injected.markjs });
      await page.evaluate(collectGarbage);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new MarkTimeout()), markjsTimeoutMs);
      });
      const run = page.evaluate(markjsPass, { names, chunkSize: MARKJS_CHUNK });
      try {
        const result: MarkResult = await Promise.race([run, timeout]);
        if (result.ms > markjsTimeoutMs) markjsTimedOut = true;
        else markjs.push(result.ms);
        if (result.ms > markjsRepeatLimitMs) break;
      } catch (error) {
        if (!(error instanceof MarkTimeout)) throw error;
        markjsTimedOut = true;
        // The renderer is still busy in mark.js: drop the page and carry on with a new one.
        run.catch(() => undefined);
        await page.close({ runBeforeUnload: false }).catch(() => undefined);
        page = await context.newPage();
      } finally {
        clearTimeout(timer);
      }
    }

    return {
      textNodes,
      chars,
      floorMs: median(floor),
      boundMs: median(bound),
      oursMs: median(ours),
      regexMs: median(regex),
      markjsMs: markjsTimedOut ? null : median(markjs),
      markjsRuns: markjsTimedOut ? 0 : markjs.length,
      names: input.listedIds.length,
      badgedNames,
      badges,
      unstableBadges: badgeCounts.size > 1 || badgedNameCounts.size > 1,
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}
