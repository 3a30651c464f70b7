import { spawn } from 'node:child_process';
import WebSocket from 'ws';
import { DEMO_TOKEN } from '../../emulator/demo-token.js';
import type { EmulatorOptions, RunningEmulator } from '../../emulator/server.js';
import { startEmulator } from '../../emulator/server.js';

export type Json = Record<string, unknown> & { [key: string]: unknown };

export const TOKEN = DEMO_TOKEN;

/** A controllable clock for expiry tests. */
export function fakeClock(start = Date.parse('2025-03-03T09:00:00.000Z')) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

export interface Harness {
  emu: RunningEmulator;
  base: string;
  /** Authenticated JSON call; body is JSON-encoded unless it is already a string. */
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Json; headers: Headers }>;
  control(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  registerDevice(): Promise<{ url: string; webSocketUrl: string; id: string }>;
  addPerson(
    displayName: string,
    email: string,
    type?: string,
  ): Promise<{ id: string; uuid: string }>;
}

export async function harness(opts: EmulatorOptions = {}): Promise<Harness> {
  const emu = await startEmulator({ port: 0, ...opts });
  const base = emu.baseUrl;
  const raw = async (
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
  ) => {
    const res = await fetch(path.startsWith('http') ? path : base + path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body !== undefined
        ? { body: typeof body === 'string' ? body : JSON.stringify(body) }
        : {}),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: (text ? JSON.parse(text) : {}) as Json,
      headers: res.headers,
    };
  };
  const h: Harness = {
    emu,
    base,
    call: (method, path, body, headers = {}) =>
      raw(method, path, body, { authorization: `Bearer ${TOKEN}`, ...headers }),
    control: (method, path, body) => raw(method, path, body, {}),
    async registerDevice() {
      const res = await h.call('POST', '/wdm/api/v1/devices?includeUpstreamServices=all', {
        name: 'browser',
        deviceType: 'WEB',
      });
      const url = res.body.url as string;
      return { url, webSocketUrl: res.body.webSocketUrl as string, id: url.split('/').pop() ?? '' };
    },
    async addPerson(displayName, email, type) {
      const res = await h.control('POST', '/_emu/people', {
        displayName,
        emails: [email],
        ...(type ? { type } : {}),
      });
      if (res.status !== 201) throw new Error(`addPerson failed: ${JSON.stringify(res.body)}`);
      return { id: res.body.id as string, uuid: res.body.uuid as string };
    },
  };
  return h;
}

/** A websocket client that queues JSON messages so tests can await the next matching one. */
export class MercuryClient {
  readonly messages: Json[] = [];
  /** Every text frame as received, in order, JSON or not. */
  readonly frames: string[] = [];
  private waiters: { match: (m: Json) => boolean; resolve: (m: Json) => void }[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      this.frames.push(text);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return; // only in `frames`: a hand-made frame (POST /_emu/push) need not be JSON
      }
      if (typeof parsed !== 'object' || parsed === null) return; // likewise
      const msg = parsed as Json;
      this.messages.push(msg);
      this.waiters = this.waiters.filter((w) => (w.match(msg) ? (w.resolve(msg), false) : true));
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<MercuryClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${url}?outboundWireFormat=text&bufferStates=true`, { headers });
      const client = new MercuryClient(ws);
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  /** Opens and authenticates in-band, resolving after mercury.buffer_state. */
  static async connect(url: string, token = TOKEN): Promise<MercuryClient> {
    const client = await MercuryClient.open(url);
    client.send({ id: 'auth-1', type: 'authorization', data: { token: `Bearer ${token}` } });
    await client.next((m) => (m.data as Json | undefined)?.eventType === 'mercury.buffer_state');
    return client;
  }

  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }

  next(match: (m: Json) => boolean = () => true, timeoutMs = 2000): Promise<Json> {
    const seen = this.messages.find(match);
    if (seen) {
      this.messages.splice(this.messages.indexOf(seen), 1);
      return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('timed out waiting for a message')),
        timeoutMs,
      );
      this.waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          this.messages.splice(this.messages.indexOf(m), 1);
          resolve(m);
        },
      });
    });
  }

  /** Resolves with the next event envelope (an apheleia push). */
  nextEvent(timeoutMs?: number): Promise<Json> {
    return this.next(
      (m) => (m.data as Json | undefined)?.eventType === 'apheleia.subscription_update',
      timeoutMs,
    );
  }

  close(): void {
    this.ws.close();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once `condition()` holds, polling every 10 ms; rejects after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await sleep(10);
  }
}

/** Runs a script in a child Node (with tsx); its exit code, or 'hung' after 6 s, and its output. */
export async function runScript(
  file: string,
): Promise<{ code: number | null | 'hung'; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null | 'hung'>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve('hung');
    }, 6000);
    child.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  return { code, output };
}
