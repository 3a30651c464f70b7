/**
 * One end-to-end session: the emulator on 127.0.0.1 and Chromium with the built extension,
 * signed in to the emulator through the options page, as a user would.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { launchExtension, type LaunchedExtension } from '../../../scripts/lib/launch-extension';
import { emulatorControl } from '../../support/emulator-control';
import { signInViaOptions } from '../../../scripts/lib/sign-in-via-options';

export const TOKEN = 'e2e-token';

export interface E2eSession {
  readonly emulator: RunningEmulator;
  readonly control: ReturnType<typeof emulatorControl>;
  readonly extension: LaunchedExtension;
  readonly options: Page;
  close(): Promise<void>;
}

export interface SessionSetup {
  /** Runs against the emulator before the browser starts and signs in. */
  readonly beforeSignIn?: (
    control: ReturnType<typeof emulatorControl>,
    baseUrl: string,
  ) => Promise<void>;
  readonly extraArgs?: readonly string[];
  readonly backForwardCache?: boolean;
}

export async function startSession(setup: SessionSetup = {}): Promise<E2eSession> {
  const emulator = await startEmulator({ port: 0, tokens: [TOKEN] });
  await setup.beforeSignIn?.(emulatorControl(emulator.baseUrl), emulator.baseUrl);
  const extension = await launchExtension({
    extraArgs: setup.extraArgs ?? [],
    backForwardCache: setup.backForwardCache ?? false,
  });
  const options = await extension.openPage('src/options/index.html');
  await signInViaOptions(options, emulator.baseUrl, TOKEN);
  return {
    emulator,
    control: emulatorControl(emulator.baseUrl),
    extension,
    options,
    async close() {
      await extension.close();
      await emulator.close();
    },
  };
}

/** Adds a contact through the options page's "Add contact" field, and waits until it is listed. */
export async function addContactViaOptions(options: Page, query: string, name: string) {
  await options.getByLabel('Add contact').fill(query);
  await options.getByRole('button', { name: 'Add', exact: true }).click();
  await options.getByRole('button', { name: `Remove ${name}` }).waitFor({ timeout: 10_000 });
}

export function popupItem(popup: Page, name: string) {
  return popup.getByRole('listitem').filter({ hasText: name });
}

/** What a person sees in the popup row: its whole visible text. */
export function rowText(popup: Page, name: string): () => Promise<string> {
  return () => popupItem(popup, name).innerText();
}

/**
 * Registers beforeAll/afterAll hooks for a file-wide session (started with `setup`) and returns
 * a getter for it: `const session = useSession();` then `session()` inside tests.
 */
export function useSession(setup: SessionSetup = {}): () => E2eSession {
  let current: E2eSession | undefined;
  beforeAll(async () => {
    current = await startSession(setup);
  });
  afterAll(async () => {
    await current?.close();
  });
  return () => {
    if (!current) throw new Error('The end-to-end session did not start.');
    return current;
  };
}
