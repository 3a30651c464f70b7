/** What the one real-time presence feed (webex-presence-source.ts) is made with. */
import type { DeviceStoreLike } from './device-keeper';
import type { Endpoints } from './endpoints';
import type { FeedState } from './feed-state';
import type { FetchLike } from './http';
import type { Logger } from './log';
import type { WebSocketConstructor } from './mercury';
import type { RequestGate } from './request-gate';
import type { Timers } from './timers';
import type { TokenAudience } from './token-audience';

export interface WebexPresenceSourceOptions {
  readonly fetch: FetchLike;
  readonly WebSocket: WebSocketConstructor;
  readonly endpoints: Endpoints;
  /** Where the token may go (docs/protocol.md §2). */
  readonly audience: TokenAudience;
  readonly getToken: () => Promise<string>;
  readonly deviceStore: DeviceStoreLike;
  readonly onState?: (state: FeedState) => void;
  readonly now?: () => number;
  readonly timers?: Timers;
  readonly log?: Logger;
  /** For the reconnect jitter; `Math.random` by default. */
  readonly random?: () => number;
  /** Mercury's ping interval (the SDK's `mercury.pingInterval`, default 15 s). */
  readonly pingIntervalMs?: number;
  /** How long any one request may take (default 15 s). */
  readonly requestTimeoutMs?: number;
  /** Every watched person's presence is re-read once per this many ms (default 45 s). */
  readonly auditCycleMs?: number;
  /** The worker's one request gate, shared by all its clients (default: a gate of its own). */
  readonly gate?: RequestGate;
  /** Refresh the WDM device at least this often while connected (default 30 min). */
  readonly deviceRefreshMs?: number;
}
