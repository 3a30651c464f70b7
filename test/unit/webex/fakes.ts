import { WebexError } from '../../../src/webex/errors';
/** In-file fakes for the Webex client tests: a routing fetch, a WebSocket, and a manual clock. */
import type { FetchLike, ResponseLike } from '../../../src/webex/http';
import type { Timers } from '../../../src/webex/timers';

export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

export interface FakeReply {
  readonly status?: number;
  readonly body?: unknown;
  /** Sent as is (not JSON-encoded). */
  readonly raw?: string;
  readonly headers?: Record<string, string>;
}

type Handler = (request: RecordedRequest) => FakeReply | Promise<FakeReply>;

/** A tiny router: `on('POST', /subscriptions$/, handler)`; unmatched requests get a 404. */
export class FakeFetch {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: Array<{ method: string; path: RegExp; handler: Handler }> = [];

  on(method: string, path: RegExp, handler: Handler | FakeReply): this {
    this.routes.unshift({
      method,
      path,
      handler: typeof handler === 'function' ? handler : () => handler,
    });
    return this;
  }

  to(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.url.pathname));
  }

  readonly fetch: FetchLike = async (url, init) => {
    const headers = Object.fromEntries(
      Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [
        k.toLowerCase(),
        v,
      ]),
    );
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      url: new URL(url),
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    this.requests.push(request);
    const route = this.routes.find(
      (r) => r.method === request.method && r.path.test(request.url.pathname),
    );
    const reply = route
      ? await route.handler(request)
      : { status: 404, body: { message: 'no route' } };
    return response(reply);
  };
}

export function response(reply: FakeReply): ResponseLike {
  const headers = new Map(
    Object.entries(reply.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  const text = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  return {
    status: reply.status ?? 200,
    headers: { get: (name) => headers.get(name.toLowerCase()) ?? null },
    text: async () => text,
  };
}

/** Timers and a clock under the test's control. */
export class ManualClock implements Timers {
  time = Date.parse('2024-05-01T12:00:00Z');
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();

  readonly now = (): number => this.time;

  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++;
    this.pending.set(id, { at: this.time + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(id: unknown): void {
    this.pending.delete(id as number);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Runs due timers in order, letting promises settle in between. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      let next: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.pending) if (!next || entry[1].at < next[1].at) next = entry;
      if (!next || next[1].at > end) break;
      this.pending.delete(next[0]);
      this.time = Math.max(this.time, next[1].at);
      next[1].callback();
    }
    this.time = end;
    await settle();
  }
}

/** Lets chains of resolved promises run (fake fetch replies are immediate). */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A WebSocket double: the test plays the server through `serverSend` / `serverClose`. */
export class FakeWebSocket {
  static instances: FakeWebSocket[] = [];
  /** When set, new sockets answer auth with buffer_state and pings with pongs by themselves. */
  static autoServer = false;

  binaryType = 'blob';
  readyState = 0;
  onopen: unknown = null;
  onmessage: unknown = null;
  onclose: unknown = null;
  onerror: unknown = null;
  readonly sent: Array<Record<string, unknown>> = [];
  closedWith: { code?: number; reason?: string } | undefined;
  private seq = 0;

  constructor(readonly url: string) {
    FakeWebSocket.instances.push(this);
    queueMicrotask(() => this.open());
  }

  static reset(): void {
    FakeWebSocket.instances = [];
    FakeWebSocket.autoServer = false;
  }

  static get last(): FakeWebSocket {
    const socket = FakeWebSocket.instances.at(-1);
    if (!socket) throw new Error('no socket');
    return socket;
  }

  open(): void {
    this.readyState = 1;
    (this.onopen as (() => void) | null)?.();
  }

  send(data: string): void {
    const message = JSON.parse(data) as Record<string, unknown>;
    this.sent.push(message);
    if (!FakeWebSocket.autoServer) return;
    if (message['type'] === 'authorization') {
      this.serverSend({
        id: `buf-${this.url.length}`,
        data: { eventType: 'mercury.buffer_state' },
      });
    } else if (message['type'] === 'ping') {
      this.serverSend({ type: 'pong', id: message['id'] });
    }
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
    this.serverClose(code ?? 1005, reason ?? '');
  }

  serverSend(message: unknown): void {
    const data = typeof message === 'string' ? message : JSON.stringify(message);
    queueMicrotask(() => (this.onmessage as ((e: { data: unknown }) => void) | null)?.({ data }));
  }

  serverSendRaw(data: unknown): void {
    (this.onmessage as ((e: { data: unknown }) => void) | null)?.({ data });
  }

  /** A push envelope with the next sequence number. */
  push(data: Record<string, unknown>): void {
    this.serverSend({ id: `msg-${++this.seq}`, data, sequenceNumber: this.seq, timestamp: 1 });
  }

  serverClose(code: number, reason = ''): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    queueMicrotask(() =>
      (this.onclose as ((e: { code: number; reason: string }) => void) | null)?.({ code, reason }),
    );
  }

  ofType(type: string): Array<Record<string, unknown>> {
    return this.sent.filter((m) => m['type'] === type);
  }
}

/** The dev build's token audience: Webex domains and loopback. */
export const DEV_AUDIENCE = { allowLoopback: true } as const;

/** The WebexError a promise rejects with; anything else (or no failure) fails the test. */
export async function failure(promise: Promise<unknown>): Promise<WebexError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WebexError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}
