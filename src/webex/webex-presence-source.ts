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
import type { DeviceStoreLike } from './device-keeper';
import { DEVICE_REFRESH_MS, DeviceKeeper } from './device-keeper';
import type { Endpoints } from './endpoints';
import type { WebexError } from './errors';
import { toWebexError } from './errors';
import type { FeedState } from './feed-state';
import { FeedStateReporter, ReconnectSchedule } from './feed-state';
import type { FetchLike, HttpClient } from './http';
import { createHttpClient } from './http';
import type { MercuryClose, MercurySocket, WebSocketConstructor } from './mercury';
import { MercuryHandover } from './mercury-handover';
import { isAuthClose } from './mercury-wire';
import { PresenceSubscriptions } from './presence-subscriptions';
import type { Logger, Timers } from './timers';
import { globalTimers, silentLogger } from './timers';

export type { FeedPhase, FeedState } from './feed-state';
export type { DeviceStoreLike } from './device-keeper';
export { DEVICE_REFRESH_MS } from './device-keeper';
export { FAILED_CALL_RETRY_MS, FORBIDDEN_RETRY_MS } from './subscription-retry';

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
  /** Refresh the WDM device at least this often while connected (default 30 min). */
  readonly deviceRefreshMs?: number;
}

/** One connection attempt; it ends once its socket is the current one (or it failed). */
interface Attempt {
  done: Promise<void>;
}

export class WebexPresenceSource implements PresenceSource {
  private readonly http: HttpClient;
  private readonly timers: Timers;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly subscriptions: PresenceSubscriptions;
  private readonly devices: DeviceKeeper;
  private readonly sockets: MercuryHandover;
  private catalog: Catalog | undefined;
  private connecting: Attempt | undefined;
  private started = false;
  /** Bumped by stop() and sign-out, so late replies of an older run are ignored. */
  private generation = 0;
  private readonly reconnect: ReconnectSchedule;
  private readonly feed: FeedStateReporter;

  constructor(private readonly options: WebexPresenceSourceOptions) {
    this.timers = options.timers ?? globalTimers;
    this.log = options.log ?? silentLogger;
    this.now = options.now ?? Date.now;
    this.feed = new FeedStateReporter(this.now, this.log, options.onState);
    this.reconnect = new ReconnectSchedule(this.timers, () => {
      if (this.started) void this.connect();
    });
    this.http = createHttpClient({
      fetch: options.fetch,
      getToken: options.getToken,
      deviceUrl: () => this.devices.current?.url,
    });
    this.devices = new DeviceKeeper({
      http: this.http,
      store: options.deviceStore,
      timers: this.timers,
      now: this.now,
      log: this.log,
      refreshMs: options.deviceRefreshMs ?? DEVICE_REFRESH_MS,
      onRefreshDue: () => void this.refreshDevice(),
    });
    this.sockets = new MercuryHandover({
      WebSocket: options.WebSocket,
      getToken: options.getToken,
      timers: this.timers,
      now: this.now,
      log: this.log,
      onEvent: (envelope) => this.subscriptions.handleEnvelope(envelope),
      onSequenceGap: () => this.subscriptions.readAllAfterGap(),
      onShutdown: () => this.replaceSocket(),
      onClose: (close, announced) => this.socketClosed(close, announced),
    });
    this.subscriptions = new PresenceSubscriptions({
      http: this.http,
      timers: this.timers,
      log: this.log,
      now: this.now,
      ttl: DEFAULT_SUBSCRIPTION_TTL_S,
      apheleiaBase: () => this.catalog?.apheleia,
      isLive: () => this.sockets.isLive,
      generation: () => this.generation,
      signOut: (message) => this.signOut(message),
    });
  }

  get state(): FeedState {
    return this.feed.state;
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
    if (this.started && (this.connecting !== undefined || this.sockets.isLive)) {
      return this.connecting?.done ?? Promise.resolve();
    }
    this.started = true;
    this.reconnect.reset();
    return this.connect();
  }

  /** Closes the socket and timers. Subscriptions are not cancelled: they lapse on the server. */
  async stop(): Promise<void> {
    this.started = false;
    this.halt();
    this.subscriptions.stop();
    this.feed.set('idle');
  }

  /**
   * For a periodic alarm: reconnect a dead feed, replace a retiring socket nobody is replacing,
   * refresh an overdue device, renew what is due, resubscribe what was lost.
   */
  async checkHealth(): Promise<void> {
    if (!this.started || this.feed.state.phase === 'signed-out') return;
    if (this.connecting !== undefined) return this.connecting.done;
    if (!this.sockets.isLive) {
      this.reconnect.reset();
      return this.connect();
    }
    if (this.sockets.isRetiring && !this.reconnect.pending) return this.connect();
    if (this.devices.refreshDue) await this.refreshDevice();
    await this.subscriptions.catchUp();
  }

  // ---- connecting -----------------------------------------------------------------------------

  private connect(): Promise<void> {
    if (this.connecting !== undefined) return this.connecting.done;
    this.reconnect.cancel();
    const attempt: Attempt = { done: Promise.resolve() };
    this.connecting = attempt;
    attempt.done = this.attempt(attempt);
    return attempt.done;
  }

  /**
   * Opens a socket, makes it current, then subscribes everyone. The attempt ends as soon as its
   * socket is current: a drop or a shutdown notice while the subscriptions go out must start a
   * new attempt, not join this one.
   */
  private async attempt(attempt: Attempt): Promise<void> {
    const generation = this.generation;
    if (!this.sockets.hasSocket && this.feed.state.phase !== 'reconnecting') {
      this.feed.set('connecting');
    }
    let socket: MercurySocket | undefined;
    try {
      socket = await this.openSocket(generation);
    } catch (error) {
      this.endAttempt(attempt);
      if (generation === this.generation) this.connectFailed(toWebexError(error));
      return;
    }
    this.endAttempt(attempt);
    if (socket === undefined) return;
    this.sockets.takeOver(socket);
    this.reconnect.reset();
    this.feed.set('live');
    await this.subscriptions.resubscribeAll();
  }

  private endAttempt(attempt: Attempt): void {
    if (this.connecting === attempt) this.connecting = undefined;
  }

  /** Catalog, device, and an authenticated socket; `undefined` when stopped meanwhile. */
  private async openSocket(generation: number): Promise<MercurySocket | undefined> {
    const current = () => generation === this.generation;
    this.catalog ??= await fetchCatalog(this.http, this.options.endpoints.u2cBaseUrl);
    const ensured = await this.devices.ensure(this.catalog.wdm, current);
    if (ensured === undefined) return undefined;
    const socket = this.sockets.create(ensured.device.webSocketUrl);
    await socket.connect();
    if (current()) return socket;
    socket.close(1000, 'done');
    return undefined;
  }

  /** Make-before-break (§2.4): the current socket keeps carrying pushes until a new one is up. */
  private replaceSocket(): void {
    this.sockets.retire();
    void this.connect();
  }

  private connectFailed(error: WebexError): void {
    if (error.kind === 'auth') {
      this.signOut(error.message);
      return;
    }
    // A failed replacement while the old socket still works: stay live, try again later.
    const replacing = this.sockets.isLive;
    if (error.kind === 'forbidden' && !replacing) {
      this.feed.set('error', error.message);
      return;
    }
    const delay = this.reconnect.failed(error.retryAfterMs);
    const next = `Trying again in ${Math.round(delay / 1000)} s.`;
    if (!replacing) this.feed.set('reconnecting', `${error.message} ${next}`);
    else this.log('warn', `The replacement socket failed: ${error.message} ${next}`);
  }

  private socketClosed(close: MercuryClose, announced: boolean): void {
    this.subscriptions.pause();
    const said = `code ${close.code}${close.reason === '' ? '' : `, "${close.reason}"`}`;
    if (isAuthClose(close.code, close.reason)) {
      this.signOut(`Webex no longer accepts the access token (${said}). Sign in again.`);
      return;
    }
    if (announced) {
      // Expected (4001 after a shutdown notice): a replacement under way decides the phase.
      if (this.connecting !== undefined) return;
    } else if (!close.shouldReconnect) {
      this.feed.set('error', `The Webex connection was closed (${said}).`);
      return;
    }
    this.feed.set('reconnecting', `The Webex connection dropped (${said}). Reconnecting.`);
    void this.connect();
  }

  /** PUT the device; when WDM had forgotten it, move to the new device's socket (§5.6). */
  private async refreshDevice(): Promise<void> {
    const wdm = this.catalog?.wdm;
    if (wdm === undefined || this.connecting !== undefined || !this.sockets.isLive) return;
    const generation = this.generation;
    try {
      const ensured = await this.devices.ensure(wdm, () => generation === this.generation);
      if (ensured?.moved === true && this.sockets.isLive && this.connecting === undefined) {
        this.log('info', 'The device was registered again; moving to its socket');
        this.replaceSocket();
      }
    } catch (error) {
      if (generation !== this.generation) return;
      const failure = toWebexError(error);
      // Not confirmed: the next health check finds the refresh overdue and tries again.
      if (failure.kind === 'auth') this.signOut(failure.message);
      else this.log('warn', `Refreshing the device failed: ${failure.message}`);
    }
  }

  /** No reconnect loop on a rejected token: `start()` again once there is a new one. */
  private signOut(message: string): void {
    this.halt();
    this.subscriptions.pause();
    this.feed.set('signed-out', message);
  }

  /** Ends the current run: no attempt, retry, device refresh or socket outlives it. */
  private halt(): void {
    this.generation++;
    this.connecting = undefined;
    this.reconnect.cancel();
    this.devices.stop();
    this.sockets.drop();
  }
}
