/** The words the UI uses for presence states and for the link to Webex. One place, for consistency. */
import type { PresenceStatus } from '../core/presence';
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

/** One sentence for the connection line: "Live", "Reconnecting…", "Offline — <why>". */
export function phaseSentence(connection: Pick<ConnectionInfo, 'phase' | 'message'>): string {
  switch (connection.phase) {
    case 'live':
      return 'Live';
    case 'connecting':
      return 'Connecting…';
    case 'reconnecting':
      return 'Reconnecting…';
    case 'signed-out':
      return connection.message
        ? `Signed out — ${connection.message}`
        : 'Signed out — open Options to connect';
    case 'idle':
      return 'Signed in, not connected';
    case 'error':
      return connection.message ? `Offline — ${connection.message}` : 'Offline';
  }
}
