/**
 * The benchmark's session: the emulator in-process, Chromium with the built extension signed in
 * to it through the options page (as test/e2e/support/session.ts does), and the watch list and
 * live presence read and written through the extension's service worker.
 */
import type { Worker } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import type { WatchedContact } from '../../src/shared/contact';
import { launchExtension, type LaunchedExtension } from '../lib/launch-extension';
import { signInViaOptions } from '../lib/sign-in-via-options';

export const TOKEN = 'bench-popup-token';

export interface BenchSession {
  readonly emulator: RunningEmulator;
  readonly extension: LaunchedExtension;
  close(): Promise<void>;
}

export async function startBenchSession(headed: boolean): Promise<BenchSession> {
  const emulator = await startEmulator({ port: 0, tokens: [TOKEN] });
  let extension: LaunchedExtension | undefined;
  try {
    extension = await launchExtension({ headless: !headed });
    const options = await extension.openPage('src/options/index.html');
    await signInViaOptions(options, emulator.baseUrl, TOKEN);
    // Closed so that its own list of 1,000 contacts does not compete with the popup.
    await options.close();
    const running = extension;
    return {
      emulator,
      extension: running,
      async close() {
        await running.close().catch(() => undefined);
        await emulator.close();
      },
    };
  } catch (error) {
    await extension?.close().catch(() => undefined);
    await emulator.close();
    throw error;
  }
}

/** The extension's service worker now (the browser may have restarted it). */
export async function currentWorker(extension: LaunchedExtension): Promise<Worker> {
  const prefix = `${extension.origin}/`;
  const running = extension.context.serviceWorkers().find((w) => w.url().startsWith(prefix));
  return (
    running ??
    (await extension.context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith(prefix),
      timeout: 10_000,
    }))
  );
}

/** Writes the `watchList` item (`{ v: 1, value }`, src/shared/storage-items.ts) at once. */
export async function setWatchList(
  extension: LaunchedExtension,
  contacts: readonly WatchedContact[],
): Promise<void> {
  const worker = await currentWorker(extension);
  await worker.evaluate(
    (value) => chrome.storage.local.set({ watchList: { v: 1, value } }),
    contacts as WatchedContact[],
  );
}

interface FeedView {
  readonly phase: string;
  /** How many of the asked contacts have a live presence in `storage.session`. */
  readonly present: number;
}

async function feedView(extension: LaunchedExtension, ids: readonly string[]): Promise<FeedView> {
  const worker = await currentWorker(extension);
  return worker.evaluate(async (wanted) => {
    const got = await chrome.storage.session.get(['presence', 'connection']);
    const presence = (got.presence as { value?: Record<string, unknown> } | undefined)?.value ?? {};
    const connection = (got.connection as { value?: { phase?: string } } | undefined)?.value;
    return {
      phase: connection?.phase ?? 'none',
      present: wanted.filter((id) => presence[id] !== undefined).length,
    };
  }, ids as string[]);
}

/**
 * Waits until the feed is live and `storage.session` `presence` (what the popup paints from) has
 * every one of `ids`: the popup would then show them all with their live status.
 */
export async function waitForLiveFeed(
  extension: LaunchedExtension,
  ids: readonly string[],
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  let view: FeedView = { phase: 'none', present: 0 };
  while (Date.now() - started < timeoutMs) {
    view = await feedView(extension, ids).catch(() => view);
    if (view.phase === 'live' && view.present === ids.length) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `the feed did not go live with ${ids.length} contacts within ${timeoutMs / 1000} s ` +
      `(phase ${view.phase}, ${view.present} present)`,
  );
}
