/**
 * Which Mercury socket is the feed's current one, and make-before-break (docs/protocol.md §4):
 * a socket to be replaced (shutdown notice, or its device moved) stays current, and keeps
 * carrying pushes, until its successor has authenticated. Only the current socket's gaps,
 * notices and closes reach the owner; a socket that is no longer (or not yet) current never
 * changes the feed's phase.
 */
import type { MercuryEnvelope } from './mercury-envelope';
import type { MercuryClose, WebSocketConstructor } from './mercury';
import { MercurySocket } from './mercury';
import type { Logger } from './log';
import type { Timers } from './timers';
import type { TokenAudience } from './token-audience';

export interface MercuryHandoverOptions {
  readonly WebSocket: WebSocketConstructor;
  readonly audience: TokenAudience;
  readonly pingIntervalMs?: number;
  readonly getToken: () => Promise<string>;
  readonly timers: Timers;
  readonly now: () => number;
  readonly log: Logger;
  /** A push from the current socket, its successor, or its retiring predecessor. */
  readonly onEvent: (envelope: MercuryEnvelope) => void;
  /** The current socket lost a push. */
  readonly onSequenceGap: (gap: { expected: number; received: number }) => void;
  /** The current socket got a shutdown notice. */
  readonly onShutdown: () => void;
  /** The current socket closed; `announced` when it had been retired (4001 is then expected). */
  readonly onClose: (close: MercuryClose, announced: boolean) => void;
}

export class MercuryHandover {
  private current: MercurySocket | undefined;
  private retiring = false;

  constructor(private readonly options: MercuryHandoverOptions) {}

  /** Whether the current socket is up and authenticated. */
  get isLive(): boolean {
    return this.current?.isAuthenticated === true;
  }

  get hasSocket(): boolean {
    return this.current !== undefined;
  }

  /** Whether the current socket is waiting for its replacement. */
  get isRetiring(): boolean {
    return this.retiring;
  }

  /**
   * A socket for this URL, not yet current: `connect()` it, then `takeOver()`. Once `run` is
   * aborted the socket closes and stays silent.
   */
  create(webSocketUrl: string, run: AbortSignal): MercurySocket {
    const { WebSocket, audience, pingIntervalMs, getToken, timers, now, log } = this.options;
    const socket: MercurySocket = new MercurySocket({
      webSocketUrl,
      WebSocket,
      audience,
      ...(pingIntervalMs === undefined ? {} : { pingIntervalMs }),
      signal: run,
      getToken,
      timers,
      now,
      log,
      onEvent: (envelope) => {
        if (!run.aborted) this.options.onEvent(envelope);
      },
      onSequenceGap: (gap) => {
        if (socket !== this.current) return;
        log('info', `Mercury sequence gap (expected ${gap.expected}, got ${gap.received})`);
        this.options.onSequenceGap(gap);
      },
      onShutdown: () => {
        if (socket === this.current) this.options.onShutdown();
      },
      onClose: (close) => {
        if (socket !== this.current) return;
        const announced = this.retiring;
        this.current = undefined;
        this.retiring = false;
        this.options.onClose(close, announced);
      },
      onInvalidFrame: (reason) => log('warn', reason),
    });
    return socket;
  }

  /** The current socket is to be replaced; it stays current until `takeOver()`. */
  retire(): void {
    this.retiring = this.current !== undefined;
  }

  /** The new socket becomes current; only now is the old one closed. */
  takeOver(socket: MercurySocket): void {
    const previous = this.current;
    this.current = socket;
    this.retiring = false;
    previous?.close(1000, 'done');
  }

  /**
   * Forgets the current socket without reporting it. Its run has been aborted, which closes it
   * and silences every socket of that run.
   */
  drop(): void {
    this.current = undefined;
    this.retiring = false;
  }
}
