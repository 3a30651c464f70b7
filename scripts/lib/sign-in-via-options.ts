/**
 * Signs in through the options page with a pasted token, as a user does: the one way the
 * end-to-end tests, the fault matrix and the popup benchmark connect the extension.
 */
import type { Page } from 'playwright-core';

export async function signInViaOptions(
  options: Page,
  serverUrl: string,
  token: string,
): Promise<void> {
  await options.getByLabel('Server URL').fill(serverUrl);
  await options.getByLabel('Access token').fill(token);
  await options.getByRole('button', { name: 'Connect' }).click();
  await options
    .getByText('Signed in as Demo User')
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(async () => {
      const alerts = await options.getByRole('alert').allInnerTexts();
      throw new Error(`Signing in to ${serverUrl} failed: ${alerts.join(' / ') || 'no message'}`);
    });
}
