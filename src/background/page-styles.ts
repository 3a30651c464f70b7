/**
 * The look of page badges and of the presence card, as plain CSS text for `<style>` elements in
 * their closed shadow roots. The worker sends it with the contacts (PageStyles), as it sends the
 * badges' words and glyph shapes, so the script every allowed page loads carries no palette and
 * builds no style sheet. Page CSS cannot reach inside; it can only style the host element, so
 * every :host declaration is `!important`, which beats the page's own `!important` across the
 * shadow boundary.
 */
import type { PageStyles } from '../shared/page-protocol';
import { GLYPH_CSS } from '../ui/glyph-shapes';
import { DARK_PALETTE, LIGHT_PALETTE, type Palette } from '../ui/status-tones';

/** A rule whose declarations are all `!important`: ("a", "b:1;c:2") gives "a{b:1!important;c:2!important}". */
const importantRule = (selector: string, declarations: string) =>
  `${selector}{${declarations.replaceAll(';', '!important;')}!important}`;

/** Colour rules for light pages, then again for users who prefer a dark colour scheme. */
const bothSchemes = (colours: (palette: Palette) => string) =>
  `${colours(LIGHT_PALETTE)}@media (prefers-color-scheme:dark){${colours(DARK_PALETTE)}}`;

/** System colours in forced-colors mode; the glyph's shape still tells the states apart. */
const forcedColours = (rules: string) =>
  `@media (forced-colors:active){${rules}.pl-glyph{color:CanvasText}}`;

/** The glyph's colour for each tone (statusGlyph's `data-tone`). */
const toneColours = (palette: Palette) =>
  Object.entries(palette.tones)
    .map(([tone, colour]) => `[data-tone=${tone}]{color:${colour}}`)
    .join('');

/** A printed page is the page as its site made it: a status on paper is stale at once. */
const NOT_PRINTED = `@media print{${importantRule(':host', 'display:none')}}`;

/**
 * Page CSS reaches the host's own ::before and ::after (`span::before{content:'•'}` is common),
 * which `all: initial` on :host does not reset: they are turned off from inside.
 */
const NO_PAGE_PSEUDOS = importantRule(':host::before,:host::after', 'content:none;display:none');

const BADGE_CSS =
  importantRule(
    ':host',
    'all:initial;display:inline-block;font-size:inherit;width:1.05em;height:1.05em;' +
      // Logical margins: the gap is on the name's side in right-to-left and vertical text too.
      'margin-block:0;margin-inline:.3em .1em;vertical-align:-.18em;line-height:1;cursor:default',
  ) +
  NO_PAGE_PSEUDOS +
  importantRule(
    ':host(:focus-visible)',
    `outline:2px solid ${LIGHT_PALETTE.focus};outline-offset:2px`,
  ) +
  GLYPH_CSS +
  // The chip: a disc behind the glyph, ringed in the text colour so it reads on any page.
  '.chip{display:block;box-sizing:border-box;height:100%;padding:.08em;border-radius:50%}' +
  '.pl-glyph{display:block;width:100%;height:100%}' +
  bothSchemes(
    (palette) =>
      `.chip{background:${palette.background};box-shadow:0 0 0 1px ${palette.text}}` +
      toneColours(palette),
  ) +
  forcedColours('.chip{background:Canvas;box-shadow:none;border:1px solid CanvasText}') +
  NOT_PRINTED;

// No `all: initial` on the card's host: it would beat the inline top/left that place it (an inner
// !important wins over the page's, inline or not) and the hidden popover's display: none. No
// z-index either: a shown popover is in the top layer, above any z-index.
const CARD_CSS =
  importantRule(
    ':host',
    'position:fixed;margin:0;padding:0;border:0;background:none;overflow:visible;' +
      'width:max-content;height:max-content;opacity:1',
  ) +
  // Shown or hidden as the popover is, whatever display page CSS gives spans.
  importantRule(':host(:popover-open)', 'display:block') +
  importantRule(':host(:not(:popover-open))', 'display:none') +
  NO_PAGE_PSEUDOS +
  GLYPH_CSS +
  '.card{box-sizing:border-box;min-width:14em;max-width:22em;padding:.6em .75em;' +
  'border:1px solid;border-radius:8px;box-shadow:0 4px 16px rgb(0 0 0/.25);' +
  'font:13px/1.4 system-ui,sans-serif;overflow-wrap:anywhere}' +
  'p{margin:.2em 0 0}.name{margin:0;font-weight:600}.status{display:flex;gap:.4em;align-items:center}' +
  // The focus ring takes the link's colour: the palettes' accent, which is their focus colour too.
  'a{display:inline-block;margin-top:.45em}a:focus-visible{outline:2px solid;outline-offset:2px}' +
  bothSchemes(
    (palette) =>
      // On the page background in light mode, on a raised surface in dark mode.
      `.card{color:${palette.text};border-color:${palette.border};background:` +
      `${palette === DARK_PALETTE ? palette.surface : palette.background}}` +
      `.line{color:${palette.muted}}a{color:${palette.accent}}${toneColours(palette)}`,
  ) +
  forcedColours('.card{border-color:CanvasText}') +
  NOT_PRINTED;

export const PAGE_STYLES: PageStyles = { badge: BADGE_CSS, card: CARD_CSS };
