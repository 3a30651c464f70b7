/**
 * The real WebexPresenceSource, with Node's fetch and the `ws` WebSocket, against the real
 * emulator on 127.0.0.1: one fresh emulator per test, its control API, and a feed to watch.
 */
import { afterEach, beforeEach } from 'vitest';
import WebSocket from 'ws';
import { startEmulator } from '../../../emulator/server';
import type { RunningEmulator } from '../../../emulator/server';
import type { SourcePresence } from '../../../src/core/presence-source';
import type { StoredDevice } from '../../../src/webex/device';
import { DEV_AUDIENCE } from './fakes';
import { resolveEndpoints } from '../../../src/webex/endpoints';
import type { FeedState } from '../../../src/webex/feed-state';
import type { WebexPresenceSourceOptions } from '../../../src/webex/source-options';
import { WebexPresenceSource } from '../../../src/webex/webex-presence-source';

export interface EmulatorStats {
  requests: Record<string, number>;
  subscriptions: Array<{ deviceUrl: string; subject: string; expiresAt: string }>;
  sockets: Array<{ deviceUrl: string; authorized: boolean; connectedAt: string }>;
  subscriptionCalls: Array<{ deviceUrl: string; subscriptionTtl: unknown; subjects: unknown[] }>;
  hosts: Record<string, number>;
  devices: { registered: number; rejected: number; deleted: number };
}

export interface Feed {
  readonly source: WebexPresenceSource;
  readonly presences: Array<[string, SourcePresence]>;
  readonly states: FeedState[];
  /**
   * What the feed did, in order: `POST /apheleia/api/v1/subscriptions` when a request is sent,
   * `presence <uuid> <status>` when a presence is emitted.
   */
  readonly timeline: string[];
  /** What the source logged, as `level: message`. */
  readonly logs: string[];
  stored(): StoredDevice | null;
}

/** The token, and the source options the SDK also lets you tune. */
export type SourceTuning = { token?: string } & Partial<
  Pick<
    WebexPresenceSourceOptions,
    'deviceRefreshMs' | 'pingIntervalMs' | 'requestTimeoutMs' | 'auditCycleMs'
  >
>;

export async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Starts an emulator before each test of the calling file and stops it, and its feeds, after. */
export function useEmulator() {
  let emulator: RunningEmulator | undefined;
  const sources: WebexPresenceSource[] = [];

  beforeEach(async () => {
    emulator = await startEmulator({ port: 0, tokens: ['t1'] });
  });

  afterEach(async () => {
    for (const source of sources.splice(0)) await source.stop();
    await emulator?.close();
    emulator = undefined;
  });

  const baseUrl = (): string => {
    if (emulator === undefined) throw new Error('The emulator is not running');
    return emulator.baseUrl;
  };

  async function control(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) {
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    }
    return response.json();
  }

  return {
    baseUrl,
    control,

    stats: async (): Promise<EmulatorStats> =>
      (await control('GET', '/_emu/stats')) as EmulatorStats,

    addPerson: async (n: number): Promise<{ id: string; uuid: string }> =>
      (await control('POST', '/_emu/people', {
        displayName: `Person ${n}`,
        emails: [`person${n}@example.com`],
      })) as { id: string; uuid: string },

    startSource(options: SourceTuning = {}): Feed {
      const endpoints = resolveEndpoints(baseUrl(), DEV_AUDIENCE);
      if (!endpoints.ok) throw new Error(endpoints.error);
      const presences: Array<[string, SourcePresence]> = [];
      const states: FeedState[] = [];
      const timeline: string[] = [];
      const logs: string[] = [];
      const { token, ...tuning } = options;
      let stored: StoredDevice | null = null;
      const source = new WebexPresenceSource({
        fetch: (url, init) => {
          timeline.push(`${init.method ?? 'GET'} ${new URL(url).pathname}`);
          return fetch(url, init);
        },
        WebSocket,
        endpoints: endpoints.value,
        audience: DEV_AUDIENCE,
        getToken: async () => token ?? 't1',
        deviceStore: {
          load: async () => stored,
          save: async (device) => {
            stored = device;
          },
        },
        onState: (s) => states.push(s),
        log: (level, message) => logs.push(`${level}: ${message}`),
        ...tuning,
      });
      sources.push(source);
      source.onPresence((uuid, presence) => {
        presences.push([uuid, presence]);
        timeline.push(`presence ${uuid} ${presence.status}`);
      });
      return { source, presences, states, timeline, logs, stored: () => stored };
    },
  };
}
