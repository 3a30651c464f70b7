/**
 * The parts of the real-time feed (webex-presence-source.ts) and their wiring: the HTTP client
 * (through the worker's request gate), the read budget, the WDM device keeper, the Mercury
 * handover, the presence subscriptions and the REST fallback. The source decides what happens;
 * the hooks are how the parts reach it.
 */
import { DEFAULT_SUBSCRIPTION_TTL_S } from './apheleia';
import type { Catalog } from './catalog';
import { DEVICE_REFRESH_MS, DeviceKeeper } from './device-keeper';
import type { FeedStateReporter } from './feed-state';
import type { HttpClient } from './http';
import { createHttpClient } from './http';
import type { Logger } from './log';
import type { MercuryClose } from './mercury';
import { MercuryHandover } from './mercury-handover';
import { createPeopleApi, type PeopleApi } from './people-api';
import { PresenceSubscriptions } from './presence-subscriptions';
import { ReadBudget } from './read-budget';
import { RequestGate } from './request-gate';
import { RestFallback } from './rest-fallback';
import type { WebexPresenceSourceOptions } from './source-options';
import type { Timers } from './timers';

export interface SourceBasics {
  readonly timers: Timers;
  readonly now: () => number;
  readonly log: Logger;
  readonly feed: FeedStateReporter;
}

export interface SourceHooks {
  /** The current connection run's signal. */
  readonly runSignal: () => AbortSignal;
  readonly catalog: () => Catalog | undefined;
  readonly signOut: (message: string) => void;
  readonly refreshDevice: () => void;
  readonly replaceSocket: () => void;
  readonly socketClosed: (close: MercuryClose, announced: boolean) => void;
}

export interface SourceParts {
  readonly http: HttpClient;
  readonly devices: DeviceKeeper;
  readonly sockets: MercuryHandover;
  readonly subscriptions: PresenceSubscriptions;
  readonly fallback: RestFallback;
  /** The People API at the catalog's Hydra (the server's own before the catalog is known). */
  readonly people: () => PeopleApi;
}

export function createSourceParts(
  options: WebexPresenceSourceOptions,
  { timers, now, log, feed }: SourceBasics,
  hooks: SourceHooks,
): SourceParts {
  // The parts call one another only later, from events: a closure may name a part made after it.
  const watching = (): PresenceSubscriptions => subscriptions;
  const http = createHttpClient({
    fetch: options.fetch,
    getToken: options.getToken,
    deviceUrl: () => devices.current?.url,
    audience: options.audience,
    signal: hooks.runSignal,
    gate: options.gate ?? new RequestGate(timers, now),
    ...(options.requestTimeoutMs === undefined ? {} : { timeoutMs: options.requestTimeoutMs }),
  });
  const people = () =>
    createPeopleApi(http, hooks.catalog()?.hydra ?? options.endpoints.hydraBaseUrl);
  const budget = new ReadBudget(now, () => watching().watchedCount);
  const fallback = new RestFallback({
    timers,
    now,
    log,
    budget,
    feed,
    people,
    watched: () => watching().watchedList,
    emit: (uuid, presence) => watching().report(uuid, presence),
    subscriptionsFailingSince: () => watching().failingSince,
    signOut: (error) => hooks.signOut(error.message),
  });
  const devices = new DeviceKeeper({
    http,
    store: options.deviceStore,
    timers,
    now,
    log,
    refreshMs: options.deviceRefreshMs ?? DEVICE_REFRESH_MS,
    onRefreshDue: hooks.refreshDevice,
  });
  const sockets = new MercuryHandover({
    WebSocket: options.WebSocket,
    audience: options.audience,
    ...(options.pingIntervalMs === undefined ? {} : { pingIntervalMs: options.pingIntervalMs }),
    getToken: options.getToken,
    timers,
    now,
    log,
    onEvent: (envelope) => watching().handleEnvelope(envelope),
    onSequenceGap: () => watching().readAllAfterGap(),
    onShutdown: hooks.replaceSocket,
    onClose: hooks.socketClosed,
  });
  const subscriptions: PresenceSubscriptions = new PresenceSubscriptions({
    http,
    timers,
    log,
    now,
    ttl: DEFAULT_SUBSCRIPTION_TTL_S,
    budget,
    ...(options.auditCycleMs === undefined ? {} : { auditCycleMs: options.auditCycleMs }),
    apheleiaBase: () => hooks.catalog()?.apheleia,
    isLive: () => sockets.isLive,
    runSignal: hooks.runSignal,
    signOut: hooks.signOut,
  });
  return { http, devices, sockets, subscriptions, fallback, people };
}
