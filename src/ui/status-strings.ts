/** The words the UI uses for presence states and for the link to Webex. One place, for consistency. */
import type { PresenceStatus } from '../core/presence';
import { formatClock } from '../core/time-format';
import type { ConnectionInfo } from '../shared/connection';

export const STATUS_LABELS: Readonly<Record<PresenceStatus, string>> = {
  Unknown: 'Unknown',
  Pending: 'Pending',
  Active: 'Active',
  Inactive: 'Inactive',
  Dnd: 'Do not disturb',
  Quiet: 'Quiet hours',
  Busy: 'Busy',
  OutOfOffice: 'Out of office',
  Call: 'In a call',
  Meeting: 'In a meeting',
  Presenting: 'Presenting',
  CalendarItem: 'Calendar event',
};

export function statusLabel(status: PresenceStatus): string {
  return STATUS_LABELS[status];
}

/** Shown after a status that comes from storage rather than the live feed. */
export const LAST_KNOWN_MARK = '(last known)';

/**
 * One sentence for the connection line: "Live", "Reconnecting in 8 s", "Updating every 75 s
 * (real-time unavailable: …)", "Offline since 14:05 — <why>", "Signed out — <why>".
 */
export function phaseSentence(
  connection: Pick<ConnectionInfo, 'phase' | 'message' | 'since' | 'retryAt'>,
  now: number,
): string {
  switch (connection.phase) {
    case 'live':
      return 'Live';
    case 'connecting':
      return 'Connecting…';
    case 'reconnecting': {
      const left = connection.retryAt === undefined ? 0 : connection.retryAt - now;
      return left >= 1_000 ? `Reconnecting in ${Math.round(left / 1000)} s` : 'Reconnecting…';
    }
    case 'polling':
      return connection.message || 'Updating by polling (real-time unavailable)';
    case 'signed-out':
      return connection.message
        ? `Signed out — ${connection.message}`
        : 'Signed out — open Options to connect';
    case 'idle':
      return 'Signed in, not connected';
    case 'error': {
      const at = connection.since > 0 ? formatClock(connection.since) : '';
      const offline = at === '' ? 'Offline' : `Offline since ${at}`;
      return connection.message ? `${offline} — ${connection.message}` : offline;
    }
  }
}
