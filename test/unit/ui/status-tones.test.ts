import { describe, expect, it } from 'vitest';
import { DARK_PALETTE, LIGHT_PALETTE, type Palette } from '../../../src/ui/status-tones';

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe.each<[string, Palette]>([
  ['light', LIGHT_PALETTE],
  ['dark', DARK_PALETTE],
])('%s palette', (_name, palette) => {
  it('keeps every status colour at 3:1 or more against both backgrounds (WCAG 1.4.11)', () => {
    for (const [tone, colour] of Object.entries(palette.tones)) {
      expect(contrast(colour, palette.background), tone).toBeGreaterThanOrEqual(3);
      expect(contrast(colour, palette.surface), tone).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps text at 4.5:1 (WCAG 1.4.3)', () => {
    for (const colour of [palette.text, palette.muted, palette.danger, palette.accent]) {
      expect(contrast(colour, palette.background)).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(palette.accentText, palette.accent)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps focus rings and field borders at 3:1', () => {
    expect(contrast(palette.focus, palette.background)).toBeGreaterThanOrEqual(3);
    expect(contrast(palette.border, palette.background)).toBeGreaterThanOrEqual(3);
  });
});
