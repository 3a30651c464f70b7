/**
 * Popup first-row time: the popup page (`src/popup/index.html`) opened in a fresh tab, timed by
 * the probe (page-probe.ts) from navigation start to the frame after the first row appeared.
 */
import type { Page } from 'playwright-core';
import type { LaunchedExtension } from '../lib/launch-extension';
import { PROBE_SCRIPT, type FirstRowTimes } from './page-probe';

export const POPUP_PATH = 'src/popup/index.html';
/** About a toolbar popup's size (Chrome caps popups at 800 x 600). */
export const POPUP_VIEWPORT = { width: 400, height: 600 } as const;

/** Opens the popup in a new tab with the probe installed; resolves once its first row painted. */
export async function openPopup(
  extension: LaunchedExtension,
  timeoutMs: number,
): Promise<{ page: Page; times: FirstRowTimes }> {
  const page = await extension.context.newPage();
  try {
    await page.setViewportSize(POPUP_VIEWPORT);
    await page.addInitScript({ content: PROBE_SCRIPT });
    await page.goto(`${extension.origin}/${POPUP_PATH}`);
    await page.waitForFunction(() => (window.__popupBench?.firstRow ?? null) !== null, undefined, {
      timeout: timeoutMs,
      polling: 50,
    });
    const times = await page.evaluate(() => window.__popupBench?.firstRow ?? null);
    if (times === null) throw new Error('the probe lost the first row');
    return { page, times };
  } catch (error) {
    await page.close().catch(() => undefined);
    throw error;
  }
}

export interface FirstRowRuns {
  /** Navigation start -> first row painted, one per run. */
  readonly paintedMs: number[];
  /** Navigation start -> first row in the DOM, one per run. */
  readonly domMs: number[];
  /** The last run's popup, left open for the DOM count and the push runs. */
  readonly page: Page;
}

/**
 * One untimed warm-up open (the first open of an extension page compiles its code; both sizes
 * get the same warm start), then `runs` timed opens, each in a new tab closed before the next.
 */
export async function measureFirstRow(
  extension: LaunchedExtension,
  runs: number,
  timeoutMs: number,
): Promise<FirstRowRuns> {
  await (await openPopup(extension, timeoutMs)).page.close();
  const paintedMs: number[] = [];
  const domMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { page, times } = await openPopup(extension, timeoutMs);
    paintedMs.push(times.paintedAt);
    domMs.push(times.domAt);
    if (run === runs - 1) return { paintedMs, domMs, page };
    await page.close();
  }
  throw new Error('measureFirstRow needs at least one run');
}
