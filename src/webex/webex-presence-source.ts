/**
 * The one real-time presence feed (docs/protocol.md §1): the connection catalog -> device ->
 * Mercury, kept alive across dropped sockets, shutdown notices and backoff, with the feed state
 * for the UI. It is a `PresenceSource`; whom to watch, and what they show, is in
 * `PresenceSubscriptions`.
 * Nothing here throws out of an event handler: failures become `onState` changes and retries.
 */
import type { PresenceSource, SourceListener } from '../core/presence-source';
import { t } from '../ui/i18n';
import type { Catalog } from './catalog';
import { fetchCatalog } from './catalog';
import { closeVerdict } from './close-verdict';
import type { DeviceKeeper } from './device-keeper';
import { deleteDevice } from './device-list';
import { WebexError, toWebexError } from './errors';
import type { FeedState } from './feed-state';
import { FeedStateReporter, ReconnectSchedule } from './feed-state';
import type { HttpClient } from './http';
import type { Logger } from './log';
import { silentLogger } from './log';
import type { MercuryClose, MercurySocket } from './mercury';
import type { MercuryHandover } from './mercury-handover';
import { describeClose } from './mercury-wire';
import type { PeopleApi } from './people-api';
import type { PresenceSubscriptions } from './presence-subscriptions';
import type { RestFallback } from './rest-fallback';
import type { WebexPresenceSourceOptions } from './source-options';
import { createSourceParts } from './source-parts';
import type { Timers } from './timers';
import { globalTimers } from './timers';

/** Connect attempts failing in a row before presence is polled over REST meanwhile. */
const POLL_AFTER_FAILURES = 3;

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
  /**
   * One per connection run: aborted by stop, sign-out and `halt()`, which cancels every request,
   * socket and timer of that run; late replies see `aborted` and are dropped.
   */
  private run = new AbortController();
  private readonly reconnect: ReconnectSchedule;
  private readonly feed: FeedStateReporter;
  private readonly people: () => PeopleApi;
  private readonly fallback: RestFallback;

  constructor(private readonly options: WebexPresenceSourceOptions) {
    this.timers = options.timers ?? globalTimers;
    this.log = options.log ?? silentLogger;
    this.now = options.now ?? Date.now;
    this.feed = new FeedStateReporter(this.now, this.log, options.onState);
    this.reconnect = new ReconnectSchedule(this.timers, options.random ?? Math.random, () => {
      if (this.started) void this.connect();
    });
    const parts = createSourceParts(
      options,
      { timers: this.timers, now: this.now, log: this.log, feed: this.feed },
      {
        runSignal: () => this.run.signal,
        catalog: () => this.catalog,
        signOut: (message) => this.signOut(message),
        refreshDevice: () => void this.refreshDevice(),
        replaceSocket: () => this.replaceSocket(),
        socketClosed: (close, announced) => this.socketClosed(close, announced),
      },
    );
    this.http = parts.http;
    this.devices = parts.devices;
    this.sockets = parts.sockets;
    this.subscriptions = parts.subscriptions;
    this.fallback = parts.fallback;
    this.people = parts.people;
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
   * Signing out: stops, then deletes the WDM device so it does not linger on the account
   * (404 means it is already gone). A failure is logged, never thrown: sign-out must finish.
   */
  async unregister(): Promise<void> {
    await this.stop();
    const device = this.devices.current ?? (await this.options.deviceStore.load());
    if (device === null) return;
    try {
      await deleteDevice(this.http, device.url);
    } catch (error) {
      this.log('warn', `Could not delete the device: ${toWebexError(error).message}`);
    }
    await this.options.deviceStore.save(null);
  }

  /**
   * For a periodic alarm: reconnect a dead feed (unless a backoff retry is already planned),
   * replace a retiring socket nobody is replacing, refresh an overdue device, renew what is due,
   * resubscribe what was lost.
   */
  async checkHealth(): Promise<void> {
    if (!this.started || this.feed.state.phase === 'signed-out') return;
    if (this.connecting !== undefined) return this.connecting.done;
    if (!this.sockets.isLive) {
      if (this.reconnect.pending) return;
      return this.connect();
    }
    if (this.sockets.isRetiring && !this.reconnect.pending) return this.connect();
    if (this.devices.refreshDue) await this.refreshDevice();
    this.fallback.checkApheleia();
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
    const run = this.run.signal;
    const phase = this.feed.state.phase;
    if (!this.sockets.hasSocket && phase !== 'reconnecting' && phase !== 'polling') {
      this.feed.set('connecting');
    }
    let socket: MercurySocket | undefined;
    try {
      socket = await this.openSocket(run);
    } catch (error) {
      this.endAttempt(attempt);
      if (!run.aborted) this.connectFailed(toWebexError(error));
      return;
    }
    this.endAttempt(attempt);
    if (socket === undefined) return;
    this.sockets.takeOver(socket);
    this.reconnect.wentLive(this.now());
    this.fallback.stop();
    this.feed.set('live');
    await this.subscriptions.resubscribeAll();
  }

  private endAttempt(attempt: Attempt): void {
    if (this.connecting === attempt) this.connecting = undefined;
  }

  /** Catalog, device, and an authenticated socket; `undefined` when the run ended meanwhile. */
  private async openSocket(run: AbortSignal): Promise<MercurySocket | undefined> {
    this.catalog ??= await fetchCatalog(
      this.http,
      this.options.endpoints.u2cBaseUrl,
      this.options.audience,
    );
    const ensured = await this.devices.ensure(this.catalog.wdm, run);
    if (ensured === undefined) return undefined;
    const socket = this.sockets.create(ensured.device.webSocketUrl, run);
    await socket.connect();
    if (!run.aborted) return socket;
    socket.close(1000, 'done');
    return undefined;
  }

  /** Make-before-break (docs/protocol.md §4): the old socket carries pushes till a new one is up. */
  private replaceSocket(): void {
    this.sockets.retire();
    void this.connect();
  }

  private connectFailed(error: WebexError): void {
    if (error.kind === 'auth') {
      this.signOut(error.message);
      return;
    }
    if (error.kind === 'auth-unconfirmed') {
      void this.checkTokenThenRetry(error.message);
      return;
    }
    // A failed replacement while the old socket still works: stay live, try again later.
    const replacing = this.sockets.isLive;
    if (error.kind === 'refused-url' && !replacing) {
      this.feed.set('error', error.message);
      return;
    }
    this.retryLater(error.message, error.retryAfterMs);
    // Refused outright (403), or failing again and again: REST meanwhile, real time retried.
    const refused =
      error.kind === 'forbidden' || this.reconnect.failureCount >= POLL_AFTER_FAILURES;
    if (refused && !replacing) this.fallback.start(error.message);
  }

  private retryLater(why: string, atLeastMs?: number): void {
    const delay = this.reconnect.failed(atLeastMs);
    const seconds = Math.max(1, Math.round(delay / 1000));
    const next = `Trying again in ${seconds} s.`;
    if (this.sockets.isLive) this.log('warn', `The replacement socket failed: ${why} ${next}`);
    else if (this.fallback.running) this.log('info', `Real time still refused: ${why} ${next}`);
    else {
      const message = t('webex_retrying', [why, String(seconds)]);
      this.feed.set('reconnecting', message, this.now() + delay);
    }
  }

  /**
   * Mercury closed with 1008 (or its 1005 aliases): not proof that the token is dead (the 30 s
   * authentication timeout closes the same way). One REST call decides: 401 signs out, anything
   * else reconnects with backoff (docs/protocol.md §4).
   */
  private async checkTokenThenRetry(said: string): Promise<void> {
    const run = this.run.signal;
    // A replacement socket refused while the old one still works: the feed stays live meanwhile.
    if (!this.sockets.isLive) this.feed.set('reconnecting', t('webex_checking_token', said));
    try {
      await this.people().me();
    } catch (error) {
      if (run.aborted) return;
      const failure = toWebexError(error);
      if (failure.kind === 'auth') {
        this.signOut(t('webex_token_no_longer_accepted', failure.message));
        return;
      }
    }
    if (!run.aborted) this.retryLater(said);
  }

  private socketClosed(close: MercuryClose, announced: boolean): void {
    this.subscriptions.pause();
    const said = describeClose(close.code, close.reason);
    const verdict = closeVerdict(close, announced, this.connecting !== undefined);
    switch (verdict.kind) {
      case 'sign-out':
        return this.signOut(t('webex_token_no_longer_accepted_sign_in', said));
      case 'check-token':
        this.reconnect.dropped(this.now());
        return void this.checkTokenThenRetry(t('webex_connection_closed_by_webex', said));
      case 'replaced':
        // Not started any more, so health checks leave it off; `start()` takes over again.
        this.started = false;
        this.halt();
        return this.feed.set('error', t('webex_connection_replaced'));
      case 'replacement-decides':
        return;
      case 'stopped':
        return this.feed.set('error', t('webex_connection_closed', said));
      case 'reconnect':
        // Backoff counts on: only a connection that stayed up 60 s earns an immediate reconnect.
        if (!this.reconnect.dropped(this.now())) {
          return this.retryLater(t('webex_connection_dropped', said));
        }
        this.feed.set('reconnecting', t('webex_connection_dropped_reconnecting', said));
        return void this.connect();
    }
  }

  /** PUT the device; if WDM forgot it, move to the new device's socket (docs/protocol.md §3). */
  private async refreshDevice(): Promise<void> {
    const wdm = this.catalog?.wdm;
    if (wdm === undefined || this.connecting !== undefined || !this.sockets.isLive) return;
    const run = this.run.signal;
    try {
      const ensured = await this.devices.ensure(wdm, run);
      if (ensured?.moved === true && this.sockets.isLive && this.connecting === undefined) {
        this.log('info', 'The device was registered again; moving to its socket');
        this.replaceSocket();
      }
    } catch (error) {
      if (run.aborted) return;
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

  /** Ends the current run: no request, attempt, retry, device refresh or socket outlives it. */
  private halt(): void {
    this.fallback.stop();
    this.run.abort(new WebexError('cancelled', 'The connection run ended.'));
    this.run = new AbortController();
    this.connecting = undefined;
    this.reconnect.cancel();
    this.devices.stop();
    this.sockets.drop();
  }
}
