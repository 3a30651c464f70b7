/**
 * The phases of the link to Webex: what the real-time feed reports (src/webex/feed-state.ts) and
 * what the UI shows and storage validates (src/shared/connection.ts).
 */
export const CONNECTION_PHASES = [
  'signed-out',
  'idle',
  'connecting',
  'live',
  'reconnecting',
  /** Real time is refused: presence comes from REST polling while real time is retried. */
  'polling',
  'error',
] as const;

export type ConnectionPhase = (typeof CONNECTION_PHASES)[number];
