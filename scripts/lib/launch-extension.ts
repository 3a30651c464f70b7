/**
 * Starts Debian's Chromium with the built extension loaded (see TOOLCHAIN.md), for the
 * end-to-end tests and for `npm start`. Only 127.0.0.1 is ever contacted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const DIST = path.resolve(import.meta.dirname, '../../dist');
/** The same browser scripts/lib/bootstrap.mjs makes sure of. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags every Chromium we start shares: quiet, offline but for 127.0.0.1, no GPU. */
export const QUIET_CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface LaunchedExtension {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly origin: string;
  /** Opens an extension page, e.g. `src/popup/index.html`. */
  openPage(relativePath: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  readonly headless?: boolean;
  readonly userDataDir?: string;
  /** More Chromium flags, e.g. `--host-resolver-rules=MAP evil.test 127.0.0.1` for a test. */
  readonly extraArgs?: readonly string[];
  /**
   * Keep the back/forward cache on, as in the browsers people use (Playwright turns it off by
   * default): for a test of pages restored from it.
   */
  readonly backForwardCache?: boolean;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const ownDir = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'presence-lens-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    viewport: { width: 1200, height: 900 },
    ...(options.backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
    args: [
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      ...QUIET_CHROMIUM_ARGS,
      '--disable-features=MediaRouter,OptimizationHints,Translate',
      // Lets a test reinstall the extension in place over CDP (Extensions.loadUnpacked), as an update does.
      '--enable-unsafe-extension-debugging',
      ...(options.extraArgs ?? []),
    ],
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(first.url()).host;
  const origin = `chrome-extension://${extensionId}`;
  return {
    context,
    extensionId,
    origin,
    async openPage(relativePath) {
      const page = await context.newPage();
      await page.goto(`${origin}/${relativePath}`);
      return page;
    },
    async close() {
      await context.close();
      if (ownDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Stops the extension's service worker the way Chrome does when it is idle (CDP
 * `ServiceWorker.stopAllWorkers`) and resolves once it is really stopped.
 */
export async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

/**
 * Installs the built extension again over itself, as an update does: the old copy's contexts lose
 * their extension and a new worker starts (CDP `Extensions.loadUnpacked`, allowed by
 * `--enable-unsafe-extension-debugging`).
 */
export async function reinstallExtension(context: BrowserContext): Promise<void> {
  const browser = context.browser();
  if (!browser) throw new Error('No browser behind this context.');
  const cdp = await browser.newBrowserCDPSession();
  await cdp.send('Extensions.loadUnpacked', { path: DIST });
  await cdp.detach();
}
