/**
 * The one real-time presence feed: catalog -> device -> Mercury -> Apheleia subscriptions, kept
 * alive across dropped sockets, lost pushes and expiring statuses (WEBEX-PROTOCOL.md §5).
 * It is a `PresenceSource`: the watcher tells it whom to watch, it reports presence by UUID.
 * Nothing here throws out of an event handler: failures become `onState` changes and retries.
 */
import type { Composition } from '../core/composition';
import { compositionToSourcePresence, parseSubscriptionUpdate } from '../core/composition';
import { PresenceStatus } from '../core/presence';
import type { PresenceSource, SourceListener, SourcePresence } from '../core/presence-source';
import { presenceRecheckAt } from '../core/presence-recheck';
import { DEFAULT_SUBSCRIPTION_TTL_S, readCompositions, subscribe, unsubscribe } from './apheleia';
import type { SubscriptionResult } from './apheleia';
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
import type { MercuryEnvelope } from './mercury-envelope';
import { eventTypeOf } from './mercury-envelope';
import { SubscriptionBook } from './subscription-book';
import type { Logger, TimerId, Timers } from './timers';
import { globalTimers, silentLogger } from './timers';

export type { FeedPhase, FeedState } from './feed-state';

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

/** 401/403 per subject: report Unknown and ask again this much later (§5.4). */
export const FORBIDDEN_RETRY_MS = 10 * 60_000;
/** A failed call or a per-subject 5xx: try again soon. */
export const FAILED_CALL_RETRY_MS = 30_000;
/** Re-read a little after the expiry, so the server has moved on too. */
const RECHECK_MARGIN_MS = 1_000;

const UNKNOWN: SourcePresence = {
  status: PresenceStatus.Unknown,
  customStatus: '',
  lastActiveTime: 0,
  expiresTime: 0,
};

export class WebexPresenceSource implements PresenceSource {
  private readonly http: HttpClient;
  private readonly timers: Timers;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly ttl: number;
  private readonly watched = new Set<string>();
  private readonly listeners = new Set<SourceListener>();
  private readonly book = new SubscriptionBook();
  private readonly toSubscribe = new Set<string>();
  private readonly toUnsubscribe = new Set<string>();
  private readonly inFlight = new Set<string>();
  private catalog: Catalog | undefined;
  private device: StoredDevice | undefined;
  private socket: MercurySocket | undefined;
  private connecting: Promise<void> | undefined;
  private started = false;
  /** Bumped by stop() and sign-out, so late replies of an older run are ignored. */
  private generation = 0;
  private failures = 0;
  private flushQueued = false;
  private reconnectTimer: TimerId | undefined;
  private wakeTimer: TimerId | undefined;
  private currentState: FeedState;

  constructor(private readonly options: WebexPresenceSourceOptions) {
    this.timers = options.timers ?? globalTimers;
    this.log = options.log ?? silentLogger;
    this.now = options.now ?? Date.now;
    this.ttl = options.subscriptionTtl ?? DEFAULT_SUBSCRIPTION_TTL_S;
    this.currentState = { phase: 'idle', since: this.now() };
    this.http = createHttpClient({
      fetch: options.fetch,
      getToken: options.getToken,
      deviceUrl: () => this.device?.url,
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
    for (const raw of uuids) {
      const uuid = raw.toLowerCase();
      if (this.watched.has(uuid)) continue;
      this.watched.add(uuid);
      this.toUnsubscribe.delete(uuid);
      this.toSubscribe.add(uuid);
    }
    this.scheduleFlush();
  }

  unwatch(uuids: readonly string[]): void {
    for (const raw of uuids) {
      const uuid = raw.toLowerCase();
      if (!this.watched.delete(uuid)) continue;
      this.book.forget(uuid);
      // Never sent: nothing to cancel. Otherwise tell Apheleia with TTL 0.
      if (!this.toSubscribe.delete(uuid)) this.toUnsubscribe.add(uuid);
    }
    this.scheduleFlush();
  }

  onPresence(listener: SourceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
    this.clearTimer('reconnectTimer');
    this.clearTimer('wakeTimer');
    this.book.clear();
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
    const lost = [...this.watched].filter((u) => !this.book.has(u) && !this.inFlight.has(u));
    const work: Promise<void>[] = [this.wake()];
    if (lost.length > 0) work.push(this.subscribeNow(lost));
    await Promise.all(work);
  }

  // ---- connecting -----------------------------------------------------------------------------

  private isLive(): boolean {
    return this.socket?.isAuthenticated === true;
  }

  private connect(): Promise<void> {
    if (this.connecting !== undefined) return this.connecting;
    this.clearTimer('reconnectTimer');
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
      // Pushes may have been missed while down, and a new device has no subscriptions.
      this.book.clear();
      this.toSubscribe.clear();
      await this.subscribeNow([...this.watched]);
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
        if (generation === this.generation) this.onEnvelope(envelope);
      },
      onSequenceGap: (gap) => {
        if (socket !== this.socket) return;
        this.log('info', `Mercury sequence gap (expected ${gap.expected}, got ${gap.received})`);
        void this.readNow([...this.watched]);
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
    this.clearTimer('reconnectTimer');
    this.reconnectTimer = this.timers.setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.started) void this.connect();
    }, delay);
  }

  private socketClosed(close: MercuryClose): void {
    this.socket = undefined;
    this.clearTimer('wakeTimer');
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
    this.clearTimer('reconnectTimer');
    this.clearTimer('wakeTimer');
    this.dropSocket(1000, 'done');
    this.setState('signed-out', message);
  }

  private dropSocket(code: number, reason: string): void {
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(code, reason);
  }

  // ---- subscriptions and reads ----------------------------------------------------------------

  /** Batches watch/unwatch calls made in the same tick into one request each. */
  private scheduleFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      if (!this.isLive()) {
        // Going live subscribes everyone watched; unwatched subscriptions lapse on their own.
        this.toSubscribe.clear();
        this.toUnsubscribe.clear();
        return;
      }
      const gone = [...this.toUnsubscribe];
      const fresh = [...this.toSubscribe];
      this.toUnsubscribe.clear();
      this.toSubscribe.clear();
      if (gone.length > 0) void this.unsubscribeNow(gone);
      if (fresh.length > 0) void this.subscribeNow(fresh);
    });
  }

  private async unsubscribeNow(uuids: string[]): Promise<void> {
    const base = this.catalog?.apheleia;
    if (base === undefined) return;
    try {
      await unsubscribe(this.http, base, uuids);
    } catch (error) {
      this.log('warn', 'Unsubscribing failed; the subscriptions will lapse', error);
    }
  }

  private async subscribeNow(uuids: string[]): Promise<void> {
    const base = this.catalog?.apheleia;
    if (uuids.length === 0 || base === undefined) return;
    const generation = this.generation;
    for (const uuid of uuids) this.inFlight.add(uuid);
    const results = await subscribe(this.http, base, uuids, this.ttl);
    for (const uuid of uuids) this.inFlight.delete(uuid);
    if (generation !== this.generation) return;
    const now = this.now();
    const toRead: string[] = [];
    const stale: string[] = [];
    for (const result of results) {
      if (!this.watched.has(result.subject)) {
        if (result.responseCode === 200) stale.push(result.subject);
        continue;
      }
      if (result.error?.kind === 'auth') {
        this.signOut(result.error.message);
        return;
      }
      if (this.booked(result, now) && result.responseCode === 200) {
        if (result.status !== undefined) this.emitComposition(result.status, now);
        else toRead.push(result.subject);
      }
    }
    if (stale.length > 0) void this.unsubscribeNow(stale);
    this.reschedule();
    if (toRead.length > 0) await this.readNow(toRead);
  }

  /** Records one subscription outcome; true when subscribed. */
  private booked(result: SubscriptionResult, now: number): boolean {
    const { subject, responseCode: code } = result;
    if (result.error !== undefined) {
      const wait = result.error.retryAfterMs ?? FAILED_CALL_RETRY_MS;
      this.book.failed(subject, now + wait);
      this.log('warn', `Subscribing failed: ${result.error.message}`);
      return false;
    }
    if (code === 200) {
      this.book.subscribed(
        subject,
        result.subscriptionTtl > 0 ? result.subscriptionTtl : this.ttl,
        now,
      );
      return true;
    }
    if (code === 409) {
      this.book.failed(subject, now + (result.retry ?? 30) * 1000);
    } else if (code === 401 || code === 403) {
      this.emit(subject, UNKNOWN, now);
      this.book.failed(subject, now + FORBIDDEN_RETRY_MS);
    } else {
      const soon = code === 0 || code >= 500;
      this.book.failed(subject, now + (soon ? FAILED_CALL_RETRY_MS : FORBIDDEN_RETRY_MS));
    }
    return false;
  }

  private async readNow(uuids: string[]): Promise<void> {
    const base = this.catalog?.apheleia;
    if (uuids.length === 0 || base === undefined || !this.isLive()) return;
    const generation = this.generation;
    const { compositions, failures } = await readCompositions(this.http, base, uuids);
    if (generation !== this.generation) return;
    const now = this.now();
    for (const composition of compositions) {
      if (this.watched.has(composition.subject)) this.emitComposition(composition, now);
    }
    for (const failure of failures) {
      if (failure.error.kind === 'auth') {
        this.signOut(failure.error.message);
        return;
      }
      const wait = failure.error.retryAfterMs ?? FAILED_CALL_RETRY_MS;
      for (const uuid of failure.subjects) this.book.recheck(uuid, now + wait);
    }
    this.reschedule();
  }

  private onEnvelope(envelope: MercuryEnvelope): void {
    if (eventTypeOf(envelope) !== 'apheleia.subscription_update') return;
    const parsed = parseSubscriptionUpdate(envelope.data);
    if (!parsed.ok) {
      this.log('warn', `Ignored a presence update: ${parsed.error}`);
      return;
    }
    const composition = parsed.value;
    if (!this.watched.has(composition.subject)) return;
    if (composition.status?.toLowerCase() === 'clear') {
      // `clear` is an operation, not a state (§3): ask what the status is now.
      void this.readNow([composition.subject]);
      return;
    }
    this.emitComposition(composition, this.now());
    this.reschedule();
  }

  private emitComposition(composition: Composition, now: number): void {
    this.emit(composition.subject, compositionToSourcePresence(composition, now), now);
  }

  private emit(uuid: string, presence: SourcePresence, now: number): void {
    const recheck = presenceRecheckAt(presence, now);
    this.book.recheck(uuid, recheck === undefined ? undefined : recheck + RECHECK_MARGIN_MS);
    for (const listener of [...this.listeners]) {
      try {
        listener(uuid, presence);
      } catch (error) {
        this.log('error', 'A presence listener threw', error);
      }
    }
  }

  // ---- the one timer --------------------------------------------------------------------------

  private reschedule(): void {
    this.clearTimer('wakeTimer');
    const next = this.book.nextWake();
    if (next === undefined || !this.isLive()) return;
    const delay = Math.max(0, next - this.now());
    this.wakeTimer = this.timers.setTimeout(() => {
      this.wakeTimer = undefined;
      void this.wake();
    }, delay);
  }

  private async wake(): Promise<void> {
    if (!this.isLive()) return;
    const due = this.book.takeDue(this.now());
    const subscribeDue = due.subscribe.filter((u) => this.watched.has(u) && !this.inFlight.has(u));
    const readDue = due.read.filter((u) => this.watched.has(u));
    this.reschedule();
    await Promise.all([this.subscribeNow(subscribeDue), this.readNow(readDue)]);
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

  private clearTimer(name: 'reconnectTimer' | 'wakeTimer'): void {
    const id = this[name];
    if (id !== undefined) this.timers.clearTimeout(id);
    this[name] = undefined;
  }
}
