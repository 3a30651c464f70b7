/**
 * Design tokens as CSS custom properties, light and dark, plus the focus ring and forced-colors
 * rules every page shares. Custom properties inherit into nested shadow roots, so setting them on
 * the app's :host is enough; child elements include these styles for the shared rules.
 */
import { css, unsafeCSS, type CSSResult } from 'lit';
import { visuallyHidden } from './visually-hidden';
import { DARK_PALETTE, LIGHT_PALETTE, type Palette, type StatusTone } from './status-tones';

const TONES: readonly StatusTone[] = ['available', 'away', 'busy', 'dnd', 'away-long', 'neutral'];

function tokens(palette: Palette): CSSResult {
  const lines = [
    `--pl-bg: ${palette.background};`,
    `--pl-surface: ${palette.surface};`,
    `--pl-text: ${palette.text};`,
    `--pl-muted: ${palette.muted};`,
    `--pl-border: ${palette.border};`,
    `--pl-accent: ${palette.accent};`,
    `--pl-accent-text: ${palette.accentText};`,
    `--pl-danger: ${palette.danger};`,
    `--pl-focus: ${palette.focus};`,
    ...TONES.map((tone) => `--pl-status-${tone}: ${palette.tones[tone]};`),
  ];
  return unsafeCSS(lines.join('\n'));
}

export const themeStyles = css`
  :host {
    ${tokens(LIGHT_PALETTE)}
    color-scheme: light dark;
    font:
      14px/1.4 system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      sans-serif;
    color: var(--pl-text);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      ${tokens(DARK_PALETTE)}
    }
  }
  :focus-visible {
    outline: 2px solid var(--pl-focus);
    outline-offset: 2px;
  }
  ${visuallyHidden}
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
