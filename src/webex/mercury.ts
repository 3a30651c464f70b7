/**
 * One Mercury websocket (docs/protocol.md §4): in-band auth, ping/pong keepalive, an ack
 * for every message with an id, sequence-gap detection, and the close rules. Reconnecting is the
 * owner's job: this class reports `onClose({shouldReconnect})` and is then done.
 */
import { WebexError, accessToken, reasonOf } from './errors';
import { t } from '../ui/i18n';
import type { MercuryEnvelope } from './mercury-envelope';
import { eventTypeOf, parseFrame, shouldReconnectAfterClose } from './mercury-envelope';
import type { Logger } from './log';
import { silentLogger } from './log';
import type { TimerId, Timers } from './timers';
import { globalTimers } from './timers';
import type { TokenAudience } from './token-audience';
import { checkTokenUrl } from './token-audience';
import { connectCloseError, decodeBinary, mercuryUrl, normaliseClose } from './mercury-wire';

/**
 * What the client needs of a WebSocket; the browser's and the `ws` package's both fit.
 * The `on*` handlers are typed `unknown` because each implementation declares its own event
 * classes; we only ever assign them, with handlers for the event shapes both deliver.
 */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  onopen: unknown;
  onmessage: unknown;
  onclose: unknown;
  onerror: unknown;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

export interface MercuryClose {
  readonly code: number;
  readonly reason: string;
  readonly shouldReconnect: boolean;
}

export interface MercuryHandlers {
  onEvent?(envelope: MercuryEnvelope): void;
  onSequenceGap?(gap: { expected: number; received: number }): void;
  onShutdown?(): void;
  onClose?(close: MercuryClose): void;
  /** A frame that could not be used (not JSON, not an object); it was ignored, and not logged. */
  onInvalidFrame?(reason: string): void;
}

export interface MercuryOptions extends MercuryHandlers {
  readonly webSocketUrl: string;
  readonly WebSocket: WebSocketConstructor;
  /** Where the token may go: the socket URL comes from WDM and is checked before use. */
  readonly audience: TokenAudience;
  /** Aborting it closes the socket (or abandons the connect) without reporting a close. */
  readonly signal?: AbortSignal;
  /** The SDK's `mercury.pingInterval` (default `PING_INTERVAL_MS`). */
  readonly pingIntervalMs?: number;
  readonly getToken: () => Promise<string> | string;
  readonly timers?: Timers;
  readonly now?: () => number;
  readonly newId?: () => string;
  readonly log?: Logger;
}

export const PING_INTERVAL_MS = 15_000;
export const PONG_TIMEOUT_MS = 14_000;
const FORCE_CLOSE_DELAY_MS = 2_000;
/** Opening and authenticating may take this long; then the attempt is given up. */
const CONNECT_TIMEOUT_MS = 20_000;
const AUTH_EVENTS = new Set(['mercury.buffer_state', 'mercury.registration_status']);

export class MercurySocket {
  private socket: WebSocketLike | undefined;
  private authed = false;
  private closed = false;
  private pendingPingId: string | undefined;
  private pingTimer: TimerId | undefined;
  private pongTimer: TimerId | undefined;
  private forceCloseTimer: TimerId | undefined;
  private connectTimer: TimerId | undefined;
  private expectedSequence: number | undefined;
  private inbox: Promise<void> | undefined;
  private settle: { resolve: () => void; reject: (error: WebexError) => void } | undefined;
  private readonly timers: Timers;
  private readonly log: Logger;

  constructor(private readonly options: MercuryOptions) {
    this.timers = options.timers ?? globalTimers;
    this.log = options.log ?? silentLogger;
  }

  get isAuthenticated(): boolean {
    return this.authed && !this.closed;
  }

  /** Opens, authenticates, and resolves once Mercury confirms (buffer_state). */
  async connect(): Promise<void> {
    if (this.socket !== undefined) throw new Error('MercurySocket.connect() may be called once.');
    const allowed = checkTokenUrl(this.options.webSocketUrl, this.options.audience);
    if (!allowed.ok)
      throw new WebexError('refused-url', t('webex_error_socket_url', allowed.error));
    const signal = this.options.signal;
    const aborted = () => signal?.aborted === true;
    if (aborted()) throw cancelled();
    const token = await accessToken(this.options.getToken);
    if (aborted()) throw cancelled();
    const now = (this.options.now ?? Date.now)();
    return new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
      let socket: WebSocketLike;
      try {
        socket = new this.options.WebSocket(mercuryUrl(this.options.webSocketUrl, now));
      } catch (error) {
        this.settle = undefined;
        reject(new WebexError('network', t('webex_error_socket_open', reasonOf(error))));
        return;
      }
      this.socket = socket;
      signal?.addEventListener('abort', () => this.abandon(), { once: true });
      this.connectTimer = this.timers.setTimeout(() => {
        const seconds = String(CONNECT_TIMEOUT_MS / 1000);
        this.fail(new WebexError('network', t('webex_error_socket_unconfirmed', seconds)));
      }, CONNECT_TIMEOUT_MS);
      socket.binaryType = 'arraybuffer';
      const auth = { token: `Bearer ${token}` };
      socket.onopen = () => {
        this.send({
          id: this.newId(),
          type: 'authorization',
          data: auth,
          trackingId: `presence-lens_${now}`,
        });
      };
      socket.onmessage = (event: { data: unknown }) => this.receive(event.data);
      socket.onclose = (event: { code: number; reason: string }) =>
        this.handleClose(event.code, event.reason);
      socket.onerror = () => this.log('debug', 'Mercury socket error');
    });
  }

  /** The run ended: close without reporting, and reject a connect still waiting. */
  private abandon(): void {
    this.fail(cancelled());
  }

  /** Ends the socket for good: a pending connect rejects with `error`; no close is reported. */
  private fail(error: WebexError): void {
    if (this.closed) return;
    this.closed = true;
    this.stopKeepalive();
    this.clearTimer('connectTimer');
    const settle = this.settle;
    this.settle = undefined;
    if (this.socket !== undefined) {
      this.socket.onmessage = null;
      this.socket.onclose = null;
      try {
        this.socket.close(1000, 'done');
      } catch (closeError) {
        this.log('warn', 'Mercury close failed', closeError);
      }
    }
    settle?.reject(error);
  }

  /** Closes the socket; `onClose` still reports it (with shouldReconnect from the rules). */
  close(code = 1000, reason = 'done'): void {
    if (this.closed || this.socket === undefined) return;
    this.stopKeepalive();
    try {
      this.socket.close(code, reason);
    } catch (error) {
      this.log('warn', 'Mercury close failed', error);
    }
    // Browsers may never deliver a dead socket's close event (docs/protocol.md §4 forceCloseDelay).
    this.forceCloseTimer = this.timers.setTimeout(
      () => this.handleClose(code, reason),
      FORCE_CLOSE_DELAY_MS,
    );
  }

  private newId(): string {
    return (this.options.newId ?? (() => globalThis.crypto.randomUUID()))();
  }

  private send(message: unknown): void {
    try {
      this.socket?.send(JSON.stringify(message));
    } catch (error) {
      this.log('warn', 'Mercury send failed', error);
    }
  }

  private receive(data: unknown): void {
    if (typeof Blob !== 'undefined' && data instanceof Blob) {
      this.enqueue(data.text());
      return;
    }
    const text = typeof data === 'string' ? data : decodeBinary(data);
    if (this.inbox !== undefined) this.enqueue(Promise.resolve(text));
    else this.handleText(text);
  }

  /** Keeps frame order when a Blob has to be read asynchronously. */
  private enqueue(text: Promise<string | undefined>): void {
    const run = (this.inbox ?? Promise.resolve())
      .then(() => text)
      .then((value) => this.handleText(value))
      .catch((error: unknown) => this.log('warn', 'Mercury frame could not be read', error));
    this.inbox = run;
    void run.then(() => {
      if (this.inbox === run) this.inbox = undefined;
    });
  }

  private handleText(text: string | undefined): void {
    if (this.closed) return;
    if (text === undefined) {
      this.options.onInvalidFrame?.('A Mercury frame was neither text nor binary.');
      return;
    }
    const { id, sequenceNumber, frame } = parseFrame(text);
    // Acked before validation: a frame we cannot use must not be redelivered forever.
    if (id !== undefined) this.send({ messageId: id, type: 'ack' });
    this.countSequence(sequenceNumber);
    if (!frame.ok) {
      this.options.onInvalidFrame?.(frame.error);
      return;
    }
    if (frame.value.kind === 'control') this.handleControl(frame.value.type, id);
    else this.handleEnvelope(frame.value.envelope);
  }

  /**
   * Every frame counts, pongs included, as in the JS SDK's socket: the expected number follows
   * the last one received, and a frame without a number suspends the check (docs/protocol.md §4).
   * Gaps before authentication are not reported: going live reads everyone anyway.
   */
  private countSequence(received: number | undefined): void {
    const expected = this.expectedSequence;
    this.expectedSequence = received === undefined ? undefined : received + 1;
    if (received === undefined || expected === undefined || received === expected) return;
    if (this.authed) this.safely(() => this.options.onSequenceGap?.({ expected, received }));
  }

  private handleControl(type: string, id: string | undefined): void {
    if (type === 'pong') {
      // A pong nobody asked for changes nothing (and must not start a second ping timer).
      if (this.pendingPingId === undefined) return;
      if (id !== this.pendingPingId) {
        this.close(1000, 'Pong mismatch');
        return;
      }
      this.pendingPingId = undefined;
      this.clearTimer('pongTimer');
      const interval = this.options.pingIntervalMs ?? PING_INTERVAL_MS;
      this.pingTimer = this.timers.setTimeout(() => this.ping(), interval);
    } else if (type === 'shutdown') {
      this.safely(() => this.options.onShutdown?.());
    }
  }

  private handleEnvelope(envelope: MercuryEnvelope): void {
    if (envelope.type === 'shutdown') {
      this.handleControl('shutdown', envelope.id);
      return;
    }
    const eventType = eventTypeOf(envelope);
    if (!this.authed) {
      if (eventType === undefined || !AUTH_EVENTS.has(eventType)) return;
      this.authed = true;
      this.clearTimer('connectTimer');
      const settle = this.settle;
      this.settle = undefined;
      this.ping();
      settle?.resolve();
      return;
    }
    this.safely(() => this.options.onEvent?.(envelope));
  }

  private ping(): void {
    if (this.closed) return;
    const id = this.newId();
    this.pendingPingId = id;
    this.send({ id, type: 'ping' });
    this.clearTimer('pongTimer');
    this.pongTimer = this.timers.setTimeout(
      () => this.close(1000, 'Pong not received'),
      PONG_TIMEOUT_MS,
    );
  }

  private handleClose(rawCode: number, reason: string): void {
    if (this.closed) return;
    // Once, here, so the connect-close and the reconnect rules both see the normalised code.
    const code = normaliseClose(rawCode, reason);
    this.closed = true;
    this.stopKeepalive();
    this.clearTimer('forceCloseTimer');
    this.clearTimer('connectTimer');
    if (this.socket !== undefined) {
      this.socket.onmessage = null;
      this.socket.onclose = null;
    }
    const settle = this.settle;
    this.settle = undefined;
    if (settle !== undefined) {
      settle.reject(connectCloseError(code, reason));
      return;
    }
    const shouldReconnect = shouldReconnectAfterClose(code, reason);
    this.safely(() => this.options.onClose?.({ code, reason, shouldReconnect }));
  }

  private stopKeepalive(): void {
    this.clearTimer('pingTimer');
    this.clearTimer('pongTimer');
  }

  private clearTimer(name: 'pingTimer' | 'pongTimer' | 'forceCloseTimer' | 'connectTimer'): void {
    const id = this[name];
    if (id !== undefined) this.timers.clearTimeout(id);
    this[name] = undefined;
  }

  /** Handlers belong to the owner; one that throws must not break the socket. */
  private safely(run: () => void): void {
    try {
      run();
    } catch (error) {
      this.log('error', 'A Mercury handler threw', error);
    }
  }
}

function cancelled(): WebexError {
  return new WebexError('cancelled', 'The connection attempt was abandoned.');
}
