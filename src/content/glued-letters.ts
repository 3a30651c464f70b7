/**
 * Whether two letters in texts of their own read as one word: where only an inline element other
 * than a highlight stands between them, the markup cannot tell. A people picker bolds what was
 * typed with spans ("<span>Mari</span><span>ana Silva</span>": Mariana), while frameworks write a
 * row's items as spans with no space between and let CSS set them apart
 * ("<span>Ana Silva</span><span>Owner</span>"). What the reader sees decides: letters that touch
 * on one line are one word.
 *
 * This reads layout, so it is asked only there (see `textsBeside` in line-texts.ts), and while the
 * annotator checks, before it inserts anything: a page whose layout is current pays nothing, one
 * that just changed pays one layout pass, not one per question.
 */
import { codePointBefore } from '../core/char-classes';

/** Less than this between two letters' boxes (in CSS pixels) is touching: rounding, kerning. */
const TOUCHING = 0.5;

/** The box of the units from `start` to `end` of `text` (empty if it is not rendered). */
function boxOf(range: Range, text: Text, start: number, end: number): DOMRect {
  range.setStart(text, start);
  range.setEnd(text, end);
  return range.getBoundingClientRect();
}

/** Whether boxes from `a0` to `a1` and `b0` to `b1` on one axis overlap (an empty one never). */
const overlap = (a0: number, a1: number, b0: number, b1: number) => a0 < b1 && b0 < a1;

/** Whether boxes from `a0` to `a1` and from `b0` to `b1` on one axis end where the other starts. */
const meet = (a0: number, a1: number, b0: number, b1: number) =>
  Math.min(Math.abs(b0 - a1), Math.abs(a0 - b1)) < TOUCHING;

/**
 * Whether the last letter of `first` and the first letter of `second` (the next text in reading
 * order) touch on one line, in either direction of writing, across a line or down a column.
 * Texts the page does not render (a hidden element, a page not laid out) have empty boxes, which
 * overlap nothing: they count as apart, as the markup reads.
 */
export function lettersTouch(first: Text, second: Text): boolean {
  const range = first.ownerDocument.createRange();
  const end = first.length;
  const a = boxOf(range, first, end - (codePointBefore(first.data, end) > 0xffff ? 2 : 1), end);
  const b = boxOf(range, second, 0, second.data.codePointAt(0)! > 0xffff ? 2 : 1);
  return (
    (overlap(a.top, a.bottom, b.top, b.bottom) && meet(a.left, a.right, b.left, b.right)) ||
    (overlap(a.left, a.right, b.left, b.right) && meet(a.top, a.bottom, b.top, b.bottom))
  );
}
