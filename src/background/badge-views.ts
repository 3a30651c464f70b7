/**
 * What a page's badges and card say about one contact (BadgeView, src/shared/page-protocol.ts),
 * composed here in the worker so that pages carry no status words, time formats or calendars:
 * the content script stays small, and every page says it the way the popup does.
 */
import { PresenceStatus, type Presence } from '../core/presence';
import type { BadgeView } from '../shared/page-protocol';
import type { PagePerson } from './page-contacts';
import { t } from '../ui/i18n';
import { GLYPH_SHAPES } from '../ui/glyph-shapes';
import { statusLabel } from '../ui/status-strings';
import { STATUS_TONES } from '../ui/status-tones';
import { lastActiveAtText, untilText } from '../ui/time-text';

/**
 * The view of `person` (key `key` in the page's revision) in `presence`; `now` is when the view
 * is made (it is not redone later).
 */
export function badgeView(
  key: string,
  person: PagePerson,
  presence: Presence,
  now: number,
): BadgeView {
  const { name, email } = person;
  const status = statusLabel(presence.status);
  const until = untilText(presence.expiresTime, now);
  const custom = presence.customStatus;
  // "Ana Silva: Do not disturb until 15:30, 'Focus time'"
  const label = t('content_badge_label', [
    name,
    until ? t('content_status_until', [status, until]) : status,
  ]);
  const lines = [status];
  if (custom) lines.push(t('content_custom_status', custom));
  if (until) lines.push(until);
  if (presence.status !== PresenceStatus.Active) {
    const lastActive = lastActiveAtText(presence.lastActiveTime, now);
    if (lastActive) lines.push(lastActive);
  }
  return {
    key,
    glyph: GLYPH_SHAPES[presence.status],
    tone: STATUS_TONES[presence.status],
    label: custom ? t('content_badge_with_custom', [label, custom]) : label,
    name,
    email,
    lines,
    card: t('content_card_label', name),
    chat: t('content_open_chat'),
  };
}
