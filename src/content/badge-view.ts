/**
 * What a badge and its card show. Every word, the name and the email come ready-made from the
 * worker (BadgeView): the page carries no catalogue. All of it only ever reaches the DOM as
 * lit-html text bindings or attribute values, never as HTML.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { BadgeView } from '../shared/page-protocol';
import { glyphSvg } from '../ui/glyph-svg';

/** Until the worker's view arrives (a moment after the badge), the chip is empty. */
export function badgeTemplate(view: BadgeView | undefined): TemplateResult {
  return html`<span class="chip">${view ? glyphSvg(view.glyph, view.tone) : nothing}</span>`;
}

/** `text` is what the badge follows on the page: the name until the worker's view arrives. */
export function cardTemplate(text: string, view: BadgeView | undefined): TemplateResult {
  if (!view) return html`<div class="card" role="group"><p class="name">${text}</p></div>`;
  const [status, ...lines] = view.lines;
  const chat = view.email
    ? html`<a href=${`webexteams://im?email=${encodeURIComponent(view.email)}`}>${view.chat}</a>`
    : nothing;
  return html`<div class="card" role="group" aria-label=${view.card}>
    <p class="name">${view.name}</p>
    <p class="status">${glyphSvg(view.glyph, view.tone)}<span>${status}</span></p>
    ${lines.map((line) => html`<p class="line">${line}</p>`)} ${chat}
  </div>`;
}
