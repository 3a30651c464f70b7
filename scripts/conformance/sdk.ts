/**
 * The official Webex JS SDK (webex-core with the device, mercury, presence, feature and metrics
 * plugins), loaded as CommonJS and given the few types the conformance run relies on. The full
 * `webex` package needs `window`; core plus these plugins run in Node.
 */
import { createRequire } from 'node:module';

export type Handler<T> = (payload: T) => void;

export interface PresenceStatus {
  subject: string;
  status: string;
  url?: string;
  statusTime?: string;
  expiresTTL?: number;
}

export interface SubscriptionResponse {
  subject: string;
  responseCode: number;
  subscriptionTtl?: number;
  status?: PresenceStatus;
}

/** What presence `updated` carries: a push, a worker fetch, or ids the worker forgot. */
export type PresenceUpdate =
  | { type: 'subscription'; payload: PresenceStatus }
  | { type: 'presence'; payload: { statusList: PresenceStatus[] } }
  | { type: 'delete'; payload: string[] };

export interface Emitter<Events> {
  /** Type-only (never set): names the events and their payloads for `nextEvent`/`record`. */
  readonly eventTypes?: Events;
  on<K extends keyof Events & string>(event: K, handler: Handler<Events[K]>): void;
  off<K extends keyof Events & string>(event: K, handler: Handler<Events[K]>): void;
}

export interface MercuryEvents {
  online: undefined;
  offline: unknown;
  'sequence-mismatch': number;
  'ping-pong-latency': number;
  'event:apheleia.subscription_update': { data: PresenceStatus };
}

export interface PresenceEvents {
  updated: PresenceUpdate;
}

export interface WebexSdk {
  readonly credentials: { getOrgId(): string };
  readonly internal: {
    readonly services: {
      get(name: string): string | undefined;
      /** Resolves when the named catalog group (preauth, postauth) has its services. */
      waitForCatalog(group: 'preauth' | 'postauth', timeoutSeconds: number): Promise<void>;
    };
    readonly device: {
      readonly registered: boolean;
      readonly url: string | undefined;
      readonly webSocketUrl: string | undefined;
      readonly userId: string | undefined;
      register(): Promise<void>;
      refresh(): Promise<void>;
      unregister(): Promise<void>;
    };
    readonly feature: {
      getFeature(
        keyType: 'developer' | 'entitlement' | 'user',
        key: string,
      ): Promise<boolean | number | string | null>;
    };
    readonly metrics: {
      submitClientMetrics(name: string, props?: { fields?: object; tags?: object }): Promise<void>;
    };
    readonly mercury: Emitter<MercuryEvents> & {
      readonly connected: boolean;
      connect(): Promise<void>;
      disconnect(): Promise<void>;
    };
    readonly presence: Emitter<PresenceEvents> & {
      isEnabled(): Promise<boolean | null>;
      get(personId: string): Promise<PresenceStatus>;
      list(personIds: string[]): Promise<{ statusList: PresenceStatus[] }>;
      subscribe(
        personIds: string[],
        ttlSeconds?: number,
      ): Promise<{ responses: SubscriptionResponse[] }>;
      unsubscribe(personIds: string[]): Promise<{ statusCode: number }>;
      /** Starts the presence worker: it listens to pushes and re-emits them as `updated`. */
      initializeWorker(): void;
      /** Watches a person: the worker fetches their presence (and later subscribes). */
      enqueue(personId: string): void;
      dequeue(personId: string): void;
    };
  };
}

export interface SdkOptions {
  baseUrl: string;
  token: string;
  pingIntervalMs: number;
  pongTimeoutMs: number;
  verbose: boolean;
  /** Receives every message the SDK logs as an error. */
  loggedErrors: string[];
}

const PLUGINS = [
  '@webex/internal-plugin-device',
  '@webex/internal-plugin-mercury',
  '@webex/internal-plugin-presence',
  '@webex/internal-plugin-feature',
  '@webex/internal-plugin-metrics',
];

type LogMethod = (...args: unknown[]) => void;

interface WebexCoreModule {
  default: new (attrs: object) => WebexSdk;
  registerPlugin(name: string, constructor: unknown, options?: { replace?: boolean }): void;
  WebexPlugin: { extend(definition: object): unknown };
}

/**
 * webex-core's own logger prints everything at debug level to the console. This one keeps
 * errors (they become part of a failing step's story) and prints everything when `verbose`.
 */
function registerLogger(core: WebexCoreModule, verbose: boolean, errors: string[]): void {
  const write =
    (level: string): LogMethod =>
    (...args) => {
      if (verbose) console.error(`[sdk ${level}]`, ...args);
    };
  const error: LogMethod = (...args) => {
    errors.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
    write('error')(...args);
  };
  const logger = core.WebexPlugin.extend({
    namespace: 'Logger',
    error,
    warn: write('warn'),
    info: write('info'),
    log: write('log'),
    debug: write('debug'),
    trace: write('trace'),
  });
  core.registerPlugin('logger', logger, { replace: true }); // over webex-core's console logger
}

/** Loads the SDK (plugins register themselves on require) and points it at the emulator. */
export function createSdk(options: SdkOptions): WebexSdk {
  const require = createRequire(import.meta.url);
  const core = require('@webex/webex-core') as WebexCoreModule;
  registerLogger(core, options.verbose, options.loggedErrors);
  for (const plugin of PLUGINS) require(plugin);
  return new core.default({
    credentials: { access_token: options.token },
    config: {
      services: {
        discovery: {
          u2c: `${options.baseUrl}/u2c/api/v1`,
          hydra: `${options.baseUrl}/v1`,
        },
        allowedDomains: ['127.0.0.1'],
      },
      mercury: { pingInterval: options.pingIntervalMs, pongTimeout: options.pongTimeoutMs },
      presence: { initializeWorker: false },
    },
  });
}
