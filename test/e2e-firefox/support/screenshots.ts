/**
 * Store screenshots, taken by the Firefox end-to-end run into artifacts/screenshots/: pages at
 * 1280×800 (the Chrome Web Store's size; AMO takes any), the popup at its own size.
 * store/description.md lists which is which.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';

export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../../artifacts/screenshots');

export async function storeScreenshot(
  page: Page,
  name: string,
  size = { width: 1280, height: 800 },
): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.setViewport(size);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
