/** A fake Webex (catalog, WDM, Apheleia) and a source wired to it, for the source's unit tests. */
import { personIdToUuid } from '../../../src/core/hydra-id';
import type { SourcePresence } from '../../../src/core/presence-source';
import type { StoredDevice } from '../../../src/webex/device';
import type { FeedState } from '../../../src/webex/feed-state';
import { WebexPresenceSource } from '../../../src/webex/webex-presence-source';
import type { FakeReply, RecordedRequest } from './fakes';
import { DEV_AUDIENCE, FakeFetch, FakeWebSocket, ManualClock } from './fakes';

export const ORIGIN = 'http://127.0.0.1:8787';
export const APHELEIA = `${ORIGIN}/apheleia/api/v1`;
export const A = 'aaaaaaaa-0000-4000-8000-000000000001';
export const B = 'bbbbbbbb-0000-4000-8000-000000000002';
export const C = 'cccccccc-0000-4000-8000-000000000003';

export interface Server {
  fake: FakeFetch;
  /** Per-subject reply for subscribe calls; default 200 with TTL 600 and an active status. */
  subscribeReply: (subject: string, ttl: number) => Record<string, unknown>;
  status: Map<string, Record<string, unknown>>;
  /** The People API's `status` per UUID (REST spelling); 'active' when not set. */
  restStatus: Map<string, string>;
}

/** Device `d<n>` has the socket URL `.../registrations/r<n>/messages`. */
export function socketUrlOf(n: number | string): string {
  return `ws://127.0.0.1:8787/v1/apps/wx2/registrations/r${n}/messages`;
}

/** WDM's answer to a device refresh (PUT) of a device it knows. */
export function refreshReply(request: RecordedRequest): FakeReply {
  return {
    body: {
      url: request.url.origin + request.url.pathname,
      webSocketUrl: socketUrlOf(/d(\d+)$/.exec(request.url.pathname)?.[1] ?? ''),
      userId: 'me',
    },
  };
}

/** Apheleia's answer to `POST subscriptions`, subject by subject from `server.subscribeReply`. */
export function subscriptionsReply(server: Server, request: RecordedRequest): FakeReply {
  const body = request.body as { subjects: string[]; subscriptionTtl: number };
  return {
    body: { responses: body.subjects.map((s) => server.subscribeReply(s, body.subscriptionTtl)) },
  };
}

export function fakeServer(): Server {
  let devices = 0;
  const server: Server = {
    fake: new FakeFetch(),
    status: new Map(),
    restStatus: new Map(),
    subscribeReply: (subject, ttl) => ({
      subject,
      responseCode: 200,
      subscriptionTtl: ttl,
      ...(ttl > 0 ? { status: server.status.get(subject) ?? { subject, status: 'active' } } : {}),
    }),
  };
  server.fake
    .on('GET', /\/u2c\/api\/v1\/catalog$/, {
      body: {
        serviceLinks: { wdm: `${ORIGIN}/wdm/api/v1`, apheleia: APHELEIA, hydra: `${ORIGIN}/v1` },
      },
    })
    .on('POST', /\/wdm\/api\/v1\/devices$/, () => {
      devices++;
      return {
        body: {
          url: `${ORIGIN}/wdm/api/v1/devices/d${devices}`,
          webSocketUrl: socketUrlOf(devices),
          userId: 'me',
        },
        headers: { etag: `E${devices}` },
      };
    })
    .on('PUT', /\/devices\/d\d+$/, refreshReply)
    .on('GET', /\/v1\/people\/[^/]+$/, (r) => {
      const id = decodeURIComponent(r.url.pathname.split('/').at(-1) ?? '');
      const uuid = personIdToUuid(id);
      if (!uuid.ok) return { status: 404, body: { message: 'no such person' } };
      return {
        body: {
          id,
          emails: [`${uuid.value}@example.com`],
          displayName: uuid.value,
          status: server.restStatus.get(uuid.value) ?? 'active',
          lastActivity: new Date().toISOString(),
        },
      };
    })
    .on('POST', /\/subscriptions$/, (r) => subscriptionsReply(server, r))
    .on('POST', /\/compositions$/, (r) => ({
      body: {
        statusList: (r.body as { subjects: string[] }).subjects.map(
          (s) => server.status.get(s) ?? { subject: s, status: 'active' },
        ),
      },
    }));
  return server;
}

export function setup(
  options: { stored?: StoredDevice | null; server?: Server; auditCycleMs?: number } = {},
) {
  const server = options.server ?? fakeServer();
  const clock = new ManualClock();
  const states: FeedState[] = [];
  const presences: Array<[string, SourcePresence]> = [];
  const saved: Array<StoredDevice | null> = [];
  const logs: string[] = [];
  let stored = options.stored ?? null;
  const source = new WebexPresenceSource({
    fetch: server.fake.fetch,
    WebSocket: FakeWebSocket,
    endpoints: {
      u2cBaseUrl: `${ORIGIN}/u2c/api/v1`,
      hydraBaseUrl: `${ORIGIN}/v1`,
      revokeUrl: `${ORIGIN}/idb/oauth2/v1/revoke`,
    },
    audience: DEV_AUDIENCE,
    random: () => 0.5,
    // Off unless a test is about it: its reads would blur the exact read counts asserted here.
    auditCycleMs: options.auditCycleMs ?? 24 * 3_600_000,
    getToken: async () => 't1',
    deviceStore: {
      load: async () => stored,
      save: async (d) => {
        saved.push(d);
        stored = d;
      },
    },
    onState: (s) => states.push(s),
    now: clock.now,
    timers: clock,
    log: (level, message) => logs.push(`${level}: ${message}`),
  });
  source.onPresence((uuid, p) => presences.push([uuid, p]));
  const subscribeCalls = () =>
    server.fake
      .to('POST', /\/subscriptions$/)
      .map((r: RecordedRequest) => r.body as { subjects: string[]; subscriptionTtl: number });
  const phases = () => states.map((s) => s.phase);
  return { server, clock, source, states, phases, presences, saved, subscribeCalls, logs };
}

/** A promise the test settles by hand, to hold a fake reply back. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
