/**
 * Starts Debian's firefox-esr with dist-firefox/ installed as a temporary add-on, driven by
 * puppeteer-core over WebDriver BiDi (TOOLCHAIN.md, Firefox), for the Firefox end-to-end tests and
 * `npm start -- --firefox`. The add-on's internal UUID is pinned, so its pages have a known URL.
 */
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../build/targets';

export const DIST_FIREFOX = path.resolve(import.meta.dirname, '../../dist-firefox');
/** The same browser scripts/lib/bootstrap.mjs makes sure of. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const EXTENSION_UUID = '6b1c9a52-7d0e-4c36-9f1f-3e0d2a8c5b71';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface LaunchedFirefox {
  readonly browser: Browser;
  readonly origin: string;
  /** Opens an extension page, e.g. `src/popup/index.html`, and waits until it has loaded. */
  openPage(relativePath: string): Promise<Page>;
  /** Opens any web page and waits until it has loaded. */
  openUrl(url: string): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  readonly headless?: boolean;
  /** More preferences, e.g. a short `extensions.background.idle.timeout`. */
  readonly prefs?: Readonly<Record<string, unknown>>;
}

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<LaunchedFirefox> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: options.headless ?? true,
    // Firefox 147+ refuses WebDriver navigations to moz-extension:// pages without it.
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1200, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // Offline but for 127.0.0.1: no update checks, telemetry or captive-portal probes.
      'app.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      ...options.prefs,
    },
  });
  await browser.installExtension(DIST_FIREFOX);
  const openUrl = async (url: string): Promise<Page> => {
    const page = await browser.newPage();
    await navigate(page, url);
    return page;
  };
  return {
    browser,
    origin: EXTENSION_ORIGIN,
    openPage: (relativePath) => openUrl(`${EXTENSION_ORIGIN}/${relativePath}`),
    openUrl,
    close: () => browser.close(),
  };
}

/**
 * `page.goto` of a moz-extension:// URL loses the frame when the tab changes process, though the
 * page loads (TOOLCHAIN.md): start the navigation, then poll until the page is there and complete.
 */
export async function navigate(page: Page, url: string, timeoutMs = 15_000): Promise<void> {
  page.goto(url, { timeout: timeoutMs }).catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await page
      .evaluate(() => [location.href, document.readyState])
      .catch(() => ['', '']);
    if (state[0] === url && state[1] === 'complete') return;
    if (Date.now() > deadline) throw new Error(`Loading ${url} timed out (at ${state[0]}).`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/**
 * Runs `body` (a function body using `extension`, Firefox's internal Extension object) in the
 * browser's parent process. Needs `--remote-allow-system-access`; the only way over BiDi to do what
 * about:debugging's "Terminate background script" does.
 */
async function inParentProcess(browser: Browser, body: string): Promise<string> {
  // puppeteer-core keeps its BiDi connection public on the Browser object but untyped.
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' }))
    .result as { contexts: { context: string }[] };
  const context = tree.contexts[0]?.context;
  if (!context) throw new Error('No chrome window to run in.');
  const expression = `(async () => {
    const extension = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
    ${body}
  })()`;
  const { result } = await connection.send('script.evaluate', {
    expression,
    target: { context },
    awaitPromise: true,
  });
  const evaluated = result as {
    type: string;
    result?: { value?: unknown };
    exceptionDetails?: { text?: string };
  };
  if (evaluated.type !== 'success')
    throw new Error(`In the parent process: ${evaluated.exceptionDetails?.text}`);
  return String(evaluated.result?.value);
}

/** "running", "stopped", … : Firefox's state of the add-on's event page. */
export function backgroundState(browser: Browser): Promise<string> {
  return inParentProcess(browser, 'return String(extension.backgroundState);');
}

/** Stops the event page as Firefox does when it is idle, and resolves once it has stopped. */
export async function stopBackground(browser: Browser): Promise<void> {
  const state = await inParentProcess(
    browser,
    'await extension.terminateBackground({ ignoreDevToolsAttached: true }); return String(extension.backgroundState);',
  );
  if (state !== 'stopped') throw new Error(`The event page did not stop (${state}).`);
}
