/**
 * The look of page badges and of the presence card, as plain CSS text for `<style>` elements in
 * their closed shadow roots (lit's `css` would pull LitElement's styling code into the content
 * script). Page CSS cannot reach inside; it can only style the host element, so every :host
 * declaration is `!important`, which beats the page's own `!important` across the shadow boundary.
 */
import { DARK_PALETTE, LIGHT_PALETTE, type Palette } from '../ui/status-tones';

const toneRules = (palette: Palette) =>
  Object.entries(palette.tones)
    .map(([tone, colour]) => `.pl-glyph[data-tone='${tone}']{color:${colour}}`)
    .join('');

const chip = (palette: Palette) =>
  `.chip{background:${palette.background};box-shadow:0 0 0 1px ${palette.text}}${toneRules(palette)}`;

export const BADGE_CSS =
  ':host{all:initial!important;display:inline-block!important;font-size:inherit!important;' +
  'width:1.05em!important;height:1.05em!important;margin:0 .1em 0 .3em!important;' +
  'vertical-align:-.18em!important;line-height:1!important;cursor:default!important}' +
  ':host(:focus-visible){outline:2px solid #0b5cad!important;outline-offset:2px!important}' +
  '.chip{display:block;box-sizing:border-box;width:100%;height:100%;padding:.08em;border-radius:50%}' +
  '.pl-glyph{display:block;width:100%;height:100%;overflow:visible}' +
  chip(LIGHT_PALETTE) +
  `@media (prefers-color-scheme:dark){${chip(DARK_PALETTE)}}` +
  '@media (forced-colors:active){.chip{background:Canvas;box-shadow:none;border:1px solid CanvasText}' +
  '.pl-glyph[data-tone]{color:CanvasText}}';

// No `all: initial` on the card's host: it would beat the inline top/left that place it (an inner
// !important wins over the page's, inline or not) and the hidden popover's display: none.
export const CARD_CSS =
  ':host{position:fixed!important;margin:0!important;padding:0!important;border:0!important;' +
  'background:transparent!important;overflow:visible!important;z-index:2147483647!important;' +
  'width:max-content!important;height:max-content!important;opacity:1!important}' +
  '.card{box-sizing:border-box;min-width:14em;max-width:22em;padding:.6em .75em;border-radius:8px;' +
  `font:13px/1.4 system-ui,sans-serif;color:${LIGHT_PALETTE.text};background:${LIGHT_PALETTE.background};` +
  `border:1px solid ${LIGHT_PALETTE.border};box-shadow:0 4px 16px rgb(0 0 0/.25)}` +
  '.name{font-weight:600;margin:0 0 .25em;overflow-wrap:anywhere}' +
  '.status{display:flex;gap:.4em;align-items:center}.pl-glyph{width:1em;height:1em;flex:none}' +
  'p{margin:0}' +
  `.line{margin:.15em 0 0;color:${LIGHT_PALETTE.muted};overflow-wrap:anywhere}` +
  `a{display:inline-block;margin-top:.45em;color:${LIGHT_PALETTE.accent}}` +
  `a:focus-visible{outline:2px solid ${LIGHT_PALETTE.focus};outline-offset:2px}` +
  toneRules(LIGHT_PALETTE) +
  '@media (prefers-color-scheme:dark){' +
  `.card{color:${DARK_PALETTE.text};background:${DARK_PALETTE.surface};border-color:${DARK_PALETTE.border}}` +
  `.line{color:${DARK_PALETTE.muted}}a{color:${DARK_PALETTE.accent}}${toneRules(DARK_PALETTE)}}` +
  '@media (forced-colors:active){.card{border:1px solid CanvasText}.pl-glyph[data-tone]{color:CanvasText}}';
