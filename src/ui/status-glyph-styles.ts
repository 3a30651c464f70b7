/**
 * Styles for `statusGlyph` on the extension's own pages: its shape styles (GLYPH_CSS), and each
 * tone's colour from the `--pl-status-*` token that theme-styles.ts sets per colour scheme, with
 * the light colour as a fallback. In forced-colors mode the system text colour wins. (The content
 * script gets its glyph colours from the worker: background/page-styles.ts.)
 */
import { css, unsafeCSS, type CSSResult } from 'lit';
import { GLYPH_CSS } from './glyph-shapes';
import { LIGHT_PALETTE } from './status-tones';

const toneColours = Object.entries(LIGHT_PALETTE.tones)
  .map(
    ([tone, colour]) =>
      `.pl-glyph[data-tone='${tone}'] { color: var(--pl-status-${tone}, ${colour}); }`,
  )
  .join('\n');

/** Include wherever `statusGlyph` is rendered. */
export const glyphStyles: CSSResult = css`
  ${unsafeCSS(GLYPH_CSS)}
  .pl-glyph {
    vertical-align: -0.125em;
  }
  ${unsafeCSS(toneColours)}
  @media (forced-colors: active) {
    /* The shapes stay distinct; colours give way to the user's system palette. */
    .pl-glyph[data-tone] {
      color: CanvasText;
    }
  }
`;
