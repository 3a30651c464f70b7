/** The popup's connection line: how the feed is doing, and how old the data is when not live. */
import { formatAge } from '../core/time-format';
import type { ConnectionInfo } from '../shared/connection';
import { phaseSentence } from '../ui/status-strings';

export interface ConnectionLine {
  readonly sentence: string;
  /** "" unless some contact shows last-known presence while the feed is not live. */
  readonly freshness: string;
}

export function connectionLine(
  connection: ConnectionInfo,
  showsLastKnown: boolean,
  lastKnownSavedAt: number,
  now: number,
): ConnectionLine {
  const sentence = phaseSentence(connection, now);
  if (connection.phase === 'live' || !showsLastKnown) return { sentence, freshness: '' };
  const freshness =
    lastKnownSavedAt > 0
      ? `Showing last known presence, updated ${formatAge(lastKnownSavedAt, now)}`
      : 'Showing last known presence';
  return { sentence, freshness };
}
