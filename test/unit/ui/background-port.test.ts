import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { keepBackgroundPort, type PortLike } from '../../../src/ui/background-port';
import { UI_PORT_NAME } from '../../../src/shared/messages';

class FakePort implements PortLike {
  private readonly listeners = new Set<() => void>();
  disconnected = false;
  readonly onDisconnect = {
    addListener: (cb: () => void) => void this.listeners.add(cb),
    removeListener: (cb: () => void) => void this.listeners.delete(cb),
  };
  disconnect(): void {
    this.disconnected = true;
  }
  /** The browser stopped the worker. */
  drop(): void {
    for (const cb of [...this.listeners]) cb();
  }
}

function harness() {
  let clock = 0;
  const timers: { at: number; run: () => void }[] = [];
  const ports: FakePort[] = [];
  let failNext = 0;
  const stop = keepBackgroundPort({
    connect: () => {
      if (failNext > 0) {
        failNext--;
        throw new Error('Could not establish connection.');
      }
      const port = new FakePort();
      ports.push(port);
      return port;
    },
    setTimer: (run, ms) => {
      const timer = { at: clock + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => timers.splice(timers.indexOf(timer as (typeof timers)[0]), 1),
    now: () => clock,
  });
  return {
    ports,
    timers,
    stop,
    failTimes: (n: number) => (failNext = n),
    advance(ms: number) {
      clock += ms;
      for (const timer of timers.filter((t) => t.at <= clock)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.run();
      }
    },
  };
}

describe('keepBackgroundPort', () => {
  it('opens the UI port by name on start', () => {
    const connect = vi
      .spyOn(fakeBrowser.runtime, 'connect')
      .mockImplementation(() => new FakePort() as never);
    const stop = keepBackgroundPort();
    expect(connect).toHaveBeenCalledWith({ name: UI_PORT_NAME });
    stop();
    connect.mockRestore();
  });

  it('reconnects at once when a long-lived port drops (the worker was stopped)', () => {
    const h = harness();
    h.advance(30_000);
    h.ports[0]!.drop();
    expect(h.ports).toHaveLength(2);
    expect(h.timers).toHaveLength(0);
    h.stop();
  });

  it('backs off with growing delays, capped at 2 s, while reconnecting keeps failing', () => {
    const h = harness();
    h.advance(5_000);
    h.failTimes(8);
    let clock = 5_000;
    h.ports[0]!.drop();
    const delays: number[] = [];
    while (h.ports.length === 1) {
      const timer = h.timers[0]!;
      delays.push(timer.at - clock);
      h.advance(timer.at - clock);
      clock = timer.at;
    }
    expect(delays).toEqual([100, 200, 400, 800, 1_600, 2_000, 2_000, 2_000]);
  });

  it('counts a port that drops at once as a failure too', () => {
    const h = harness();
    h.ports[0]!.drop(); // dropped within a second of opening
    expect(h.ports).toHaveLength(1);
    expect(h.timers).toHaveLength(1);
    h.advance(100);
    expect(h.ports).toHaveLength(2);
  });

  it('closes the port and stops retrying when the page goes', () => {
    const h = harness();
    const port = h.ports[0]!;
    h.stop();
    expect(port.disconnected).toBe(true);
    port.drop();
    expect(h.ports).toHaveLength(1);

    const g = harness();
    g.failTimes(1);
    g.advance(5_000);
    g.ports[0]!.drop();
    g.stop();
    expect(g.timers).toHaveLength(0);
  });
});

describe('keepBackgroundPort messages', () => {
  it('greets every new port and hands over what the background sends', () => {
    const posted: unknown[] = [];
    const heard: unknown[] = [];
    const listeners: Array<(m: unknown) => void> = [];
    const disconnects: Array<() => void> = [];
    const connect = (): PortLike => ({
      onDisconnect: {
        addListener: (cb) => void disconnects.push(cb),
        removeListener: () => undefined,
      },
      disconnect: () => undefined,
      postMessage: (m) => void posted.push(m),
      onMessage: { addListener: (cb) => void listeners.push(cb) },
    });
    let clock = 0;
    const stop = keepBackgroundPort({
      connect,
      now: () => clock,
      greeting: { type: 'followPresence' },
      onMessage: (m) => heard.push(m),
    });
    listeners[0]?.('one');
    clock = 5_000;
    disconnects[0]?.(); // the worker stopped: a new port, greeted again
    listeners[1]?.('two');
    expect(posted).toEqual([{ type: 'followPresence' }, { type: 'followPresence' }]);
    expect(heard).toEqual(['one', 'two']);
    stop();
  });
});
