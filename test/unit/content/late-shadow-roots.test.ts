// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LateShadowRoots } from '../../../src/content/late-shadow-roots';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

/** An undefined custom element in the page (happy-dom never defines `x-chip`). */
function chip(): HTMLElement {
  return document.body.appendChild(document.createElement('x-chip'));
}

/** The search's task (see searchSoon), then `ms` more. */
function searchedThen(ms: number): void {
  vi.advanceTimersByTime(0);
  vi.advanceTimersByTime(ms);
}

describe('LateShadowRoots', () => {
  it('hands over a shadow root at the first look after it came, once', () => {
    const found: ShadowRoot[] = [];
    const late = new LateShadowRoots((shadow) => found.push(shadow));
    const element = chip();
    late.searchSoon([document.body]);
    searchedThen(499);
    const shadow = element.attachShadow({ mode: 'open' });
    expect(found).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(found).toEqual([shadow]);
    vi.advanceTimersByTime(60_000);
    expect(found).toEqual([shadow]);
  });

  it('looks at growing intervals, then once a minute', () => {
    const found: ShadowRoot[] = [];
    const late = new LateShadowRoots((shadow) => found.push(shadow));
    const [early, last, later] = [chip(), chip(), chip()];
    late.searchSoon([document.body]);
    searchedThen(500 + 2_000);
    const earlyRoot = early.attachShadow({ mode: 'open' });
    vi.advanceTimersByTime(8_000);
    const lastRoot = last.attachShadow({ mode: 'open' });
    vi.advanceTimersByTime(30_000);
    expect(found).toEqual([earlyRoot, lastRoot]);
    // A chunk the user loads minutes later, opening a panel.
    vi.advanceTimersByTime(10 * 60_000);
    const laterRoot = later.attachShadow({ mode: 'open' });
    vi.advanceTimersByTime(59_999);
    expect(found).toEqual([earlyRoot, lastRoot]);
    vi.advanceTimersByTime(1);
    expect(found).toEqual([earlyRoot, lastRoot, laterRoot]);
    // Nothing waits any more: no timer is left.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps looking at a thousand elements at most, and lets go of those that left', () => {
    const found: ShadowRoot[] = [];
    const late = new LateShadowRoots((shadow) => found.push(shadow));
    const elements = Array.from({ length: 1_500 }, chip);
    late.searchSoon([document.body]);
    searchedThen(40_500);
    elements[999]!.attachShadow({ mode: 'open' });
    elements[1_000]!.attachShadow({ mode: 'open' });
    vi.advanceTimersByTime(60_000);
    expect(found).toEqual([elements[999]!.shadowRoot]);
    for (const element of elements) element.remove();
    vi.advanceTimersByTime(60_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('searches each root read: an element itself, and shadow roots', () => {
    const found: ShadowRoot[] = [];
    const late = new LateShadowRoots((shadow) => found.push(shadow));
    const alone = chip();
    const host = document.body.appendChild(document.createElement('div'));
    const outer = host.attachShadow({ mode: 'open' });
    const inner = outer.appendChild(document.createElement('x-chip'));
    late.searchSoon([alone, outer]);
    searchedThen(0);
    const roots = [alone.attachShadow({ mode: 'open' }), inner.attachShadow({ mode: 'open' })];
    vi.advanceTimersByTime(500);
    expect(found).toEqual(roots);
  });

  it('drops elements that left the page, and looks at nothing once stopped', () => {
    const found: ShadowRoot[] = [];
    const late = new LateShadowRoots((shadow) => found.push(shadow));
    const [gone, kept] = [chip(), chip()];
    late.searchSoon([document.body]);
    searchedThen(0);
    gone.remove();
    gone.attachShadow({ mode: 'open' });
    vi.advanceTimersByTime(500);
    expect(found).toEqual([]);
    late.stop();
    kept.attachShadow({ mode: 'open' });
    vi.advanceTimersByTime(60_000);
    expect(found).toEqual([]);
    late.searchSoon([document.body]);
    searchedThen(60_000);
    expect(found).toEqual([]);
  });
});
