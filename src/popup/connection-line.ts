/** The popup's connection line: how the feed is doing, and how old the data is when not live. */
import type { ConnectionInfo } from '../shared/connection';
import { t } from '../ui/i18n';
import { phaseSentence } from '../ui/status-strings';
import { ageText } from '../ui/time-text';

export interface ConnectionLine {
  readonly sentence: string;
  /** "" unless some contact shows last-known presence while the feed is not live. */
  readonly freshness: string;
  /** Signed out: the line offers "Sign in". */
  readonly signIn: boolean;
  /** Stopped (another connection took over, or it failed): the line offers "Reconnect". */
  readonly reconnect: boolean;
}

export function connectionLine(
  connection: ConnectionInfo,
  showsLastKnown: boolean,
  lastKnownSavedAt: number,
  now: number,
): ConnectionLine {
  const sentence = phaseSentence(connection, now);
  const signIn = connection.phase === 'signed-out';
  const reconnect = connection.phase === 'error';
  if (connection.phase === 'live' || !showsLastKnown) {
    return { sentence, freshness: '', signIn, reconnect };
  }
  const freshness =
    lastKnownSavedAt > 0
      ? t('popup_freshness_age', ageText(lastKnownSavedAt, now))
      : t('popup_freshness');
  return { sentence, freshness, signIn, reconnect };
}
