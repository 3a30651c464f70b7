import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TICK_PERIOD_MS, TickController } from '../../../src/popup/tick-controller';

function host() {
  const controllers: ReactiveController[] = [];
  const h = {
    updates: 0,
    addController: (c: ReactiveController) => void controllers.push(c),
    removeController: () => undefined,
    requestUpdate: () => void h.updates++,
    updateComplete: Promise.resolve(true),
    connect: () => controllers.forEach((c) => c.hostConnected?.()),
    disconnect: () => controllers.forEach((c) => c.hostDisconnected?.()),
  };
  return h;
}

afterEach(() => vi.useRealTimers());

describe('TickController', () => {
  it('moves the clock every period while open, and not after it closes', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const h = host();
    const tick = new TickController(h as unknown as ReactiveControllerHost, { fast: () => false });
    h.connect();
    vi.advanceTimersByTime(TICK_PERIOD_MS - 1_000);
    expect(h.updates).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(h.updates).toBe(1);
    expect(tick.now).toBe(1_000_000 + TICK_PERIOD_MS);
    h.disconnect();
    vi.advanceTimersByTime(10 * TICK_PERIOD_MS);
    expect(h.updates).toBe(1);
  });

  it('ticks every second while something counts seconds', () => {
    vi.useFakeTimers({ now: 0 });
    const h = host();
    let counting = true;
    new TickController(h as unknown as ReactiveControllerHost, { fast: () => counting });
    h.connect();
    vi.advanceTimersByTime(3_000);
    expect(h.updates).toBe(3);
    counting = false;
    vi.advanceTimersByTime(3_000);
    expect(h.updates).toBe(3);
    h.disconnect();
  });
});
