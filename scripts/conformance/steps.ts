/**
 * What the official SDK must get through against the emulator, in order. Each step states what
 * it checks; later steps build on the state earlier ones left in the context.
 */
import type { EmulatedPerson, EmulatorControl } from './emulator-control';
import { nextEvent, record, sleep } from './events';
import { check } from './report';
import type { PresenceStatus, PresenceUpdate, WebexSdk } from './sdk';

export interface Context {
  sdk: WebexSdk;
  emu: EmulatorControl;
  orgId: string;
  /** How long the socket must stay healthy, and how often to push a change meanwhile. */
  keepAliveMs: number;
  pushEveryMs: number;
  pingIntervalMs: number;
  people: EmulatedPerson[];
  deviceUrl: string;
  /** Stopped (and read) by the steps that judge the whole socket lifetime. */
  mismatches?: () => number[];
  offline?: () => unknown[];
  pongs: number;
  pushesSent: number;
  pushesSeen: number;
}

export interface Step {
  name: string;
  timeoutMs?: number;
  run(ctx: Context): Promise<string | void>;
}

const PUSH_TIMEOUT_MS = 5000;

const isPushFor =
  (subject: string, status?: string) =>
  (u: PresenceUpdate): boolean =>
    u.type === 'subscription' &&
    u.payload.subject === subject &&
    (status === undefined || u.payload.status === status);

function subjects(ctx: Context): string[] {
  return ctx.people.map((p) => p.uuid);
}

function first(ctx: Context): EmulatedPerson {
  const person = ctx.people[0];
  check(person, 'the emulator has no demo people');
  return person;
}

async function pushAndAwait(ctx: Context, subject: string, status: string): Promise<void> {
  const arrived = nextEvent(
    ctx.sdk.internal.presence,
    'updated',
    isPushFor(subject, status),
    PUSH_TIMEOUT_MS,
  );
  await ctx.emu.setStatus(subject, status);
  ctx.pushesSent += 1;
  await arrived;
  ctx.pushesSeen += 1;
}

export const STEPS: readonly Step[] = [
  {
    name: 'catalog: limited catalog collected without a token',
    async run({ sdk, emu }) {
      await sdk.internal.services.waitForCatalog('preauth', 8);
      const hits = await emu.requestCount('GET /u2c/api/v1/limited/catalog');
      check(hits > 0, 'the SDK never asked GET /u2c/api/v1/limited/catalog');
      return `${hits} request(s)`;
    },
  },
  {
    name: 'credentials: org id read from the token',
    async run({ sdk, orgId }) {
      const got = sdk.credentials.getOrgId();
      check(got === orgId, `getOrgId() gave ${got}, expected ${orgId}`);
      return got;
    },
  },
  {
    name: 'catalog: postauth catalog points every service at the emulator',
    async run({ sdk, emu }) {
      await sdk.internal.services.waitForCatalog('postauth', 8);
      for (const name of ['wdm', 'apheleia', 'hydra', 'metrics']) {
        const url = sdk.internal.services.get(name);
        check(url?.startsWith(emu.baseUrl), `service ${name} is ${String(url)}`);
      }
      return 'wdm, apheleia, hydra, metrics';
    },
  },
  {
    name: 'device: register',
    async run(ctx) {
      const { device } = ctx.sdk.internal;
      await device.register();
      check(device.registered, 'device.registered is false after register()');
      const url = device.url ?? '';
      check(url.startsWith(`${ctx.emu.baseUrl}/`), `device url is ${String(device.url)}`);
      check(device.webSocketUrl?.startsWith('ws://127.0.0.1'), 'no webSocketUrl');
      ctx.deviceUrl = url;
      return url;
    },
  },
  {
    name: 'feature: user-presence-enabled toggle on the device',
    async run({ sdk }) {
      const value = await sdk.internal.feature.getFeature('user', 'user-presence-enabled');
      check(value === true, `getFeature gave ${String(value)}`);
      check((await sdk.internal.presence.isEnabled()) === true, 'presence.isEnabled() is not true');
    },
  },
  {
    name: 'device: refresh keeps the registration',
    async run({ sdk, deviceUrl }) {
      await sdk.internal.device.refresh();
      check(sdk.internal.device.registered, 'not registered after refresh()');
      check(sdk.internal.device.url === deviceUrl, `url became ${String(sdk.internal.device.url)}`);
    },
  },
  {
    name: 'metrics: client metrics accepted',
    async run({ sdk, emu }) {
      await sdk.internal.metrics.submitClientMetrics('presence-lens.conformance', {
        fields: { step: 1 },
      });
      const hits = await emu.requestCount('POST /metrics/api/v1/clientmetrics');
      check(hits > 0, 'no POST /metrics/api/v1/clientmetrics reached the emulator');
      return `${hits} batch(es)`;
    },
  },
  {
    name: 'mercury: connect and authorize',
    async run(ctx) {
      const { mercury } = ctx.sdk.internal;
      ctx.mismatches = record(mercury, 'sequence-mismatch');
      ctx.offline = record(mercury, 'offline');
      await mercury.connect();
      check(mercury.connected, 'mercury.connected is false');
      const sockets = (await ctx.emu.stats()).sockets;
      check(
        sockets.some((s) => s.deviceUrl === ctx.deviceUrl && s.authorized),
        'the emulator has no authorized socket for the device',
      );
    },
  },
  {
    name: 'presence: worker initialized',
    async run({ sdk }) {
      sdk.internal.presence.initializeWorker();
      await sleep(50); // it attaches its mercury listener once connect() resolves
    },
  },
  {
    name: 'presence: subscribe',
    async run(ctx) {
      ctx.people = await ctx.emu.people();
      check(ctx.people.length >= 2, 'fewer than two demo people');
      const { responses } = await ctx.sdk.internal.presence.subscribe(subjects(ctx), 600);
      check(responses.length === ctx.people.length, `${responses.length} responses`);
      const bad = responses.filter((r) => r.responseCode !== 200 || r.status === undefined);
      check(bad.length === 0, `${bad.length} subscription(s) failed`);
      return `${responses.length} people`;
    },
  },
  {
    name: 'presence: a push arrives as an `updated` event',
    async run(ctx) {
      await pushAndAwait(ctx, first(ctx).uuid, 'meeting');
    },
  },
  {
    name: 'presence: get',
    async run(ctx) {
      const status: PresenceStatus = await ctx.sdk.internal.presence.get(first(ctx).uuid);
      check(status.subject === first(ctx).uuid, `subject ${status.subject}`);
      check(status.status === 'meeting', `status ${status.status}, expected meeting`);
    },
  },
  {
    name: 'presence: list',
    async run(ctx) {
      const { statusList } = await ctx.sdk.internal.presence.list(subjects(ctx));
      const got = new Set(statusList.map((s) => s.subject));
      const missing = subjects(ctx).filter((id) => !got.has(id));
      check(missing.length === 0, `${missing.length} people missing from the list`);
      check(
        statusList.every((s) => typeof s.status === 'string'),
        'a status without `status`',
      );
      return `${statusList.length} statuses`;
    },
  },
  {
    name: 'presence worker: watching a person fetches their presence',
    async run(ctx) {
      const person = ctx.people[1];
      check(person, 'no second demo person');
      const fetched = nextEvent(
        ctx.sdk.internal.presence,
        'updated',
        (u) => u.type === 'presence' && u.payload.statusList.some((s) => s.subject === person.uuid),
        PUSH_TIMEOUT_MS,
      );
      ctx.sdk.internal.presence.enqueue(person.uuid);
      await fetched;
    },
  },
  {
    name: 'mercury: ping/pong keeps the socket alive',
    timeoutMs: 0, // set from keepAliveMs by the runner
    async run(ctx) {
      const pongs = record(ctx.sdk.internal.mercury, 'ping-pong-latency');
      const statuses = ['active', 'call', 'dnd', 'meeting'];
      const until = Date.now() + ctx.keepAliveMs;
      for (let i = 0; Date.now() < until; i += 1) {
        const wait = Math.min(ctx.pushEveryMs, until - Date.now());
        await sleep(wait);
        if (Date.now() >= until) break;
        await pushAndAwait(ctx, first(ctx).uuid, statuses[i % statuses.length] ?? 'active');
      }
      ctx.pongs = pongs().length;
      const expected = Math.floor(ctx.keepAliveMs / ctx.pingIntervalMs) - 1;
      check(ctx.pongs >= expected, `${ctx.pongs} pongs, expected at least ${expected}`);
      check(ctx.sdk.internal.mercury.connected, 'mercury is no longer connected');
      return `${ctx.pongs} pongs`;
    },
  },
  {
    name: 'mercury: pushes between pongs all arrived',
    async run(ctx) {
      check(ctx.pushesSent >= 3, `only ${ctx.pushesSent} pushes were sent`);
      check(ctx.pushesSeen === ctx.pushesSent, `${ctx.pushesSeen}/${ctx.pushesSent} arrived`);
      return `${ctx.pushesSeen}/${ctx.pushesSent}`;
    },
  },
  {
    name: 'mercury: no sequence-mismatch',
    async run(ctx) {
      check(ctx.mismatches, 'mercury never connected');
      const seen = ctx.mismatches();
      check(
        seen.length === 0,
        `${seen.length} sequence-mismatch event(s); the first frame was numbered ${seen[0]}`,
      );
    },
  },
  {
    name: 'mercury: never went offline',
    async run(ctx) {
      check(ctx.offline, 'mercury never connected');
      const seen = ctx.offline();
      check(seen.length === 0, `${seen.length} offline event(s)`);
    },
  },
  {
    name: 'presence: unsubscribe',
    async run(ctx) {
      const res = await ctx.sdk.internal.presence.unsubscribe(subjects(ctx));
      check(res.statusCode === 200, `status ${res.statusCode}`);
      const live = (await ctx.emu.stats()).subscriptions.filter(
        (s) => s.deviceUrl === ctx.deviceUrl,
      );
      check(live.length === 0, `${live.length} subscription(s) still live`);
    },
  },
  {
    name: 'presence: no push after unsubscribe',
    async run(ctx) {
      const subject = first(ctx).uuid;
      const late = nextEvent(ctx.sdk.internal.presence, 'updated', isPushFor(subject), 1500);
      await ctx.emu.setStatus(subject, 'dnd');
      const arrived = await late.then(
        () => true,
        () => false,
      );
      check(!arrived, 'a push arrived for an unsubscribed person');
    },
  },
  {
    name: 'presence worker: stop watching',
    async run(ctx) {
      const person = ctx.people[1];
      check(person, 'no second demo person');
      ctx.sdk.internal.presence.dequeue(person.uuid);
    },
  },
  {
    name: 'mercury: disconnect',
    async run({ sdk }) {
      await sdk.internal.mercury.disconnect();
      check(!sdk.internal.mercury.connected, 'still connected');
    },
  },
  {
    name: 'device: unregister',
    async run({ sdk, emu, deviceUrl }) {
      await sdk.internal.device.unregister();
      check(!sdk.internal.device.registered, 'still registered');
      const path = new URL(deviceUrl).pathname.replace(/[^/]+$/, ':id');
      check((await emu.requestCount(`DELETE ${path}`)) === 1, 'no DELETE reached the emulator');
    },
  },
];
