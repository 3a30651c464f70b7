// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  linkToWorker,
  type WorkerLink,
  type WorkerLinkHandlers,
} from '../../../src/content/worker-link';
import type { PageToWorker } from '../../../src/shared/page-protocol';

/** One end of `chrome.runtime.connect`, driven by the test as the worker would. */
class FakePort {
  readonly posted: unknown[] = [];
  disconnected = false;
  readonly #onMessage: ((message: unknown) => void)[] = [];
  readonly #onDisconnect: (() => void)[] = [];
  readonly onMessage = { addListener: (l: (message: unknown) => void) => this.#onMessage.push(l) };
  readonly onDisconnect = { addListener: (l: () => void) => this.#onDisconnect.push(l) };

  postMessage(message: unknown): void {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(message);
  }

  /** This end lets go: its own onDisconnect listeners do not run (the other end's do). */
  disconnect(): void {
    this.disconnected = true;
  }

  /** The worker sends `message`. */
  deliver(message: unknown): void {
    for (const listener of this.#onMessage) listener(message);
  }

  /** The worker's end closes (it stopped, or it refused the page). */
  close(): void {
    this.disconnected = true;
    for (const listener of this.#onDisconnect) listener();
  }
}

const WATCH: PageToWorker = { type: 'watch', revision: 'r1', keys: ['0'] };

let ports: FakePort[];
/** Every link a test made: each listens to the window until closed. */
const links: WorkerLink[] = [];
let runtime: { id: string | undefined; connect: () => FakePort };

beforeEach(() => {
  vi.useFakeTimers();
  ports = [];
  runtime = {
    id: 'presence-lens',
    connect: () => {
      const port = new FakePort();
      ports.push(port);
      return port;
    },
  };
  vi.stubGlobal('chrome', { runtime });
});

afterEach(() => {
  for (const made of links.splice(0)) made.close();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function link() {
  const handlers = { onMessage: vi.fn(), onGone: vi.fn() } satisfies WorkerLinkHandlers;
  const made = linkToWorker(handlers);
  links.push(made);
  return { link: made, ...handlers };
}

/** What the browser fires as a page goes into, or comes out of, the back/forward cache. */
function transition(type: 'pagehide' | 'pageshow', persisted: boolean): void {
  const event = new Event(type);
  Object.defineProperty(event, 'persisted', { value: persisted });
  dispatchEvent(event);
}

describe('linkToWorker', () => {
  it('hands on what the worker sends once it is valid, and ends on "stop"', () => {
    const { onMessage, onGone } = link();
    ports[0]!.deliver({ type: 'views', views: 'not a list' });
    ports[0]!.deliver({ type: 'unknown' });
    expect(onMessage).not.toHaveBeenCalled();
    ports[0]!.deliver({ type: 'views', views: [] });
    expect(onMessage).toHaveBeenCalledWith({ type: 'views', views: [] });
    ports[0]!.deliver({ type: 'stop' });
    ports[0]!.deliver({ type: 'stop' });
    expect(onGone).toHaveBeenCalledTimes(1);
  });

  it('reconnects at once when the worker restarts, and tells it again what the page shows', () => {
    const { link: worker, onGone } = link();
    worker.send(WATCH);
    expect(ports[0]!.posted).toEqual([WATCH]);
    vi.advanceTimersByTime(5_000); // a healthy port
    ports[0]!.close();
    vi.advanceTimersByTime(0);
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted).toEqual([WATCH]);
    expect(onGone).not.toHaveBeenCalled();
  });

  it('gives up when the ports it opens keep dying young, backing off meanwhile', () => {
    const { onGone } = link();
    for (let failure = 1; failure <= 6; failure++) {
      ports.at(-1)!.close();
      vi.advanceTimersByTime(100 * 2 ** failure - 1);
      expect(ports).toHaveLength(failure);
      vi.advanceTimersByTime(1);
      expect(ports).toHaveLength(failure + 1);
    }
    ports.at(-1)!.close();
    expect(onGone).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(ports).toHaveLength(7);
  });

  it('ends when the extension is gone (reloaded, updated or removed)', () => {
    const { onGone } = link();
    runtime.id = undefined;
    ports[0]!.close();
    expect(onGone).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(ports).toHaveLength(1);
  });

  it('lets go of its port in the back/forward cache, and opens a new one when shown again', () => {
    const { link: worker } = link();
    worker.send(WATCH);
    transition('pagehide', false); // an ordinary unload: nothing to do
    expect(ports[0]!.disconnected).toBe(false);
    transition('pagehide', true);
    expect(ports[0]!.disconnected).toBe(true);
    worker.send(WATCH); // nothing to send it through while put away, and no error
    vi.advanceTimersByTime(60_000);
    expect(ports).toHaveLength(1);
    transition('pageshow', true);
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted).toEqual([WATCH]);
    transition('pageshow', true); // shown twice: still one port
    expect(ports).toHaveLength(2);
  });

  it('once closed, neither reconnects nor wakes with the page', () => {
    const { link: worker, onGone } = link();
    worker.close();
    expect(ports[0]!.disconnected).toBe(true);
    transition('pagehide', true);
    transition('pageshow', true);
    vi.advanceTimersByTime(60_000);
    expect(ports).toHaveLength(1);
    expect(onGone).not.toHaveBeenCalled();
  });
});
