import { describe, expect, it } from 'vitest';
import { PAGE_STYLES } from '../../../src/background/page-styles';
import { GLYPH_CSS } from '../../../src/ui/glyph-shapes';
import { DARK_PALETTE, LIGHT_PALETTE, STATUS_TONES } from '../../../src/ui/status-tones';

const { badge: BADGE_CSS, card: CARD_CSS } = PAGE_STYLES;

/** The declarations of every `:host` or `:host(…)` rule in a stylesheet. */
function hostDeclarations(css: string): string[] {
  return [...css.matchAll(/:host(?:\([^)]*\))?\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(';'));
}

/** The rules inside `@media (<query>){…}`, one nesting level deep. */
function mediaBlock(css: string, query: string): string {
  const start = css.indexOf(`@media (${query}){`);
  if (start < 0) return '';
  let depth = 0;
  for (let i = css.indexOf('{', start); i < css.length; i++) {
    if (css[i] === '{') depth++;
    if (css[i] === '}' && --depth === 0) return css.slice(css.indexOf('{', start) + 1, i);
  }
  return '';
}

describe.each([
  ['badge', BADGE_CSS],
  ['card', CARD_CSS],
])('%s styles', (_name, css) => {
  it('makes every :host declaration !important, so page CSS cannot restyle the host', () => {
    const declarations = hostDeclarations(css);
    expect(declarations.length).toBeGreaterThan(3);
    for (const declaration of declarations)
      expect(declaration).toMatch(/^[a-z-]+:[^!]+!important$/);
  });

  it('includes the glyph styles, and colours every tone for light and dark schemes', () => {
    expect(css).toContain(GLYPH_CSS);
    const dark = mediaBlock(css, 'prefers-color-scheme:dark');
    const light = css.replace(dark, '');
    for (const tone of new Set(Object.values(STATUS_TONES))) {
      expect(light).toContain(`[data-tone=${tone}]{color:${LIGHT_PALETTE.tones[tone]}}`);
      expect(dark).toContain(`[data-tone=${tone}]{color:${DARK_PALETTE.tones[tone]}}`);
    }
  });

  it('turns off the ::before and ::after page CSS gives the host', () => {
    expect(css).toContain(
      ':host::before,:host::after{content:none!important;display:none!important}',
    );
  });

  it('is left out of what is printed', () => {
    expect(css).toContain('@media print{:host{display:none!important}}');
  });

  it('gives way to system colours in forced-colors mode', () => {
    const forced = mediaBlock(css, 'forced-colors:active');
    expect(forced).toContain('.pl-glyph{color:CanvasText}');
    expect(forced).toMatch(/CanvasText/);
  });
});

describe('card styles', () => {
  it('shows the card exactly while its popover is open, whatever page CSS says of spans', () => {
    expect(CARD_CSS).toContain(':host(:popover-open){display:block!important}');
    expect(CARD_CSS).toContain(':host(:not(:popover-open)){display:none!important}');
  });
});

describe('badge styles', () => {
  it('resets the host and rings the chip in the text colour of each scheme', () => {
    expect(BADGE_CSS).toMatch(/^:host\{all:initial!important;/);
    // The gap before the glyph is on the name's side whatever the text's direction.
    expect(hostDeclarations(BADGE_CSS)).toEqual(
      expect.arrayContaining(['margin-block:0!important', 'margin-inline:.3em .1em!important']),
    );
    expect(BADGE_CSS).not.toMatch(/margin(-left|-right)?:/);
    expect(BADGE_CSS).toContain(`box-shadow:0 0 0 1px ${LIGHT_PALETTE.text}`);
    expect(mediaBlock(BADGE_CSS, 'prefers-color-scheme:dark')).toContain(
      `box-shadow:0 0 0 1px ${DARK_PALETTE.text}`,
    );
    expect(mediaBlock(BADGE_CSS, 'forced-colors:active')).toContain('background:Canvas');
  });
});

describe('card styles', () => {
  it('leaves out all:initial, which would beat the inline placement and the hidden popover', () => {
    expect(CARD_CSS).not.toContain('all:');
  });
});
