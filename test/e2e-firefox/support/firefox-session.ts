/**
 * One Firefox end-to-end session: the emulator on 127.0.0.1 and firefox-esr with dist-firefox/,
 * signed in to the emulator through the options page, as a user would (like test/e2e/support).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import {
  launchFirefox,
  type FirefoxLaunchOptions,
  type LaunchedFirefox,
} from '../../../scripts/lib/launch-firefox';
import { emulatorControl } from '../../support/emulator-control';
import {
  click,
  fill,
  pageText,
  waitForButton,
  waitForText,
} from '../../../scripts/lib/firefox-page-queries';

export const TOKEN = 'e2e-token';

export interface FirefoxSession {
  readonly emulator: RunningEmulator;
  readonly control: ReturnType<typeof emulatorControl>;
  readonly firefox: LaunchedFirefox;
  readonly options: Page;
  close(): Promise<void>;
}

export async function startFirefoxSession(
  launch: FirefoxLaunchOptions = {},
): Promise<FirefoxSession> {
  const emulator = await startEmulator({ port: 0, tokens: [TOKEN] });
  const firefox = await launchFirefox(launch);
  try {
    const options = await firefox.openPage('src/options/index.html');
    await fill(options, 'Server URL', emulator.baseUrl);
    await fill(options, 'Access token', TOKEN);
    await click(options, 'Connect');
    await waitForText(options, 'Signed in as Demo User').catch(async (error: unknown) => {
      throw new Error(`Connecting to the emulator failed: ${await pageText(options)}`, {
        cause: error,
      });
    });
    return {
      emulator,
      control: emulatorControl(emulator.baseUrl),
      firefox,
      options,
      async close() {
        await firefox.close();
        await emulator.close();
      },
    };
  } catch (error) {
    await firefox.close();
    await emulator.close();
    throw error;
  }
}

/** Adds a contact through the options page's "Add contact" field, and waits until it is listed. */
export async function addContactViaOptions(options: Page, query: string, name: string) {
  await fill(options, 'Add contact', query);
  await click(options, 'Add');
  await waitForButton(options, `Remove ${name}`);
}

/** beforeAll/afterAll for a file-wide session; returns a getter for it. */
export function useFirefoxSession(launch: FirefoxLaunchOptions = {}): () => FirefoxSession {
  let current: FirefoxSession | undefined;
  beforeAll(async () => {
    current = await startFirefoxSession(launch);
  });
  afterAll(async () => {
    await current?.close();
  });
  return () => {
    if (!current) throw new Error('The Firefox end-to-end session did not start.');
    return current;
  };
}
