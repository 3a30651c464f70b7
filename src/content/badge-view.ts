/**
 * What a badge and its card show. The words, name and email come ready-made from the worker
 * (BadgeView). All of it only ever reaches the DOM as lit-html text bindings or attribute
 * values, never as HTML.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { PresenceStatus } from '../core/presence';
import type { BadgeView } from '../shared/page-protocol';
// chrome.i18n directly (src/ui/i18n.ts is a few lines, no polyfill): fine on every page.
import { t } from '../ui/i18n';
import { statusGlyph } from '../ui/status-glyph';

export function badgeTemplate(view: BadgeView | undefined): TemplateResult {
  return html`<span class="chip">${statusGlyph(view?.status ?? PresenceStatus.Unknown)}</span>`;
}

/** `text` is what the badge follows on the page: the name until the worker's view arrives. */
export function cardTemplate(text: string, view: BadgeView | undefined): TemplateResult {
  // Until the worker's view arrives (a moment after the badge), the status is not known yet.
  const [status = t('status_unknown'), ...lines] = view?.lines ?? [];
  const name = view?.name ?? text;
  const chat = view?.email
    ? html`<a href=${`webexteams://im?email=${encodeURIComponent(view.email)}`}
        >${t('content_open_chat')}</a
      >`
    : nothing;
  return html`<div class="card" role="group" aria-label=${t('content_card_label', name)}>
    <p class="name">${name}</p>
    <p class="status">
      ${statusGlyph(view?.status ?? PresenceStatus.Unknown)}<span>${status}</span>
    </p>
    ${lines.map((line) => html`<p class="line">${line}</p>`)} ${chat}
  </div>`;
}
