import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import { WebSocketServer } from 'ws';
import type { PongMode } from './faults.js';
import { newTrackingId } from './http-error.js';
import { bearerToken } from './http.js';
import { MERCURY_REGISTRATIONS } from './paths.js';

const PATH_RE = new RegExp(`^${MERCURY_REGISTRATIONS}/([^/]+)/messages$`);
const AUTH_TIMEOUT_REASON =
  'authentication did not happen within the timeout window of 30000 seconds.';

interface MercurySocket {
  ws: WebSocket;
  deviceId: string;
  authorized: boolean;
  connectedAt: number;
  acks: string[];
  seq: number;
  authTimer?: NodeJS.Timeout;
}

export interface MercuryDeps {
  now(): number;
  acceptsToken(token: string): boolean;
  deviceExists(deviceId: string): boolean;
  deviceUrl(deviceId: string): string;
  pongMode(): PongMode;
  log(message: string): void;
  authTimeoutMs: number;
}

export interface SocketSummary {
  deviceUrl: string;
  authorized: boolean;
  connectedAt: string;
  acks: string[];
}

/** Whether `ws` may send this close code; 1005/1006 are emulated separately. */
export function isSendableCloseCode(code: number): boolean {
  return (
    (code >= 1000 && code <= 1014 && ![1004, 1005, 1006].includes(code)) ||
    (code >= 3000 && code <= 4999)
  );
}

/** The Mercury websocket: in-band or header auth, ping/pong, acks and event envelopes. */
export class MercuryHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  private readonly sockets = new Set<MercurySocket>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly deps: MercuryDeps) {}

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy()); // a reset before the handshake must not crash us
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const deviceId = PATH_RE.exec(path)?.[1];
    if (deviceId === undefined || !this.deps.deviceExists(deviceId)) {
      this.deps.log(`WS upgrade ${path} -> 404`);
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) =>
      this.accept(ws, deviceId, req.headers.authorization),
    );
  }

  private accept(ws: WebSocket, deviceId: string, authHeader: string | undefined): void {
    const s: MercurySocket = {
      ws,
      deviceId,
      authorized: false,
      connectedAt: this.deps.now(),
      acks: [],
      seq: 0,
    };
    this.sockets.add(s);
    this.deps.log(`WS open device=${deviceId}`);
    ws.on('error', (err) => this.deps.log(`WS error: ${err.message}`));
    ws.on('close', (code) => {
      clearTimeout(s.authTimer);
      this.sockets.delete(s);
      this.deps.log(`WS closed device=${deviceId} code=${code}`);
    });
    ws.on('message', (data) => this.onMessage(s, data));
    if (authHeader !== undefined) {
      this.authorize(s, bearerToken(authHeader));
      return;
    }
    s.authTimer = setTimeout(() => ws.close(1008, AUTH_TIMEOUT_REASON), this.deps.authTimeoutMs);
  }

  private authorize(s: MercurySocket, token: string | undefined): void {
    clearTimeout(s.authTimer);
    if (token === undefined || !this.deps.acceptsToken(token)) {
      s.ws.close(4401, 'authentication failed');
      return;
    }
    s.authorized = true;
    this.send(s, {
      id: randomUUID(),
      data: { eventType: 'mercury.buffer_state' },
      timestamp: this.deps.now(),
    });
  }

  private onMessage(s: MercurySocket, data: RawData): void {
    let msg: unknown;
    try {
      const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      msg = JSON.parse(buffer.toString('utf8'));
    } catch {
      this.deps.log('WS ignored a message that is not JSON');
      return;
    }
    if (typeof msg !== 'object' || msg === null) return;
    const { type, id, messageId } = msg as Record<string, unknown>;
    if (type === 'authorization' && !s.authorized) {
      this.authorize(s, bearerToken((msg as { data?: { token?: unknown } }).data?.token));
    } else if (type === 'ping') {
      this.pong(s, id);
    } else if (type === 'ack' && typeof messageId === 'string') {
      s.acks.push(messageId);
    }
  }

  private pong(s: MercurySocket, id: unknown): void {
    const mode = this.deps.pongMode();
    if (mode === 'drop') return;
    const pongId = mode === 'mismatch' ? `${String(id)}-mismatch` : id;
    this.send(s, { type: 'pong', id: pongId, sequenceNumber: this.nextSequence(s) });
  }

  /**
   * Like the real service, events and pongs take the socket's next sequence number from one counter:
   * the JS SDK expects every frame to carry the number after the one before it.
   */
  private nextSequence(s: MercurySocket): number {
    s.seq += 1;
    return s.seq;
  }

  private send(s: MercurySocket, message: object): void {
    if (s.ws.readyState === s.ws.OPEN) s.ws.send(JSON.stringify(message));
  }

  /** Pushes one event envelope to every authorized socket of the device. */
  sendEvent(deviceId: string, data: object): void {
    for (const s of this.sockets) {
      if (s.deviceId !== deviceId || !s.authorized) continue;
      const now = this.deps.now();
      this.send(s, {
        id: randomUUID(),
        data,
        timestamp: now,
        wsWriteTimestamp: now,
        trackingId: newTrackingId(),
        sequenceNumber: this.nextSequence(s),
        alertType: 'none',
        filterMessage: false,
      });
    }
  }

  /**
   * Sends `text` as one text frame, unchanged, to every authorized socket; answers how many.
   * No envelope and no sequence number: the socket's counter does not move.
   */
  sendRaw(text: string): number {
    let sent = 0;
    for (const s of this.sockets) {
      if (!s.authorized || s.ws.readyState !== s.ws.OPEN) continue;
      s.ws.send(text);
      sent += 1;
    }
    return sent;
  }

  /** 1006 is faked by dropping the TCP connection, 1005 by a close frame without a code. */
  closeAll(code: number, reason = ''): number {
    const all = [...this.sockets];
    for (const s of all) {
      if (code === 1006) s.ws.terminate();
      else if (code === 1005) s.ws.close();
      else s.ws.close(code, reason);
    }
    return all.length;
  }

  shutdownAll(afterMs: number): number {
    const all = [...this.sockets];
    for (const s of all) this.send(s, { type: 'shutdown' });
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      for (const s of all) s.ws.close(4001, 'shutdown');
    }, afterMs);
    this.timers.add(timer);
    return all.length;
  }

  skipSequence(): void {
    for (const s of this.sockets) s.seq += 1;
  }

  describe(): SocketSummary[] {
    return [...this.sockets].map((s) => ({
      deviceUrl: this.deps.deviceUrl(s.deviceId),
      authorized: s.authorized,
      connectedAt: new Date(s.connectedAt).toISOString(),
      acks: [...s.acks],
    }));
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const s of this.sockets) {
      clearTimeout(s.authTimer);
      s.ws.terminate();
    }
    this.sockets.clear();
    this.wss.close();
  }
}
