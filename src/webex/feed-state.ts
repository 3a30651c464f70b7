/** The state of the real-time feed, as the UI shows it, and the reconnect schedule. */

export type FeedPhase = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'signed-out' | 'error';

export interface FeedState {
  readonly phase: FeedPhase;
  /** A sentence for the user: why it is not live, what happens next. */
  readonly message?: string;
  /** UTC ms when this phase began. */
  readonly since: number;
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 32_000;

/** Mercury's backoff (§2.4): 1, 2, 4, ... 32 s, no jitter; `failures` counts failed attempts. */
export function reconnectDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(FIRST_RETRY_MS * 2 ** (failures - 1), MAX_RETRY_MS);
}
