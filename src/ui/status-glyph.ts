/**
 * A distinct inline SVG shape per presence state, so status never rests on colour alone.
 * A plain lit-html template function (not a custom element): content scripts have no custom-element
 * registry and render these with lit-html `render` into their own shadow roots.
 *
 * The glyph is `aria-hidden`: a visible text label always accompanies it. Each glyph is one path on
 * a 16-unit grid, painted with `currentColor`. Its size, fill and line style live in GLYPH_CSS, once,
 * rather than on every shape, so every stylesheet that shows glyphs must include GLYPH_CSS; each
 * also colours the glyph by its `data-tone` (status-glyph-styles.ts, content/badge-styles.ts).
 * Only `lit/html.js` is imported, so a content script using this does not pull in LitElement.
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit/html.js';
import type { PresenceStatus } from '../core/presence';
import { STATUS_TONES } from './status-tones';

/**
 * A filled shape. GLYPH_CSS also strokes it, two units wide with round corners, so the path runs
 * one unit inside the visible edge. A hole is a subpath wound the other way (nonzero fill rule).
 */
const solid = (d: string) => svg`<path d=${d} />`;
/** A line drawing: the same two-unit stroke with round ends and corners, not filled. */
const outline = (d: string) => svg`<path class="pl-outline" d=${d} />`;

/** A circle of radius 6 about the centre, drawn clockwise: a ring, or filled a disc of radius 7. */
const CIRCLE = 'M2 8a6 6 0 0 1 12 0A6 6 0 0 1 2 8z';

const SHAPES: Readonly<Record<PresenceStatus, SVGTemplateResult>> = {
  // Filled dot: here and available.
  Active: solid(CIRCLE),
  // Hollow ring: around, not at the keyboard.
  Inactive: outline(CIRCLE),
  // Disc with a bar cut out (the bar runs anticlockwise), the familiar no-entry sign.
  Dnd: solid(`${CIRCLE}M3 6v4h10V6z`),
  // Crescent moon.
  Quiet: solid('M7 2a6 6 0 1 0 7 8 5 5 0 0 1-7-8z'),
  // Clock face.
  Busy: outline(`${CIRCLE}M8 4.5V8l2.5 1.5`),
  // Ring with an arrow pointing away.
  OutOfOffice: outline(`${CIRCLE}M11 8H5m3-3L5 8l3 3`),
  // Telephone handset.
  Call: solid('M2 2h3l1 3-1.5 1.5a7 7 0 0 0 5 5L11 10l3 1v3A12 12 0 0 1 2 2z'),
  // Two people: heads and shoulders.
  Meeting: solid(
    'M5 3a1.5 1.5 0 0 1 0 3 1.5 1.5 0 0 1 0-3zm7 2a1 1 0 0 1 0 2 1 1 0 0 1 0-2z' +
      'M1.5 14a3.5 3.5 0 0 1 7 0zm8 0a2.5 2.5 0 0 1 5 0z',
  ),
  // Screen on a stand, with an upward arrow.
  Presenting: outline('M2 2.5h12v8H2zm6 8V14m-3 0h6M6 7l2-2 2 2'),
  // Calendar page with one day marked (a zero-length line, drawn as a dot by its round ends).
  CalendarItem: outline('M2 3h12v11H2zm0 4h12M5 1v3m6-3v3m-5.5 6.5h0'),
  // Hourglass: waiting for an answer.
  Pending: outline('M4 1.5h8L4 14.5h8z'),
  // Question mark.
  Unknown: outline('M5 5a3 3 0 1 1 4 2.8c-.7.3-1 .8-1 1.7M8 14h0'),
};

/**
 * Sizing and painting for `statusGlyph`, as plain CSS text (a content script cannot take lit's
 * `css`): 1em square, filled and stroked in `currentColor`, lines only for `.pl-outline`. Every
 * stylesheet that shows glyphs includes this, and colours each `data-tone` itself.
 */
export const GLYPH_CSS =
  '.pl-glyph{width:1em;height:1em;flex:none;fill:currentColor;stroke:currentColor;' +
  'stroke-width:2;stroke-linecap:round;stroke-linejoin:round}' +
  '.pl-outline{fill:none}';

/** The glyph for one state: `class="pl-glyph"`, with `data-tone` for its colour. */
export function statusGlyph(status: PresenceStatus): TemplateResult {
  // prettier-ignore
  return html`<svg class="pl-glyph" data-tone=${STATUS_TONES[status]} viewBox="0 0 16 16" aria-hidden="true">${SHAPES[status]}</svg>`;
}
