/**
 * The words the UI uses for presence states and for the link to Webex. One place, for
 * consistency; the words themselves are in the catalogue (`status_*` keys in messages.json).
 */
import type { PresenceStatus } from '../core/presence';
import type { ConnectionInfo } from '../shared/connection';
import { t } from './i18n';
import { clockText } from './time-text';

const STATUS_KEYS: Readonly<Record<PresenceStatus, string>> = {
  Unknown: 'status_unknown',
  Pending: 'status_pending',
  Active: 'status_active',
  Inactive: 'status_inactive',
  Dnd: 'status_dnd',
  Quiet: 'status_quiet',
  Busy: 'status_busy',
  OutOfOffice: 'status_out_of_office',
  Call: 'status_call',
  Meeting: 'status_meeting',
  Presenting: 'status_presenting',
  CalendarItem: 'status_calendar_item',
};

export function statusLabel(status: PresenceStatus): string {
  return t(STATUS_KEYS[status]);
}

/**
 * Every label, read once when this module loads (`chrome.i18n` answers synchronously in every
 * extension context). Prefer `statusLabel()`.
 */
export const STATUS_LABELS: Readonly<Record<PresenceStatus, string>> = Object.fromEntries(
  Object.keys(STATUS_KEYS).map((status) => [status, statusLabel(status as PresenceStatus)]),
) as Record<PresenceStatus, string>;

/** Shown after a status that comes from storage rather than the live feed. */
export const lastKnownMark = (): string => t('status_last_known');

/** `lastKnownMark()`, read once when this module loads. */
export const LAST_KNOWN_MARK = lastKnownMark();

const withReason = (sentence: string, reason: string) =>
  reason ? t('status_phase_with_reason', [sentence, reason]) : sentence;

/**
 * One sentence for the connection line: "Live", "Reconnecting in 8 s", "Updating every 75 s
 * (real-time unavailable: …)", "Offline since 14:05 — <why>", "Signed out — <why>".
 * `message` comes from the background, already a sentence.
 */
export function phaseSentence(
  connection: Pick<ConnectionInfo, 'phase' | 'message' | 'since' | 'retryAt'>,
  now: number,
): string {
  switch (connection.phase) {
    case 'live':
      return t('status_phase_live');
    case 'connecting':
      return t('status_phase_connecting');
    case 'reconnecting': {
      const left = connection.retryAt === undefined ? 0 : connection.retryAt - now;
      return left >= 1_000
        ? t('status_phase_reconnecting_in', String(Math.round(left / 1000)))
        : t('status_phase_reconnecting');
    }
    case 'polling':
      return connection.message || t('status_phase_polling');
    case 'signed-out':
      return connection.message
        ? withReason(t('status_phase_signed_out'), connection.message)
        : t('status_phase_signed_out_hint');
    case 'idle':
      return t('status_phase_idle');
    case 'error': {
      const at = connection.since > 0 ? clockText(connection.since) : '';
      const offline = at === '' ? t('status_phase_offline') : t('status_phase_offline_since', at);
      return withReason(offline, connection.message);
    }
  }
}
