/**
 * The content script's only line to the extension: one port to the worker, through `chrome.*`
 * directly (webextension-polyfill is too big for a script that runs on every allowed page).
 *
 * The worker can be stopped at any time, which disconnects the port: reconnecting wakes it, so
 * the link reconnects at once, backing off only while the ports it opens keep dying young. When
 * the extension itself is gone (reloaded, updated, removed) `chrome.runtime.id` is undefined and
 * nothing can reconnect: the link reports `onGone` once.
 *
 * A page the browser keeps for Back and Forward (the back/forward cache) is frozen, and Chrome
 * then closes its port at the worker's end only: restored, the page would hold a port that
 * carries nothing, and its badges would never change again. So the link lets go of its port
 * when the page is put away, and opens a new one when the page is shown again; the worker then
 * sends what changed meanwhile.
 */
import {
  PAGE_PORT_NAME,
  parseWorkerToPage,
  type PageToWorker,
  type WorkerToPage,
} from '../shared/page-protocol';

export interface WorkerLink {
  send(message: PageToWorker): void;
  close(): void;
}

export interface WorkerLinkHandlers {
  readonly onMessage: (message: WorkerToPage) => void;
  /** The extension is gone or refused this page: the caller removes its badges. */
  readonly onGone: () => void;
}

/** A port that lived this long was healthy: its loss is a worker restart, not a refusal. */
const HEALTHY_MS = 2_000;
const MAX_QUICK_FAILURES = 6;

function extensionAlive(): boolean {
  return typeof chrome !== 'undefined' && Boolean(chrome.runtime?.id);
}

export function linkToWorker(handlers: WorkerLinkHandlers): WorkerLink {
  let port: chrome.runtime.Port | null = null;
  let closed = false;
  let quickFailures = 0;
  let openedAt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let lastWatch: PageToWorker | null = null;
  /** Put away in the back/forward cache: no port until the page is shown again. */
  let cached = false;

  const onPageHide = (event: PageTransitionEvent) => {
    if (!event.persisted) return;
    cached = true;
    clearTimeout(retry);
    drop();
  };
  const onPageShow = (event: PageTransitionEvent) => {
    if (!event.persisted) return;
    cached = false;
    open();
  };
  addEventListener('pagehide', onPageHide);
  addEventListener('pageshow', onPageShow);

  /** Lets go of the port; its own onDisconnect does not run (that is the other end's). */
  function drop(): void {
    try {
      port?.disconnect();
    } catch {
      // Already gone with the extension.
    }
    port = null;
  }

  function stop(): void {
    closed = true;
    clearTimeout(retry);
    removeEventListener('pagehide', onPageHide);
    removeEventListener('pageshow', onPageShow);
  }

  const gone = () => {
    if (closed) return;
    stop();
    handlers.onGone();
  };

  function open(): void {
    if (closed || cached || port) return;
    if (!extensionAlive()) return gone();
    try {
      port = chrome.runtime.connect({ name: PAGE_PORT_NAME });
    } catch {
      return gone(); // "Extension context invalidated"
    }
    openedAt = Date.now();
    port.onMessage.addListener((raw: unknown) => {
      const message = parseWorkerToPage(raw);
      if (!message.ok) return; // never trust the other side blindly, even our own worker
      if (message.value.type === 'stop') return gone();
      handlers.onMessage(message.value);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      if (closed) return;
      if (!extensionAlive()) return gone();
      quickFailures = Date.now() - openedAt >= HEALTHY_MS ? 0 : quickFailures + 1;
      if (quickFailures > MAX_QUICK_FAILURES) return gone();
      retry = setTimeout(open, quickFailures === 0 ? 0 : 100 * 2 ** quickFailures);
    });
    // A restarted worker knows nothing of this page: tell it again what the page shows.
    if (lastWatch) port.postMessage(lastWatch);
  }

  open();
  return {
    send(message) {
      lastWatch = message;
      try {
        port?.postMessage(message);
      } catch {
        // The port died in between; the reconnect sends `lastWatch`.
      }
    },
    close() {
      stop();
      drop();
    },
  };
}
