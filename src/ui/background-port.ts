/**
 * Keeps a port to the background open while an extension page is showing. An open port tells the
 * background a UI is watching, and opening one wakes a stopped service worker, so live updates
 * keep coming. When the browser stops the worker the port disconnects: reconnect at once, and back
 * off (up to about 2 s) only while reconnecting keeps failing.
 */
import browser from 'webextension-polyfill';
import { UI_PORT_NAME } from '../shared/messages';

export interface PortLike {
  readonly onDisconnect: {
    addListener(callback: () => void): void;
    removeListener(callback: () => void): void;
  };
  disconnect(): void;
  /** Present on real ports; a page that only keeps the worker awake needs neither. */
  postMessage?(message: unknown): void;
  readonly onMessage?: { addListener(callback: (message: unknown) => void): void };
}

export interface PortKeeperOptions {
  readonly connect?: () => PortLike;
  readonly setTimer?: (callback: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
  readonly now?: () => number;
  /** Posted on every new port (after a worker restart too), e.g. a request to follow presence. */
  readonly greeting?: unknown;
  /** Every message the background sends on the port, unvalidated. */
  readonly onMessage?: (message: unknown) => void;
}

/** A port that lived at least this long counts as a success: the next reconnect is immediate. */
const HEALTHY_MS = 1_000;
const FIRST_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 2_000;

const defaultConnect = (): PortLike => browser.runtime.connect({ name: UI_PORT_NAME });

/** Starts keeping the port; returns a stop function that closes it and cancels any retry. */
export function keepBackgroundPort(options: PortKeeperOptions = {}): () => void {
  const connect = options.connect ?? defaultConnect;
  const setTimer = options.setTimer ?? ((cb, ms) => setTimeout(cb, ms));
  const clearTimer =
    options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  const now = options.now ?? Date.now;

  let port: PortLike | null = null;
  let openedAt = 0;
  let failures = 0;
  let retry: unknown = null;
  let stopped = false;

  function scheduleReconnect(): void {
    if (stopped) return;
    if (failures === 0) {
      open();
      return;
    }
    const delay = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (failures - 1));
    retry = setTimer(() => {
      retry = null;
      open();
    }, delay);
  }

  function onDisconnect(): void {
    port = null;
    failures = now() - openedAt >= HEALTHY_MS ? 0 : failures + 1;
    scheduleReconnect();
  }

  function open(): void {
    if (stopped) return;
    try {
      port = connect();
      openedAt = now();
      port.onDisconnect.addListener(onDisconnect);
      if (options.onMessage) port.onMessage?.addListener(options.onMessage);
      if (options.greeting !== undefined) port.postMessage?.(options.greeting);
    } catch {
      // The extension is reloading or the worker cannot start yet: try again shortly.
      port = null;
      failures += 1;
      scheduleReconnect();
    }
  }

  open();
  return () => {
    stopped = true;
    if (retry !== null) clearTimer(retry);
    retry = null;
    if (port) {
      port.onDisconnect.removeListener(onDisconnect);
      port.disconnect();
      port = null;
    }
  };
}

/** For a page's entry module: keep the port for the page's lifetime, close it when the page goes. */
export function keepBackgroundPortForPage(options: PortKeeperOptions = {}): void {
  const stop = keepBackgroundPort(options);
  globalThis.addEventListener('pagehide', stop, { once: true });
}
