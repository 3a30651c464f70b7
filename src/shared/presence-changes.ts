/**
 * The worker -> popup change channel, carried over the UI port (`UI_PORT_NAME`). A page that wants
 * presence changes posts `FOLLOW_PRESENCE` on its port; the worker then answers with the recent
 * changes (so nothing set between the page's `storage.session` read and its subscription is lost)
 * and, from then on, only what changed: `{changed: {contactId: Presence}, removed: [contactId]}`.
 * The same port says when the connection or the watch list changed, so the popup needs no
 * `storage.onChanged` listener (which would copy every large write of every item into it).
 * Both ends validate: the worker accepts only the follow request, the page parses every message.
 */
import { isRecord, isStringArray } from '../core/json-guards';
import { err, ok, type Result } from '../core/result';
import { parseConnectionInfo, type ConnectionInfo } from './connection';
import { parsePresenceMap, type PresenceMap } from './presence-map';

export const FOLLOW_PRESENCE = { type: 'followPresence' } as const;

export interface PresenceChanges {
  readonly type: 'presenceChanges';
  /** The new presence of each contact that changed. */
  readonly changed: PresenceMap;
  /** Contacts the worker no longer holds presence for (unwatched, or signed out). */
  readonly removed: readonly string[];
}

export function presenceChanges(
  changed: PresenceMap,
  removed: readonly string[] = [],
): PresenceChanges {
  return { type: 'presenceChanges', changed, removed };
}

export function isFollowPresence(raw: unknown): boolean {
  return isRecord(raw) && raw.type === FOLLOW_PRESENCE.type;
}

export function parsePresenceChanges(raw: unknown): Result<PresenceChanges> {
  if (!isRecord(raw) || raw.type !== 'presenceChanges') return err('not a presence change');
  const changed = parsePresenceMap(raw.changed);
  if (!changed.ok) return err(`presence change: ${changed.error}`);
  for (const [id, presence] of Object.entries(changed.value)) {
    if (presence.contactId !== id) return err(`presence change: ${id} carries another contact`);
  }
  const removed = raw.removed ?? [];
  if (!isStringArray(removed)) return err('presence change: removed must be a list of ids');
  return ok(presenceChanges(changed.value, removed));
}

export interface ConnectionChanged {
  readonly type: 'connectionChanged';
  readonly connection: ConnectionInfo;
}

/** The watch list was written: read it again (it is large; the message does not carry it). */
export interface WatchListChanged {
  readonly type: 'watchListChanged';
}

export type FollowerMessage = PresenceChanges | ConnectionChanged | WatchListChanged;

export function parseFollowerMessage(raw: unknown): Result<FollowerMessage> {
  if (!isRecord(raw)) return err('a message must be an object');
  switch (raw.type) {
    case 'presenceChanges':
      return parsePresenceChanges(raw);
    case 'connectionChanged': {
      const connection = parseConnectionInfo(raw.connection);
      return connection.ok
        ? ok({ type: 'connectionChanged', connection: connection.value })
        : err(`connection change: ${connection.error}`);
    }
    case 'watchListChanged':
      return ok({ type: 'watchListChanged' });
    default:
      return err('not a message for followers');
  }
}
