/**
 * Letters in texts of their own, with only a span between: one word where they touch on the
 * screen (a people picker's highlight), two where the page sets them apart (a row's items).
 * happy-dom lays nothing out, so each test places its texts: every unit a box 8 px wide.
 */
// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lettersTouch } from '../../../src/content/glued-letters';
import { allBadges, ana, annotate, cleanUp } from './annotator-fixture';

const UNIT = 8;
const placed = new Map<Node, { left: number; top: number; rtl: boolean; down: boolean }>();

/**
 * Lays `text` out from `left` on the line at `top` (right to left from `left` with `rtl`), or
 * with `down`, from `top` down the column at `left`.
 */
function place(text: Node, left: number, top = 0, rtl = false, down = false): void {
  placed.set(text, { left, top, rtl, down });
}

/** Every text of `element` placed one after the other on one line, `gaps[i]` px before text i. */
function layOut(element: Element, gaps: readonly number[] = []): void {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let left = 0;
  for (let i = 0, node = walker.nextNode(); node; i++, node = walker.nextNode()) {
    left += gaps[i] ?? 0;
    place(node, left);
    left += (node as Text).length * UNIT;
  }
}

vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
  const at = placed.get(this.startContainer);
  const data = (this.startContainer as Text).data;
  // Half a letter has no box of its own here.
  const cuts = (offset: number) => /[\udc00-\udfff]/.test(data.charAt(offset));
  if (!at || this.startContainer !== this.endContainer) return new DOMRect();
  if (cuts(this.startOffset) || cuts(this.endOffset)) return new DOMRect();
  const width = (this.endOffset - this.startOffset) * UNIT;
  if (at.down) return new DOMRect(at.left, at.top + this.startOffset * UNIT, 16, width);
  const from = at.rtl ? at.left - this.endOffset * UNIT : at.left + this.startOffset * UNIT;
  return new DOMRect(from, at.top, width, 16);
});

afterEach(() => {
  placed.clear();
  cleanUp();
});

describe('lettersTouch', () => {
  it('is true only for letters that touch on one line', () => {
    const a = document.createTextNode('Mari');
    const b = document.createTextNode('ana');
    document.body.append(a, b);
    place(a, 0);
    place(b, 32);
    expect(lettersTouch(a, b)).toBe(true);
    place(b, 32.3); // subpixel rounding
    expect(lettersTouch(a, b)).toBe(true);
    place(b, 36); // a margin
    expect(lettersTouch(a, b)).toBe(false);
    place(b, 0, 20); // the next line
    expect(lettersTouch(a, b)).toBe(false);
  });

  it('reads right-to-left lines too', () => {
    const a = document.createTextNode('שלו');
    const b = document.createTextNode('ם');
    document.body.append(a, b);
    place(a, 100, 0, true); // from 76 to 100
    place(b, 76, 0, true); // from 68 to 76
    expect(lettersTouch(a, b)).toBe(true);
    place(b, 70, 0, true);
    expect(lettersTouch(a, b)).toBe(false);
  });

  it('reads down a column in vertical writing', () => {
    const a = document.createTextNode('Mari');
    const b = document.createTextNode('ana');
    document.body.append(a, b);
    place(a, 0, 0, false, true); // from 0 to 32, down
    place(b, 0, 32, false, true);
    expect(lettersTouch(a, b)).toBe(true);
    place(b, 0, 40, false, true);
    expect(lettersTouch(a, b)).toBe(false);
    place(b, 20, 32, false, true); // the next column
    expect(lettersTouch(a, b)).toBe(false);
  });

  it('is false for texts the page does not render', () => {
    const a = document.createTextNode('Mari');
    const b = document.createTextNode('ana');
    document.body.append(a, b);
    place(a, 0);
    expect(lettersTouch(a, b)).toBe(false);
    // An empty box sits at 0,0: right where this last letter ends.
    place(a, -4 * UNIT);
    expect(lettersTouch(a, b)).toBe(false);
    expect(lettersTouch(b, a)).toBe(false);
  });

  it('measures a whole astral letter at either side', () => {
    const a = document.createTextNode('x\u{1d4d0}'); // a mathematical script letter: two units
    const b = document.createTextNode('\u{1d4d1}y');
    document.body.append(a, b);
    place(a, 0);
    place(b, 3 * UNIT);
    expect(lettersTouch(a, b)).toBe(true);
  });
});

describe('names split by spans', () => {
  const html =
    '<ul><li id="typed"><span class="b">An</span><span>a Silva</span></li>' +
    '<li id="longer"><span class="b">Mari</span><span>ana Silva</span></li>' +
    '<li id="row"><span>Ana Silva</span><span>Owner</span></li></ul>';

  /** The items' badges, by id, on the page laid out with `gap` px before each span but the first. */
  function badgedItems(gap: number): string[] {
    document.body.innerHTML = html;
    for (const li of document.querySelectorAll('li')) layOut(li, [0, gap]);
    annotate([ana]).annotator.start();
    return allBadges().map((badge) => badge.closest('li')!.id);
  }

  it("badges a name whose first letters a picker sets in a span, and not a longer one's", () => {
    // Mariana Silva and "Ana SilvaOwner" as one reads them: one word each.
    expect(badgedItems(0)).toEqual(['typed']);
  });

  it('badges names beside items the page sets apart, and no name cut in two', () => {
    expect(badgedItems(6)).toEqual(['longer', 'row']);
  });

  it('reads spans as the markup does where the page is not laid out', () => {
    document.body.innerHTML = html;
    annotate([ana]).annotator.start();
    expect(allBadges().map((badge) => badge.closest('li')!.id)).toEqual(['longer', 'row']);
  });
});
