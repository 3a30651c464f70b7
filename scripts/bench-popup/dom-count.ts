/** Rows and elements in the popup's DOM, shadow roots included (page-probe.ts keeps the roots). */
import type { Page } from 'playwright-core';
import type { DomCounts } from './page-probe';

export async function countDom(page: Page): Promise<DomCounts> {
  const counts = await page.evaluate(() => window.__popupBench?.counts() ?? null);
  if (counts === null) throw new Error('the popup has no probe');
  return counts;
}
