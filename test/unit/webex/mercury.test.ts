import { afterEach, describe, expect, it } from 'vitest';
import type { MercuryEnvelope } from '../../../src/webex/mercury-envelope';
import { shouldReconnectAfterClose } from '../../../src/webex/mercury-envelope';
import type { MercuryClose } from '../../../src/webex/mercury';
import { MercurySocket } from '../../../src/webex/mercury';
import { normaliseClose } from '../../../src/webex/mercury-wire';
import { DEV_AUDIENCE, FakeWebSocket, ManualClock, settle } from './fakes';

const URL_ = 'wss://mercury.wbx2.com/v1/apps/wx2/registrations/r1/messages';
const TIMEOUT_REASON = 'authentication did not happen within the timeout window of 30000 seconds.';

function setup() {
  const clock = new ManualClock();
  const events: MercuryEnvelope[] = [];
  const closes: MercuryClose[] = [];
  const gaps: Array<{ expected: number; received: number }> = [];
  const invalid: string[] = [];
  let shutdowns = 0;
  let ids = 0;
  const socket = new MercurySocket({
    webSocketUrl: URL_,
    WebSocket: FakeWebSocket,
    audience: DEV_AUDIENCE,
    getToken: async () => 't1',
    timers: clock,
    now: clock.now,
    newId: () => `id-${++ids}`,
    onEvent: (e) => events.push(e),
    onClose: (c) => closes.push(c),
    onSequenceGap: (g) => gaps.push(g),
    onShutdown: () => shutdowns++,
    onInvalidFrame: (r) => invalid.push(r),
  });
  return { clock, socket, events, closes, gaps, invalid, shutdowns: () => shutdowns };
}

async function connected() {
  const t = setup();
  const done = t.socket.connect();
  await settle();
  FakeWebSocket.last.serverSend({ id: 'buf', data: { eventType: 'mercury.buffer_state' } });
  await done;
  return t;
}

afterEach(() => FakeWebSocket.reset());

describe('MercurySocket.connect', () => {
  it('adds the SDK query, authorizes in-band, and resolves on buffer_state', async () => {
    const t = setup();
    let resolved = false;
    const done = t.socket.connect().then(() => (resolved = true));
    await settle();
    const ws = FakeWebSocket.last;
    const url = new URL(ws.url);
    expect(url.searchParams.get('outboundWireFormat')).toBe('text');
    expect(url.searchParams.get('bufferStates')).toBe('true');
    expect(url.searchParams.get('aliasHttpStatus')).toBe('true');
    expect(url.searchParams.get('clientTimestamp')).toBe(String(t.clock.time));
    expect(ws.sent[0]).toMatchObject({
      id: 'id-1',
      type: 'authorization',
      data: { token: 'Bearer t1' },
    });
    ws.serverSend({ id: 'other', data: { eventType: 'conversation.activity' } });
    await settle();
    expect(resolved).toBe(false);
    ws.serverSend({ id: 'buf', data: { eventType: 'mercury.registration_status' } });
    await done;
    expect(t.socket.isAuthenticated).toBe(true);
    expect(ws.ofType('ping')).toEqual([{ id: 'id-2', type: 'ping' }]);
    expect(ws.ofType('ack').map((a) => a['messageId'])).toEqual(['other', 'buf']);
  });

  it.each([
    [4401, '', 'auth'],
    // docs/protocol.md §4.4: 1008 (and the 1005 aliases browsers report) is not proof of a dead
    // token; the owner checks it with one REST call.
    [1008, 'authentication failed', 'auth-unconfirmed'],
    [4400, '', 'forbidden'],
    [4403, '', 'forbidden'],
    [1006, '', 'network'],
    [1005, 'authentication failed', 'auth-unconfirmed'],
    [1005, TIMEOUT_REASON, 'auth-unconfirmed'],
  ])('rejects a close %i %j before auth as %s', async (code, reason, kind) => {
    const t = setup();
    const done = t.socket.connect();
    await settle();
    FakeWebSocket.last.serverClose(code, reason);
    await expect(done).rejects.toMatchObject({ kind });
    expect(t.closes).toEqual([]);
  });
});

describe('MercurySocket keepalive', () => {
  it('pings 15 s after each pong and acks pongs', async () => {
    const t = await connected();
    const ws = FakeWebSocket.last;
    ws.serverSend({ type: 'pong', id: 'id-2' });
    await t.clock.advance(14_999);
    expect(ws.ofType('ping')).toHaveLength(1);
    await t.clock.advance(1);
    expect(ws.ofType('ping')).toEqual([
      { id: 'id-2', type: 'ping' },
      { id: 'id-3', type: 'ping' },
    ]);
    expect(ws.ofType('ack').map((a) => a['messageId'])).toContain('id-2');
  });

  it('closes with "Pong not received" after 14 s, which asks for a reconnect', async () => {
    const t = await connected();
    await t.clock.advance(13_999);
    expect(FakeWebSocket.last.closedWith).toBeUndefined();
    await t.clock.advance(1);
    expect(FakeWebSocket.last.closedWith).toEqual({ code: 1000, reason: 'Pong not received' });
    expect(t.closes).toEqual([{ code: 1000, reason: 'Pong not received', shouldReconnect: true }]);
  });

  it('closes with "Pong mismatch" on a wrong pong id', async () => {
    const t = await connected();
    FakeWebSocket.last.serverSend({ type: 'pong', id: 'nope' });
    await settle();
    expect(t.closes).toEqual([{ code: 1000, reason: 'Pong mismatch', shouldReconnect: true }]);
  });

  it('reports a close even when the socket never confirms it', async () => {
    const t = await connected();
    const ws = FakeWebSocket.last;
    ws.close = (code, reason) => (ws.closedWith = { code, reason }); // a dead socket: no close event
    t.socket.close(1000, 'done');
    await t.clock.advance(2_000);
    expect(t.closes).toEqual([{ code: 1000, reason: 'done', shouldReconnect: false }]);
  });
});

describe('MercurySocket messages', () => {
  it('acks and emits events, merging headers into data', async () => {
    const t = await connected();
    FakeWebSocket.last.serverSend({
      id: 'm1',
      data: { eventType: 'apheleia.subscription_update', subject: 's', status: 'dnd' },
      headers: { 'data.status': 'call', 'data.extra.deep': 1 },
      sequenceNumber: 1,
      timestamp: 5,
    });
    await settle();
    expect(t.events).toEqual([
      {
        id: 'm1',
        data: {
          eventType: 'apheleia.subscription_update',
          subject: 's',
          status: 'call',
          extra: { deep: 1 },
        },
        timestamp: 5,
      },
    ]);
    expect(FakeWebSocket.last.ofType('ack').at(-1)).toEqual({ messageId: 'm1', type: 'ack' });
  });

  it('reports sequence gaps', async () => {
    const t = await connected();
    const ws = FakeWebSocket.last;
    for (const n of [1, 2, 4, 5])
      ws.serverSend({ id: `m${n}`, data: { eventType: 'x' }, sequenceNumber: n });
    await settle();
    expect(t.gaps).toEqual([{ expected: 3, received: 4 }]);
    expect(t.events).toHaveLength(4);
  });

  it('counts pongs in the sequence, as the server numbers every frame', async () => {
    const t = await connected();
    const ws = FakeWebSocket.last;
    let seq = 0;
    for (let cycle = 0; cycle < 4; cycle++) {
      ws.serverSend({ id: `e${cycle}`, data: { eventType: 'x' }, sequenceNumber: ++seq });
      const ping = ws.ofType('ping').at(-1);
      ws.serverSend({ type: 'pong', id: ping?.['id'], sequenceNumber: ++seq });
      await t.clock.advance(15_000);
    }
    expect(ws.ofType('ping')).toHaveLength(5);
    expect(t.gaps).toEqual([]);
    expect(t.closes).toEqual([]);
  });

  it('reports a gap between a pong and the next event', async () => {
    const t = await connected();
    const ws = FakeWebSocket.last;
    ws.serverSend({ type: 'pong', id: 'id-2', sequenceNumber: 7 });
    ws.serverSend({ id: 'm9', data: { eventType: 'x' }, sequenceNumber: 9 });
    await settle();
    expect(t.gaps).toEqual([{ expected: 8, received: 9 }]);
  });

  it('acks a frame with an id even when its body is unusable', async () => {
    const t = await connected();
    const ws = FakeWebSocket.last;
    ws.serverSendRaw(JSON.stringify({ id: 'bad-1', data: 'not an object' }));
    ws.serverSendRaw(JSON.stringify({ id: 'bad-2' }));
    await settle();
    expect(t.invalid).toHaveLength(2);
    expect(ws.ofType('ack').map((a) => a['messageId'])).toEqual(
      expect.arrayContaining(['bad-1', 'bad-2']),
    );
  });

  it('decodes binary frames and ignores invalid ones', async () => {
    const t = await connected();
    const ws = FakeWebSocket.last;
    const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    ws.serverSendRaw(Buffer.from(bytes({ id: 'b1', data: { eventType: 'one' } })));
    ws.serverSendRaw(bytes({ id: 'b2', data: { eventType: 'two' } }).buffer);
    ws.serverSendRaw(new Blob([bytes({ id: 'b3', data: { eventType: 'three' } })]));
    ws.serverSendRaw('{not json');
    ws.serverSendRaw('[1,2]');
    ws.serverSendRaw(42);
    await settle();
    expect(t.events.map((e) => e.data['eventType'])).toEqual(['one', 'two', 'three']);
    expect(t.invalid).toHaveLength(3);
  });

  it('passes a shutdown notice on', async () => {
    const t = await connected();
    FakeWebSocket.last.serverSend({ type: 'shutdown' });
    await settle();
    expect(t.shutdowns()).toBe(1);
  });

  it('reports closes after auth with the reconnect rule', async () => {
    const t = await connected();
    FakeWebSocket.last.serverClose(1006);
    await settle();
    expect(t.closes).toEqual([{ code: 1006, reason: '', shouldReconnect: true }]);
  });
});

describe('MercurySocket browser close codes (§2.3)', () => {
  it.each([
    [1005, 'replaced', 4000, false],
    [1005, 'authentication failed', 1008, false],
    [1005, TIMEOUT_REASON, 1008, false],
    [1005, '', 1005, true],
    [1005, 'something else', 1005, true],
  ])('reports %i %j after auth as %i (reconnect: %s)', async (code, reason, seen, reconnect) => {
    const t = await connected();
    FakeWebSocket.last.serverClose(code, reason);
    await settle();
    expect(t.closes).toEqual([{ code: seen, reason, shouldReconnect: reconnect }]);
  });
});

describe('normaliseClose', () => {
  it.each([
    [1005, 'replaced', 4000],
    [1005, 'authentication failed', 1008],
    [1005, TIMEOUT_REASON, 1008],
    [1005, '', 1005],
    [1000, 'replaced', 1000],
    [4000, 'authentication failed', 4000],
  ])('%i %j -> %i', (code, reason, expected) => {
    expect(normaliseClose(code, reason)).toBe(expected);
  });
});

describe('shouldReconnectAfterClose', () => {
  it.each([
    [1001, '', true],
    [1005, '', true],
    [1006, '', true],
    [1011, '', true],
    [1000, 'idle', true],
    [1000, 'Done (forced)', true],
    [3050, 'pong not received', true],
    [1000, 'Pong mismatch', true],
    [1000, 'bye', false],
    [4000, 'replaced', false],
    [4001, '', false],
    [1003, '', false],
    [4999, '', false],
  ])('%i %j -> %s', (code, reason, expected) => {
    expect(shouldReconnectAfterClose(code, reason)).toBe(expected);
  });
});

describe('MercurySocket trust and timeouts', () => {
  it('refuses a socket URL outside the Webex domains without opening anything', async () => {
    const socket = new MercurySocket({
      webSocketUrl: 'wss://mercury.evil.test/v1/apps/wx2/registrations/r1/messages',
      WebSocket: FakeWebSocket,
      audience: DEV_AUDIENCE,
      getToken: async () => 't1',
    });
    await expect(socket.connect()).rejects.toMatchObject({
      kind: 'refused-url',
      message: expect.stringContaining('wss://mercury.evil.test') as unknown,
    });
    expect(FakeWebSocket.instances).toHaveLength(0);
  });

  it('gives up a connect that is never confirmed after 20 s', async () => {
    const t = setup();
    const done = t.socket.connect();
    const failed = expect(done).rejects.toMatchObject({ kind: 'network' });
    await settle();
    await t.clock.advance(20_000);
    await failed;
    expect(FakeWebSocket.last.closedWith).toEqual({ code: 1000, reason: 'done' });
  });

  it('closes without a report when its run is aborted', async () => {
    const run = new AbortController();
    const closes: unknown[] = [];
    const socket = new MercurySocket({
      webSocketUrl: URL_,
      WebSocket: FakeWebSocket,
      audience: DEV_AUDIENCE,
      signal: run.signal,
      getToken: async () => 't1',
      onClose: (c) => closes.push(c),
    });
    const done = socket.connect();
    await settle();
    run.abort();
    await expect(done).rejects.toMatchObject({ kind: 'cancelled' });
    expect(FakeWebSocket.last.closedWith).toEqual({ code: 1000, reason: 'done' });
    expect(closes).toEqual([]);
  });
});
