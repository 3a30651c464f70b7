/**
 * The WDM device registration of the real-time feed (docs/protocol.md §3): loaded from
 * the store, refreshed with a PUT on every connect and at least every `refreshMs` while the socket
 * stays up, registered again when WDM has forgotten it. The JS SDK refreshes ephemeral devices
 * every ttl/2 + 60 s; ours is not ephemeral, but a long-lived socket must still notice a device
 * that WDM dropped, because Apheleia stops pushing to it.
 */
import type { StoredDevice } from './device';
import { ensureDevice } from './device';
import type { HttpClient } from './http';
import type { Logger } from './log';
import type { TimerId, Timers } from './timers';

/** Refresh the device at least this often while connected. */
export const DEVICE_REFRESH_MS = 30 * 60_000;

export interface DeviceStoreLike {
  load(): Promise<StoredDevice | null>;
  save(device: StoredDevice | null): Promise<void>;
}

export interface DeviceKeeperOptions {
  readonly http: HttpClient;
  readonly store: DeviceStoreLike;
  readonly timers: Timers;
  readonly now: () => number;
  readonly log: Logger;
  readonly refreshMs: number;
  /** The refresh interval has passed since the device was last confirmed. */
  readonly onRefreshDue: () => void;
}

export interface EnsuredDevice {
  readonly device: StoredDevice;
  /** Registered again or given another socket URL: the open socket no longer gets its pushes. */
  readonly moved: boolean;
}

export class DeviceKeeper {
  private device: StoredDevice | undefined;
  private confirmedAt: number | undefined;
  private timer: TimerId | undefined;
  /** The round trip under way, and the run it belongs to. */
  private inFlight: { run: AbortSignal; done: Promise<EnsuredDevice> } | undefined;

  constructor(private readonly options: DeviceKeeperOptions) {}

  get current(): StoredDevice | undefined {
    return this.device;
  }

  /** Whether the device has not been confirmed with WDM for `refreshMs` or longer. */
  get refreshDue(): boolean {
    if (this.device === undefined || this.confirmedAt === undefined) return false;
    return this.options.now() - this.confirmedAt >= this.options.refreshMs;
  }

  /**
   * PUTs the known device (registering one when WDM answers 404) and saves it. Resolves
   * `undefined` when `run` was aborted meanwhile (stopped or signed out); rejects with the WDM
   * failure. Calls of the same run that overlap share one round trip: a reconnect during a
   * periodic refresh must not register a second device when WDM has forgotten the first.
   */
  async ensure(wdmBaseUrl: string, run: AbortSignal): Promise<EnsuredDevice | undefined> {
    let flight = this.inFlight?.run === run ? this.inFlight : undefined;
    if (flight === undefined) {
      const done = this.confirm(wdmBaseUrl, run).finally(() => {
        if (this.inFlight === flight) this.inFlight = undefined;
      });
      flight = { run, done };
      this.inFlight = flight;
    }
    const ensured = await flight.done;
    return run.aborted ? undefined : ensured;
  }

  private async confirm(wdmBaseUrl: string, run: AbortSignal): Promise<EnsuredDevice> {
    const stored = this.device ?? (await this.options.store.load());
    const { device, reRegistered } = await ensureDevice(
      this.options.http,
      wdmBaseUrl,
      stored,
      this.options.now(),
      this.options.log,
    );
    const moved = stored !== null && (reRegistered || device.webSocketUrl !== stored.webSocketUrl);
    // Stopped meanwhile (signed out, feed closed): keep and arm nothing, so a sign-out that
    // forgot the device is not undone by a registration that was still on its way.
    if (run.aborted) return { device, moved };
    this.device = device;
    this.confirmedAt = this.options.now();
    this.arm();
    if (reRegistered || JSON.stringify(device) !== JSON.stringify(stored)) {
      await this.options.store.save(device).catch((error: unknown) => {
        this.options.log('warn', 'Could not save the device registration', error);
      });
    }
    return { device, moved };
  }

  /** No more refreshes until the next `ensure`. */
  stop(): void {
    // A round trip of the stopped run keeps nothing; a later `ensure` must not join it.
    this.inFlight = undefined;
    if (this.timer !== undefined) this.options.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    if (this.timer !== undefined) this.options.timers.clearTimeout(this.timer);
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = undefined;
      this.options.onRefreshDue();
    }, this.options.refreshMs);
  }
}
