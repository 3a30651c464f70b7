// @vitest-environment happy-dom
import { render } from 'lit';
import { describe, expect, it } from 'vitest';
import { ALL_PRESENCE_STATUSES, type PresenceStatus } from '../../../src/core/presence';
import { GLYPH_CSS } from '../../../src/ui/glyph-shapes';
import { statusGlyph } from '../../../src/ui/status-glyph';
import { glyphStyles } from '../../../src/ui/status-glyph-styles';
import { STATUS_TONES } from '../../../src/ui/status-tones';

function renderGlyph(status: PresenceStatus): SVGSVGElement {
  const host = document.createElement('div');
  render(statusGlyph(status), host);
  const svg = host.querySelector('svg');
  if (!svg) throw new Error(`no svg for ${status}`);
  return svg as SVGSVGElement;
}

/** The drawing itself: every shape element with its attributes (path data, line or fill). */
function shapeOf(svg: SVGSVGElement): string {
  return [...svg.querySelectorAll('path, circle, rect')]
    .map((el) => `${el.tagName}:${[...el.attributes].map((a) => `${a.name}=${a.value}`).join(',')}`)
    .join('|');
}

describe('statusGlyph', () => {
  it('draws a shape for every state, hidden from assistive technology', () => {
    for (const status of ALL_PRESENCE_STATUSES) {
      const svg = renderGlyph(status);
      expect(svg.getAttribute('aria-hidden')).toBe('true');
      expect(svg.getAttribute('class')).toBe('pl-glyph');
      expect(svg.getAttribute('viewBox')).toBe('0 0 16 16');
      expect(svg.getAttribute('data-tone')).toBe(STATUS_TONES[status]);
      expect(shapeOf(svg)).not.toBe('');
    }
  });

  it('gives each state a different shape, so colour is never the only cue', () => {
    const shapes = new Map(
      ALL_PRESENCE_STATUSES.map((status) => [status, shapeOf(renderGlyph(status))]),
    );
    for (const [a, shapeA] of shapes) {
      for (const [b, shapeB] of shapes) {
        if (a !== b) expect(shapeA, `${a} and ${b} look alike`).not.toBe(shapeB);
      }
    }
  });

  it('keeps each path on the 16-unit grid, as valid path data', () => {
    for (const status of ALL_PRESENCE_STATUSES) {
      for (const path of renderGlyph(status).querySelectorAll('path')) {
        const d = path.getAttribute('d') ?? '';
        expect(d, status).toMatch(/^M[-\d.\s,MmLlHhVvCcSsQqTtAaZz]+$/);
        for (const number of d.match(/-?\d*\.?\d+/g) ?? []) {
          expect(Math.abs(Number(number)), `${status}: ${d}`).toBeLessThanOrEqual(16);
        }
      }
    }
  });

  it('paints only through the stylesheet, in currentColor, at 1em', () => {
    for (const status of ALL_PRESENCE_STATUSES) {
      const svg = renderGlyph(status);
      // No per-shape paint: a shape either fills (and strokes) or is a line drawing.
      for (const el of svg.querySelectorAll('path')) {
        expect(el.hasAttribute('fill') || el.hasAttribute('stroke')).toBe(false);
        expect([null, 'pl-outline']).toContain(el.getAttribute('class'));
      }
    }
    expect(GLYPH_CSS).toMatch(/\.pl-glyph\{[^}]*width:1em;height:1em/);
    expect(GLYPH_CSS).toMatch(/\.pl-glyph\{[^}]*fill:currentColor/);
    expect(GLYPH_CSS).toMatch(/\.pl-glyph\{[^}]*stroke:currentColor/);
    expect(GLYPH_CSS).toContain('.pl-outline{fill:none}');
  });

  it('takes its tone colours from the theme tokens on the extension pages, and gives them up in forced colors', () => {
    const cssText = glyphStyles.cssText;
    expect(cssText).toContain(GLYPH_CSS);
    for (const tone of new Set(Object.values(STATUS_TONES))) {
      expect(cssText).toContain(`[data-tone='${tone}']`);
      expect(cssText).toContain(`--pl-status-${tone}`);
    }
    expect(cssText).toMatch(/forced-colors:\s*active/);
    expect(cssText).toContain('CanvasText');
  });
});
