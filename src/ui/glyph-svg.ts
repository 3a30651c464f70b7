/**
 * How a glyph is drawn, apart from which one: its SVG (one path on a 16-unit grid, painted with
 * `currentColor`, `aria-hidden`: a visible text label always accompanies it), styled by the
 * GLYPH_CSS every stylesheet that shows glyphs includes (glyph-shapes.ts). Page badges draw the
 * shapes the worker sends (BadgeView), so the content script imports this module and never
 * status-glyph.ts with all the shapes.
 * Only `lit/html.js` is imported, so a content script using this does not pull in LitElement.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { GlyphShape } from './glyph-shapes';
import type { StatusTone } from './status-tones';

/** A glyph: `class="pl-glyph"`, with `data-tone` for its colour. */
export function glyphSvg(shape: GlyphShape, tone: StatusTone): TemplateResult {
  const lines = shape.outline ? 'pl-outline' : nothing;
  // prettier-ignore
  return html`<svg class="pl-glyph" data-tone=${tone} viewBox="0 0 16 16" aria-hidden="true"><path class=${lines} d=${shape.d} /></svg>`;
}
