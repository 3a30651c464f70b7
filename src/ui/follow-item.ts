/**
 * Read a storage item once and keep following its changes, without a race: the watch starts
 * before the read, and if a change arrives while the read is in flight, the (older) read result
 * is dropped rather than painted over the newer value.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StorageItem } from '../shared/typed-storage';

export interface Following {
  /** Resolves once the first value has been delivered (by the read or by a change). */
  readonly ready: Promise<void>;
  readonly stop: () => void;
}

export function followItem<T>(item: StorageItem<T>, onValue: (value: T) => void): Following {
  let changed = false;
  let stopped = false;
  const unwatch = item.watch((value) => {
    if (stopped) return;
    changed = true;
    onValue(value);
  });
  const ready = item.get().then(
    (value) => {
      if (!changed && !stopped) onValue(value);
    },
    () => {
      // Storage unavailable: keep the fallback the caller started with; changes still arrive.
    },
  );
  return {
    ready,
    stop() {
      stopped = true;
      unwatch();
    },
  };
}

/**
 * Follows storage items for as long as its Lit host is connected: starts them on connect, stops
 * them on disconnect. `ready` resolves once every item has delivered its first value.
 */
export class FollowController implements ReactiveController {
  ready: Promise<void> = Promise.resolve();
  private following: Following[] = [];

  constructor(
    host: ReactiveControllerHost,
    private readonly start: () => Following[],
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.following = this.start();
    this.ready = Promise.all(this.following.map((f) => f.ready)).then(() => undefined);
  }

  hostDisconnected(): void {
    for (const following of this.following) following.stop();
    this.following = [];
  }
}
