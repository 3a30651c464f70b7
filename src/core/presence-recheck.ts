/**
 * When a presence would change with no news from the server: its status expires ("DND until
 * 15:30"), or an Active person's last activity turns 10 minutes old. A source re-reads then, so a
 * lost push cannot leave a stale state on screen.
 */
import { ACTIVE_WINDOW_MS } from './composition';
import { PresenceStatus } from './presence';
import type { SourcePresence } from './presence-source';

/** The next time (UTC ms, after `now`) to re-read this presence, or undefined when none is due. */
export function presenceRecheckAt(presence: SourcePresence, now: number): number | undefined {
  const candidates: number[] = [];
  if (presence.expiresTime > now) candidates.push(presence.expiresTime);
  if (presence.status === PresenceStatus.Active && presence.lastActiveTime > 0) {
    const goesInactive = presence.lastActiveTime + ACTIVE_WINDOW_MS;
    if (goesInactive > now) candidates.push(goesInactive);
  }
  return candidates.length > 0 ? Math.min(...candidates) : undefined;
}
