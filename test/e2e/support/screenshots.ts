/**
 * Screenshots the Chromium end-to-end run saves of the popup and the options page, one per theme,
 * into test-output/screenshots/ (the run's output, like its JSON reports): what a reviewer looks
 * at to see both themes without loading the extension.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../../test-output/screenshots');

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
