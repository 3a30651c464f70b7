// @vitest-environment happy-dom
import { render } from 'lit';
import { describe, expect, it } from 'vitest';
import { ALL_PRESENCE_STATUSES, type PresenceStatus } from '../../../src/core/presence';
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

/** The drawing itself, without Lit's comment markers and attributes that name the state. */
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
      expect(svg.getAttribute('focusable')).toBe('false');
      expect(svg.getAttribute('data-status')).toBe(status);
      expect(svg.getAttribute('data-tone')).toBe(STATUS_TONES[status]);
      expect(shapeOf(svg)).not.toBe('');
    }
  });

  it('gives each state a different shape, so colour is never the only cue', () => {
    const shapes = ALL_PRESENCE_STATUSES.map((status) => shapeOf(renderGlyph(status)));
    expect(new Set(shapes).size).toBe(ALL_PRESENCE_STATUSES.length);
  });

  it('paints with currentColor, which the styles set per tone and give up in forced colors', () => {
    for (const status of ALL_PRESENCE_STATUSES) {
      const painted = [...renderGlyph(status).querySelectorAll('path, circle, rect')].map(
        (el) => el.getAttribute('fill') ?? el.getAttribute('stroke'),
      );
      expect(painted.every((paint) => paint === 'currentColor' || paint === 'none')).toBe(true);
    }
    const cssText = glyphStyles.cssText;
    for (const tone of new Set(Object.values(STATUS_TONES))) {
      expect(cssText).toContain(`[data-tone='${tone}']`);
      expect(cssText).toContain(`--pl-status-${tone}`);
    }
    expect(cssText).toMatch(/forced-colors:\s*active/);
  });
});
