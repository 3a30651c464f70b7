/**
 * Colours for `statusGlyph`: each tone maps to a `--pl-status-*` token, with a fallback for hosts
 * that do not define the tokens (a content script's shadow root), and system colours in
 * forced-colors mode. Kept apart from the template so a content script can take either alone.
 */
import { css, unsafeCSS as unsafe } from 'lit';
import { LIGHT_PALETTE } from './status-tones';

const tone = LIGHT_PALETTE.tones;

/** Include wherever `statusGlyph` is rendered. Fallbacks keep it coloured outside the themed pages. */
export const glyphStyles = css`
  .pl-glyph {
    flex: none;
    width: 1em;
    height: 1em;
    vertical-align: -0.125em;
    overflow: visible;
  }
  .pl-glyph[data-tone='available'] {
    color: var(--pl-status-available, ${unsafe(tone.available)});
  }
  .pl-glyph[data-tone='away'] {
    color: var(--pl-status-away, ${unsafe(tone.away)});
  }
  .pl-glyph[data-tone='busy'] {
    color: var(--pl-status-busy, ${unsafe(tone.busy)});
  }
  .pl-glyph[data-tone='dnd'] {
    color: var(--pl-status-dnd, ${unsafe(tone.dnd)});
  }
  .pl-glyph[data-tone='away-long'] {
    color: var(--pl-status-away-long, ${unsafe(tone['away-long'])});
  }
  .pl-glyph[data-tone='neutral'] {
    color: var(--pl-status-neutral, ${unsafe(tone.neutral)});
  }
  @media (forced-colors: active) {
    /* The shapes stay distinct; colours give way to the user's system palette. */
    .pl-glyph[data-tone] {
      color: CanvasText;
    }
  }
`;
