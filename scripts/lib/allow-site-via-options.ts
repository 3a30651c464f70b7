/**
 * Allows page badges on a site through the options page, as a user does: the demo and the
 * end-to-end tests that need badges on their pages.
 */
import type { Page } from 'playwright-core';

export async function allowSiteViaOptions(options: Page, origin: string): Promise<void> {
  await options.getByLabel('Site', { exact: true }).fill(origin);
  await options.getByRole('button', { name: 'Allow site' }).click();
  await options.getByRole('button', { name: `Remove ${origin}` }).waitFor();
}
