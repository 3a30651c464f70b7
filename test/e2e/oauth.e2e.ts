/**
 * "Sign in with Webex" end to end: chrome.identity.launchWebAuthFlow against the emulator's
 * OAuth endpoints (auto-approve), a silent refresh after the access token's short lifetime, and
 * sign-out with revocation.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../emulator/oauth-clients';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { launchExtension, type LaunchedExtension } from '../../scripts/lib/launch-extension';
import { emulatorControl } from '../support/emulator-control';
import { addContactViaOptions, popupItem, rowText } from './support/session';

const LIFETIME_S = 16;
let emulator: RunningEmulator;
let extension: LaunchedExtension;
let options: Page;
let control: ReturnType<typeof emulatorControl>;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  control = emulatorControl(emulator.baseUrl);
  await control.oauthAutoApprove(true);
  await control.accessTokenLifetime(LIFETIME_S);
  extension = await launchExtension();
  options = await extension.openPage('src/options/index.html');
});
afterAll(async () => {
  await extension.close();
  await emulator.close();
});

const phase = () =>
  options
    .locator('[data-part="phase"]')
    .innerText()
    .catch(() => '');

describe('Sign in with Webex', () => {
  test('signs in through the consent page with PKCE, without a pasted token', async () => {
    await options.getByLabel('Server URL').fill(emulator.baseUrl);
    await options.getByLabel('Integration client ID').fill(DEMO_CLIENT_ID);
    await options.getByLabel('Integration client secret').fill(DEMO_CLIENT_SECRET);
    await options.getByRole('button', { name: 'Sign in with Webex' }).click();
    await options.getByText('Signed in as Demo User').first().waitFor({ timeout: 15_000 });
    await expect.poll(phase, { timeout: 10_000 }).toContain('Live');
    expect((await control.stats()).oauth).toMatchObject({ codesIssued: 1, tokensIssued: 1 });
    expect(await options.getByLabel('Integration client secret').inputValue()).toBe('');
  });

  test('refreshes the access token silently after its lifetime, and stays live', async () => {
    const ada = await control.createPerson('Ada Lovelace', 'ada@example.com');
    await addContactViaOptions(options, 'ada@example.com', 'Ada Lovelace');
    const popup = await extension.openPage('src/popup/index.html');
    await popupItem(popup, 'Ada Lovelace').waitFor();
    await expect
      .poll(async () => (await control.stats()).oauth.refreshes, {
        timeout: (LIFETIME_S + 10) * 1000,
      })
      .toBeGreaterThanOrEqual(1);
    await popup.waitForTimeout(LIFETIME_S * 1000); // the first token has expired by now
    await control.setPresence(ada.id, { status: 'presenting' });
    // A REST call with the new token (the health check renews subscriptions, a re-read…) and the
    // push on the socket both work; the line never said signed out.
    await expect.poll(rowText(popup, 'Ada Lovelace'), { timeout: 10_000 }).toContain('Presenting');
    expect(await phase()).toContain('Live');
    await popup.close();
  }, 90_000);

  test('Sign out: the device is deleted, the tokens revoked and the sign-in forgotten', async () => {
    await options.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(async () => (await control.stats()).devices.deleted).toBe(1);
    // The refresh token and the access token, at the identity broker, as the SDK revokes them.
    await expect.poll(async () => (await control.stats()).oauth.revocations).toBe(2);
    await expect.poll(() => options.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(await options.getByText('Signed in as').count()).toBe(0);
  });
});
