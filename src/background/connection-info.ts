/** What the connection line says (src/shared/connection.ts), made from the feed's state. */
import type { ConnectionInfo } from '../shared/connection';
import type { FeedState } from '../webex/feed-state';
import type { Credentials } from './credentials';

export function connectionInfoOf(
  { account, serverUrl }: Pick<Credentials, 'account' | 'serverUrl'>,
  state: FeedState,
): ConnectionInfo {
  return {
    phase: state.phase,
    message: state.message ?? '',
    since: state.since,
    // A rejected token means nobody is signed in any more, whatever the stored account says.
    account: state.phase === 'signed-out' ? null : account,
    serverUrl,
    ...(state.retryAt === undefined ? {} : { retryAt: state.retryAt }),
  };
}

export function signedOutAt(serverUrl: string, now: number): ConnectionInfo {
  return { phase: 'signed-out', message: '', since: now, account: null, serverUrl };
}

/** Already says "signed out" for this server, with nothing more to say. */
export function isSignedOutAt(current: ConnectionInfo, serverUrl: string): boolean {
  return (
    current.phase === 'signed-out' &&
    !current.account &&
    current.message === '' &&
    current.serverUrl === serverUrl
  );
}
