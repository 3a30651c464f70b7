/**
 * One contact's presence as a lit-html template: name, glyph and label, custom status, when the
 * status ends and when the person was last active. A template function rather than an element, so
 * the content script can reuse it (it has no custom-element registry).
 *
 * Visually the parts sit side by side; hidden ", " separators make the text read as one sentence
 * to screen readers: "Ada Lovelace, Do not disturb, Focus time, until 15:30".
 * Test hooks: `data-part` = name, status-label, last-known, custom-status, until, last-active.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { PresenceStatus, type Presence } from '../core/presence';
import type { ContactEntry } from '../shared/contact-entry';
import { statusGlyph } from './status-glyph';
import { lastKnownMark, statusLabel } from './status-strings';
import { lastActiveText as activeAgo, untilText } from './time-text';

const separator = html`<span class="visually-hidden">, </span>`;

/** Last active matters for people who are away; for anyone else "active" is implied or unknown. */
function lastActiveText(presence: Presence, now: number): string {
  const relevant =
    presence.status === PresenceStatus.Inactive || presence.status === PresenceStatus.OutOfOffice;
  return relevant ? activeAgo(presence.lastActiveTime, now) : '';
}

function part(name: string, text: string): TemplateResult | typeof nothing {
  if (!text) return nothing;
  return html`${separator}<span class=${name} data-part=${name}>${text}</span>`;
}

/** Times are in the UI language (time-text.ts). */
export function contactRow(entry: ContactEntry, now: number): TemplateResult {
  const { contact, presence, source } = entry;
  const lastKnown =
    source === 'last-known'
      ? html` <span class="last-known" data-part="last-known">${lastKnownMark()}</span>`
      : nothing;
  const status = html`<span class="status"
    >${statusGlyph(presence.status)}<span class="status-label" data-part="status-label"
      >${statusLabel(presence.status)}</span
    >${lastKnown}</span
  >`;
  const until = untilText(presence.expiresTime, now);
  return html`<div class="contact-row" data-status=${presence.status} data-source=${source}>
    <span class="name" data-part="name">${contact.displayName}</span
    ><span class="details"
      >${separator}${status}${part('custom-status', presence.customStatus)}${part(
        'until',
        until,
      )}${part('last-active', lastActiveText(presence, now))}</span
    >
  </div>`;
}
