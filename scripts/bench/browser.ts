/**
 * One headless Debian Chromium (playwright-core), with the flags of scripts/lib/launch-extension.ts
 * minus the extension ones. Every request that is not to the corpus server is aborted, and host
 * resolution is mapped away for anything but 127.0.0.1 so that not even a DNS prefetch or a
 * preconnect leaves the machine.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH, QUIET_CHROMIUM_ARGS } from '../lib/launch-extension';

/** tsx (esbuild keepNames) may wrap functions passed to `page.evaluate` in `__name(...)`. */
const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

export interface BenchBrowser {
  readonly context: BrowserContext;
  /** Requests aborted because they were not to the corpus server. */
  blockedRequests(): number;
  close(): Promise<void>;
}

export async function launchBenchBrowser(allowedOrigin: string): Promise<BenchBrowser> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      ...QUIET_CHROMIUM_ARGS,
      // Beyond launch-extension.ts: one renderer for a page and its (aborted) cross-site iframes
      // makes the 360 page loads up to 40% faster; the timed work is all in the main frame.
      '--disable-site-isolation-trials',
      '--disable-features=MediaRouter,OptimizationHints,Translate,IsolateOrigins,site-per-process',
      // Nothing but 127.0.0.1 resolves, so not even a DNS prefetch or preconnect leaves.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      // window.gc() before each timed region, so that no earlier garbage is collected inside it.
      '--js-flags=--expose-gc',
    ],
  });
  let blocked = 0;
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.addInitScript({ content: NAME_SHIM });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(`${allowedOrigin}/`)) {
        await route.continue().catch(() => undefined);
      } else {
        blocked++;
        await route.abort('blockedbyclient').catch(() => undefined);
      }
    });
    return {
      context,
      blockedRequests: () => blocked,
      close: async () => {
        await context.close().catch(() => undefined);
        await browser.close();
      },
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
