/**
 * The one real-time presence feed (WEBEX-PROTOCOL.md §5): the connection catalog -> device ->
 * Mercury, kept alive across dropped sockets, shutdown notices and backoff, with the feed state
 * for the UI. It is a `PresenceSource`; whom to watch, and what they show, is in
 * `PresenceSubscriptions`.
 * Nothing here throws out of an event handler: failures become `onState` changes and retries.
 */
import type { PresenceSource, SourceListener } from '../core/presence-source';
import { DEFAULT_SUBSCRIPTION_TTL_S } from './apheleia';
import type { Catalog } from './catalog';
import { fetchCatalog } from './catalog';
import type { StoredDevice } from './device';
import { ensureDevice } from './device';
import type { Endpoints } from './endpoints';
import type { WebexError } from './errors';
import { toWebexError } from './errors';
import type { FeedPhase, FeedState } from './feed-state';
import { reconnectDelayMs } from './feed-state';
import type { FetchLike, HttpClient } from './http';
import { createHttpClient } from './http';
import type { MercuryClose, WebSocketConstructor } from './mercury';
import { MercurySocket } from './mercury';
import { PresenceSubscriptions } from './presence-subscriptions';
import type { Logger, TimerId, Timers } from './timers';
import { globalTimers, silentLogger } from './timers';

export type { FeedPhase, FeedState } from './feed-state';
export { FAILED_CALL_RETRY_MS, FORBIDDEN_RETRY_MS } from './presence-subscriptions';

export interface DeviceStoreLike {
  load(): Promise<StoredDevice | null>;
  save(device: StoredDevice | null): Promise<void>;
}

export interface WebexPresenceSourceOptions {
  readonly fetch: FetchLike;
  readonly WebSocket: WebSocketConstructor;
  readonly endpoints: Endpoints;
  readonly getToken: () => Promise<string>;
  readonly deviceStore: DeviceStoreLike;
  readonly onState?: (state: FeedState) => void;
  readonly now?: () => number;
  readonly timers?: Timers;
  readonly log?: Logger;
  /** Requested subscription TTL in seconds (default 600). */
  readonly subscriptionTtl?: number;
}

export class WebexPresenceSource implements PresenceSource {
  private readonly http: HttpClient;
  private readonly timers: Timers;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly subscriptions: PresenceSubscriptions;
  private catalog: Catalog | undefined;
  private device: StoredDevice | undefined;
  private socket: MercurySocket | undefined;
  private connecting: Promise<void> | undefined;
  private started = false;
  /** Bumped by stop() and sign-out, so late replies of an older run are ignored. */
  private generation = 0;
  private failures = 0;
  private reconnectTimer: TimerId | undefined;
  private currentState: FeedState;

  constructor(private readonly options: WebexPresenceSourceOptions) {
    this.timers = options.timers ?? globalTimers;
    this.log = options.log ?? silentLogger;
    this.now = options.now ?? Date.now;
    this.currentState = { phase: 'idle', since: this.now() };
    this.http = createHttpClient({
      fetch: options.fetch,
      getToken: options.getToken,
      deviceUrl: () => this.device?.url,
    });
    this.subscriptions = new PresenceSubscriptions({
      http: this.http,
      timers: this.timers,
      log: this.log,
      now: this.now,
      ttl: options.subscriptionTtl ?? DEFAULT_SUBSCRIPTION_TTL_S,
      apheleiaBase: () => this.catalog?.apheleia,
      isLive: () => this.isLive(),
      generation: () => this.generation,
      signOut: (message) => this.signOut(message),
    });
  }

  get state(): FeedState {
    return this.currentState;
  }

  /** The registered device, once known (for diagnostics). */
  get registeredDevice(): StoredDevice | undefined {
    return this.device;
  }

  // ---- PresenceSource -------------------------------------------------------------------------

  watch(uuids: readonly string[]): void {
    this.subscriptions.watch(uuids);
  }

  unwatch(uuids: readonly string[]): void {
    this.subscriptions.unwatch(uuids);
  }

  onPresence(listener: SourceListener): () => void {
    return this.subscriptions.onPresence(listener);
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  /** Connects (never rejects; failures show in `onState`). Resolves after the first attempt. */
  start(): Promise<void> {
    if (this.started && (this.connecting !== undefined || this.isLive())) {
      return this.connecting ?? Promise.resolve();
    }
    this.started = true;
    this.failures = 0;
    return this.connect();
  }

  /** Closes the socket and timers. Subscriptions are not cancelled: they lapse on the server. */
  async stop(): Promise<void> {
    this.started = false;
    this.generation++;
    this.connecting = undefined;
    this.clearReconnectTimer();
    this.subscriptions.stop();
    this.dropSocket(1000, 'done');
    this.setState('idle');
  }

  /** For a periodic alarm: reconnect a dead feed, renew what is due, resubscribe what was lost. */
  async checkHealth(): Promise<void> {
    if (!this.started || this.currentState.phase === 'signed-out') return;
    if (this.connecting !== undefined) return this.connecting;
    if (!this.isLive()) {
      this.failures = 0;
      return this.connect();
    }
    await this.subscriptions.catchUp();
  }

  // ---- connecting -----------------------------------------------------------------------------

  private isLive(): boolean {
    return this.socket?.isAuthenticated === true;
  }

  private connect(): Promise<void> {
    if (this.connecting !== undefined) return this.connecting;
    this.clearReconnectTimer();
    const run: Promise<void> = this.attempt().finally(() => {
      if (this.connecting === run) this.connecting = undefined;
    });
    this.connecting = run;
    return run;
  }

  private async attempt(): Promise<void> {
    const generation = this.generation;
    if (this.socket === undefined && this.currentState.phase !== 'reconnecting') {
      this.setState('connecting');
    }
    try {
      this.catalog ??= await fetchCatalog(this.http, this.options.endpoints.u2cBaseUrl);
      const stored = this.device ?? (await this.options.deviceStore.load());
      const { device, reRegistered } = await ensureDevice(
        this.http,
        this.catalog.wdm,
        stored,
        this.now(),
      );
      if (generation !== this.generation) return;
      this.device = device;
      if (reRegistered || JSON.stringify(device) !== JSON.stringify(stored)) {
        await this.options.deviceStore.save(device).catch((error: unknown) => {
          this.log('warn', 'Could not save the device registration', error);
        });
      }
      const socket = this.newSocket(device, generation);
      await socket.connect();
      if (generation !== this.generation) {
        socket.close(1000, 'done');
        return;
      }
      const previous = this.socket;
      this.socket = socket;
      previous?.close(1000, 'done'); // make-before-break after a shutdown notice
      this.failures = 0;
      this.setState('live');
      await this.subscriptions.resubscribeAll();
    } catch (error) {
      if (generation === this.generation) this.connectFailed(toWebexError(error));
    }
  }

  private newSocket(device: StoredDevice, generation: number): MercurySocket {
    const socket: MercurySocket = new MercurySocket({
      webSocketUrl: device.webSocketUrl,
      WebSocket: this.options.WebSocket,
      getToken: this.options.getToken,
      timers: this.timers,
      now: this.now,
      log: this.log,
      onEvent: (envelope) => {
        if (generation === this.generation) this.subscriptions.handleEnvelope(envelope);
      },
      onSequenceGap: (gap) => {
        if (socket !== this.socket) return;
        this.log('info', `Mercury sequence gap (expected ${gap.expected}, got ${gap.received})`);
        void this.subscriptions.readAll();
      },
      onShutdown: () => {
        if (socket === this.socket) void this.connect();
      },
      onClose: (close) => {
        if (socket === this.socket) this.socketClosed(close);
      },
      onInvalidFrame: (reason) => this.log('warn', reason),
    });
    return socket;
  }

  private connectFailed(error: WebexError): void {
    if (error.kind === 'auth') {
      this.signOut(error.message);
      return;
    }
    if (error.kind === 'forbidden') {
      this.setState('error', error.message);
      return;
    }
    this.failures++;
    let delay = reconnectDelayMs(this.failures);
    if (error.retryAfterMs !== undefined) delay = Math.max(delay, error.retryAfterMs);
    const seconds = Math.round(delay / 1000);
    this.setState('reconnecting', `${error.message} Trying again in ${seconds} s.`);
    this.clearReconnectTimer();
    this.reconnectTimer = this.timers.setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.started) void this.connect();
    }, delay);
  }

  private socketClosed(close: MercuryClose): void {
    this.socket = undefined;
    this.subscriptions.pause();
    const said = `code ${close.code}${close.reason === '' ? '' : `, "${close.reason}"`}`;
    if (close.code === 4401) {
      this.signOut(`Webex no longer accepts the access token (${said}). Sign in again.`);
      return;
    }
    if (!close.shouldReconnect) {
      this.setState('error', `The Webex connection was closed (${said}).`);
      return;
    }
    this.setState('reconnecting', `The Webex connection dropped (${said}). Reconnecting.`);
    void this.connect();
  }

  /** No reconnect loop on a rejected token: `start()` again once there is a new one. */
  private signOut(message: string): void {
    this.generation++;
    this.connecting = undefined;
    this.clearReconnectTimer();
    this.subscriptions.pause();
    this.dropSocket(1000, 'done');
    this.setState('signed-out', message);
  }

  private dropSocket(code: number, reason: string): void {
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(code, reason);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private setState(phase: FeedPhase, message?: string): void {
    const previous = this.currentState;
    if (previous.phase === phase && previous.message === message) return;
    const since = previous.phase === phase ? previous.since : this.now();
    this.currentState = message === undefined ? { phase, since } : { phase, message, since };
    try {
      this.options.onState?.(this.currentState);
    } catch (error) {
      this.log('error', 'The state listener threw', error);
    }
  }

  private clearReconnectTimer(): void {
    if (this.reconnectTimer !== undefined) this.timers.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
  }
}
