/**
 * The shape of each presence state's glyph, as data: one path on a 16-unit grid (glyph-svg.ts
 * draws it), and the CSS that sizes and paints it. Plain data with no imports, so the worker
 * (which has no DOM, and must not load lit-html) can send page badges their shapes (BadgeView)
 * and styles, and pages carry none.
 */
import type { PresenceStatus } from '../core/presence';

/**
 * Sizing and painting for glyphs, as plain CSS text (a content script cannot take lit's
 * `css`): 1em square, filled and stroked in `currentColor`, lines only for `.pl-outline`. Every
 * stylesheet that shows glyphs includes this, and colours each `data-tone` itself.
 */
export const GLYPH_CSS =
  '.pl-glyph{width:1em;height:1em;flex:none;fill:currentColor;stroke:currentColor;' +
  'stroke-width:2;stroke-linecap:round;stroke-linejoin:round}' +
  '.pl-outline{fill:none}';

/** One glyph: a path on the 16-unit grid, filled or drawn as lines. */
export interface GlyphShape {
  readonly d: string;
  /** Lines only (`.pl-outline`), not filled. */
  readonly outline: boolean;
}

// `outline: false` is a filled shape: GLYPH_CSS also strokes it, two units wide with round
// corners, so its path runs one unit inside the visible edge, and a hole is a subpath wound the
// other way (nonzero fill rule). `outline: true` is a line drawing with the same stroke, not filled.

/** A circle of radius 6 about the centre, drawn clockwise: a ring, or filled a disc of radius 7. */
const CIRCLE = 'M2 8a6 6 0 0 1 12 0A6 6 0 0 1 2 8z';

/** Every state's shape: the worker sends page badges theirs (BadgeView), pages carry none. */
export const GLYPH_SHAPES: Readonly<Record<PresenceStatus, GlyphShape>> = {
  // Filled dot: here and available.
  Active: { d: CIRCLE, outline: false },
  // Hollow ring: around, not at the keyboard.
  Inactive: { d: CIRCLE, outline: true },
  // Disc with a bar cut out (the bar runs anticlockwise), the familiar no-entry sign.
  Dnd: { d: `${CIRCLE}M3 6v4h10V6z`, outline: false },
  // Crescent moon.
  Quiet: { d: 'M7 2a6 6 0 1 0 7 8 5 5 0 0 1-7-8z', outline: false },
  // Clock face.
  Busy: { d: `${CIRCLE}M8 4.5V8l2.5 1.5`, outline: true },
  // Ring with an arrow pointing away.
  OutOfOffice: { d: `${CIRCLE}M11 8H5m3-3L5 8l3 3`, outline: true },
  // Telephone handset.
  Call: { d: 'M2 2h3l1 3-1.5 1.5a7 7 0 0 0 5 5L11 10l3 1v3A12 12 0 0 1 2 2z', outline: false },
  // Two people: heads and shoulders.
  Meeting: {
    d:
      'M5 3a1.5 1.5 0 0 1 0 3 1.5 1.5 0 0 1 0-3zm7 2a1 1 0 0 1 0 2 1 1 0 0 1 0-2z' +
      'M1.5 14a3.5 3.5 0 0 1 7 0zm8 0a2.5 2.5 0 0 1 5 0z',
    outline: false,
  },
  // Screen on a stand, with an upward arrow.
  Presenting: { d: 'M2 2.5h12v8H2zm6 8V14m-3 0h6M6 7l2-2 2 2', outline: true },
  // Calendar page with one day marked (a zero-length line, drawn as a dot by its round ends).
  CalendarItem: { d: 'M2 3h12v11H2zm0 4h12M5 1v3m6-3v3m-5.5 6.5h0', outline: true },
  // Hourglass: waiting for an answer.
  Pending: { d: 'M4 1.5h8L4 14.5h8z', outline: true },
  // Question mark.
  Unknown: { d: 'M5 5a3 3 0 1 1 4 2.8c-.7.3-1 .8-1 1.7M8 14h0', outline: true },
};
