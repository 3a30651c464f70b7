/**
 * How a glyph is drawn, apart from which one: its SVG (one path on a 16-unit grid, painted with
 * `currentColor`, `aria-hidden`: a visible text label always accompanies it) and the CSS every
 * stylesheet that shows glyphs includes. Page badges draw the shapes the worker sends (BadgeView),
 * so the content script imports this module and never status-glyph.ts with all the shapes.
 * Only `lit/html.js` is imported, so a content script using this does not pull in LitElement.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { GlyphShape } from './glyph-shapes';
import type { StatusTone } from './status-tones';

/**
 * Sizing and painting for glyphs, as plain CSS text (a content script cannot take lit's
 * `css`): 1em square, filled and stroked in `currentColor`, lines only for `.pl-outline`. Every
 * stylesheet that shows glyphs includes this, and colours each `data-tone` itself.
 */
export const GLYPH_CSS =
  '.pl-glyph{width:1em;height:1em;flex:none;fill:currentColor;stroke:currentColor;' +
  'stroke-width:2;stroke-linecap:round;stroke-linejoin:round}' +
  '.pl-outline{fill:none}';

/** A glyph: `class="pl-glyph"`, with `data-tone` for its colour. */
export function glyphSvg(shape: GlyphShape, tone: StatusTone): TemplateResult {
  const lines = shape.outline ? 'pl-outline' : nothing;
  // prettier-ignore
  return html`<svg class="pl-glyph" data-tone=${tone} viewBox="0 0 16 16" aria-hidden="true"><path class=${lines} d=${shape.d} /></svg>`;
}
