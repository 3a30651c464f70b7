/**
 * What a badge and its card say. Names and custom statuses come from the network and from the
 * page's own watch list: they only ever reach the DOM as lit-html text bindings or attribute
 * values, never as HTML.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { PresenceStatus, type Presence } from '../core/presence';
import type { PagePerson } from '../shared/page-people';
// chrome.i18n directly (src/ui/i18n.ts is a few lines, no polyfill): fine on every page.
import { t } from '../ui/i18n';
import { statusGlyph } from '../ui/status-glyph';
import { statusLabel } from '../ui/status-strings';
import { lastActiveText, untilText } from '../ui/time-text';

/** "Ana Silva: Do not disturb until 15:30, 'Focus time'". */
export function badgeLabel(name: string, presence: Presence, now: number): string {
  const until = untilText(presence.expiresTime, now);
  const status = statusLabel(presence.status);
  const label = t('content_badge_label', [
    name,
    until ? t('content_status_until', [status, until]) : status,
  ]);
  return presence.customStatus
    ? t('content_badge_with_custom', [label, presence.customStatus])
    : label;
}

export function badgeTemplate(presence: Presence): TemplateResult {
  return html`<span class="chip">${statusGlyph(presence.status)}</span>`;
}

const line = (text: string) => (text ? html`<p class="line">${text}</p>` : nothing);

export function cardTemplate(contact: PagePerson, presence: Presence, now: number) {
  const lastActive =
    presence.status === PresenceStatus.Active ? '' : lastActiveText(presence.lastActiveTime, now);
  const chat = contact.email
    ? html`<a href=${`webexteams://im?email=${encodeURIComponent(contact.email)}`}
        >${t('content_open_chat')}</a
      >`
    : nothing;
  const custom = presence.customStatus ? t('content_custom_status', presence.customStatus) : '';
  return html`<div class="card" role="group" aria-label=${t('content_card_label', contact.name)}>
    <p class="name">${contact.name}</p>
    <p class="status">
      ${statusGlyph(presence.status)}<span>${statusLabel(presence.status)}</span>
    </p>
    ${line(custom)} ${line(untilText(presence.expiresTime, now))} ${line(lastActive)} ${chat}
  </div>`;
}
