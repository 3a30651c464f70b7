/**
 * "Sign in with Webex" in Firefox: `identity.getRedirectURL()` is an allizom.org URL there, not
 * chromiumapp.org, and `launchWebAuthFlow` opens its own window. The emulator's OAuth endpoints
 * auto-approve; the integration is registered with the Firefox redirect URI, as a real one must be.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import {
  click,
  fill,
  until,
  waitForButton,
  waitForText,
} from '../../scripts/lib/firefox-page-queries';
import { launchFirefox, type LaunchedFirefox } from '../../scripts/lib/launch-firefox';
import { emulatorControl } from '../support/emulator-control';

let emulator: RunningEmulator;
let firefox: LaunchedFirefox;
let options: Page;
let control: ReturnType<typeof emulatorControl>;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  control = emulatorControl(emulator.baseUrl);
  await control.oauthAutoApprove(true);
  firefox = await launchFirefox();
  options = await firefox.openPage('src/options/index.html');
});
afterAll(async () => {
  await firefox?.close();
  await emulator?.close();
});

test('Firefox: signs in through launchWebAuthFlow with its own redirect URI, and signs out', async () => {
  const redirectUri = (await options.evaluate('browser.identity.getRedirectURL()')) as string;
  expect(redirectUri).toMatch(/^https:\/\/[0-9a-f]+\.extensions\.allizom\.org\/$/);
  await control.registerOAuthClient({
    clientId: 'C-presence-lens-firefox',
    clientSecret: 'firefox-secret',
    redirectUris: [redirectUri],
  });
  await fill(options, 'Server URL', emulator.baseUrl);
  await fill(options, 'Integration client ID', 'C-presence-lens-firefox');
  await fill(options, 'Integration client secret', 'firefox-secret');
  await click(options, 'Sign in with Webex');
  await waitForText(options, 'Signed in as Demo User', 15_000);
  expect((await control.stats()).oauth).toMatchObject({ codesIssued: 1, tokensIssued: 1 });

  await click(options, 'Sign out');
  await until(
    'the device deleted',
    async () => (await control.stats()).devices.deleted,
    (n) => n === 1,
    10_000,
  );
  await waitForButton(options, 'Sign out', false);
});
