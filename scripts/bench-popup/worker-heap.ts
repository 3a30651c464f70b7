/**
 * The service worker's JS heap, over CDP: a browser-level session attaches to the worker's target
 * (Playwright opens CDP sessions on pages and frames only) and speaks to it through
 * `Target.sendMessageToTarget`. A full GC (`HeapProfiler.collectGarbage`) comes first, then
 * `Runtime.getHeapUsage`'s `usedSize`: what the worker keeps, not garbage waiting for a GC.
 */
import type { CDPSession } from 'playwright-core';
import type { LaunchedExtension } from '../lib/launch-extension';

const MB = 1024 * 1024;

async function workerTargetId(cdp: CDPSession, origin: string): Promise<string> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`${origin}/`),
  );
  if (!target) throw new Error('no service worker target for the extension');
  return target.targetId;
}

/** Used heap of the extension's service worker after a full GC, in MiB. */
export async function workerHeapMB(extension: LaunchedExtension): Promise<number> {
  const browser = extension.context.browser();
  if (!browser) throw new Error('no browser behind the extension context');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const targetId = await workerTargetId(cdp, extension.origin);
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
    let lastId = 0;
    const waiting = new Map<number, (message: { result?: unknown; error?: unknown }) => void>();
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown };
      if (message.id !== undefined) waiting.get(message.id)?.(message);
    });
    const send = (method: string): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const id = ++lastId;
        waiting.set(id, (message) =>
          message.error === undefined
            ? resolve(message.result)
            : reject(new Error(`${method}: ${JSON.stringify(message.error)}`)),
        );
        cdp
          .send('Target.sendMessageToTarget', {
            sessionId,
            message: JSON.stringify({ id, method, params: {} }),
          })
          .catch(reject);
      });
    await send('HeapProfiler.collectGarbage');
    const usage = (await send('Runtime.getHeapUsage')) as { usedSize: number };
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return usage.usedSize / MB;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
