/**
 * What a badge and its card say. Names and custom statuses come from the network and from the
 * page's own watch list: they only ever reach the DOM as lit-html text bindings or attribute
 * values, never as HTML.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { PresenceStatus, type Presence } from '../core/presence';
import { formatLastActive, formatUntil } from '../core/time-format';
import type { PagePerson } from '../shared/page-protocol';
import { statusGlyph } from '../ui/status-glyph';
import { statusLabel } from '../ui/status-strings';

/** "Ana Silva: Do not disturb until 15:30, 'Focus time'". */
export function badgeLabel(name: string, presence: Presence, now: number): string {
  const until = formatUntil(presence.expiresTime, now);
  const custom = presence.customStatus ? `, '${presence.customStatus}'` : '';
  return `${name}: ${statusLabel(presence.status)}${until ? ` ${until}` : ''}${custom}`;
}

export function badgeTemplate(presence: Presence): TemplateResult {
  return html`<span class="chip">${statusGlyph(presence.status)}</span>`;
}

const line = (text: string) => (text ? html`<p class="line">${text}</p>` : nothing);

export function cardTemplate(contact: PagePerson, presence: Presence, now: number) {
  const lastActive =
    presence.status === PresenceStatus.Active ? '' : formatLastActive(presence.lastActiveTime, now);
  const chat = contact.email
    ? html`<a href=${`webexteams://im?email=${encodeURIComponent(contact.email)}`}>Open chat</a>`
    : nothing;
  return html`<div class="card" role="group" aria-label=${`Presence of ${contact.name}`}>
    <p class="name">${contact.name}</p>
    <p class="status">
      ${statusGlyph(presence.status)}<span>${statusLabel(presence.status)}</span>
    </p>
    ${line(presence.customStatus ? `“${presence.customStatus}”` : '')}
    ${line(formatUntil(presence.expiresTime, now))} ${line(lastActive)} ${chat}
  </div>`;
}
