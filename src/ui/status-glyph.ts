/**
 * A distinct inline SVG shape per presence state, so status never rests on colour alone.
 * A plain lit-html template function (not a custom element): content scripts have no custom-element
 * registry and render these with lit-html `render` into their own shadow roots.
 *
 * Each glyph is one path on a 16-unit grid (glyph-svg.ts draws it). Its size, fill and line style
 * live in GLYPH_CSS, once, rather than on every shape, so every stylesheet that shows glyphs must
 * include GLYPH_CSS; each also colours the glyph by its `data-tone` (status-glyph-styles.ts,
 * background/page-styles.ts).
 */
import type { TemplateResult } from 'lit/html.js';
import type { PresenceStatus } from '../core/presence';
import { glyphSvg } from './glyph-svg';
import { GLYPH_SHAPES } from './glyph-shapes';
import { STATUS_TONES } from './status-tones';

/** The glyph for one state. */
export function statusGlyph(status: PresenceStatus): TemplateResult {
  return glyphSvg(GLYPH_SHAPES[status], STATUS_TONES[status]);
}
