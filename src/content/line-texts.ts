/**
 * The texts beside a text in its line, as one reads it: what a name may go on into, and what
 * tells whether a word goes on across texts (see `TextsBeside` in name-matcher.ts).
 */
import { codePointBefore, NOT_A_WORD, wordKind } from '../core/char-classes';
import { lettersTouch } from './glued-letters';
import { INLINE } from './repeated-mentions';
import { ELEMENT_NODE, TEXT_NODE } from './page-texts';

/** Enough of what follows for the rest of a name (by default). */
const MAX_FOLLOWING = 100;
/** Nodes looked at, at most: a page may put thousands of empty elements or comments in a line. */
const MAX_STEPS = 24;

/**
 * Elements that style part of a word where it stands: a search's or a people picker's highlight
 * of what was typed ("<mark>Mari</mark>ana"), bold, italics; and where a long word may break
 * (`<wbr>`, as pages put into long addresses). Any other inline element between two letters may
 * be an item of its own that the page's CSS sets apart (frameworks write
 * `<span>Ana Silva</span><span>Owner</span>` with no space between), or a highlight in a span:
 * there the page's layout decides (see glued-letters.ts).
 */
const IN_WORD = new Set('b em font i mark s strong u wbr'.split(' '));

const isInline = (node: Node | null): node is Element =>
  node?.nodeType === ELEMENT_NODE && INLINE.has((node as Element).localName);

/**
 * Whether `first` ends in what would continue a word that `second` starts: a letter and a letter,
 * or a digit and a digit, of a script written with spaces (see wordKind).
 */
function touch(first: string, second: string): boolean {
  const kind = wordKind(codePointBefore(first, first.length));
  return kind !== NOT_A_WORD && kind === wordKind(second.codePointAt(0)!);
}

/**
 * The texts that continue `text` in its line (or with `backwards`, that lead to it, nearest
 * first), up to about `units` units or MAX_STEPS nodes: into and out of inline elements
 * (see INLINE), past comments. Any other element ends the line (a block, a `<br>`, an image), and
 * so does one that `stops` (what the annotator skips, our badges), and so does an inline element
 * other than IN_WORD's between two letters (or digits) of a word, unless they touch on the screen:
 * where a page may have set two words apart. Scripts written without spaces have no such words:
 * their texts run on.
 */
export function textsBeside(
  text: Text,
  stops: (element: Element) => boolean,
  backwards = false,
  units = MAX_FOLLOWING,
): Text[] {
  const texts: Text[] = [];
  let node: Node = text;
  /** The last text with any units. */
  let lastText = text;
  /** Whether an element other than IN_WORD's stands between `lastText` and the node. */
  let apart = false;
  for (let length = 0, down = false, steps = 0; length < units && steps++ < MAX_STEPS;) {
    const next = backwards
      ? down
        ? node.lastChild
        : node.previousSibling
      : down
        ? node.firstChild
        : node.nextSibling;
    const cameDown = down;
    down = false;
    if (next === null) {
      // An empty inline element: on after it. The end of one: on after it, unless the line ends.
      if (cameDown) continue;
      const parent = node.parentNode;
      if (!isInline(parent)) break;
      node = parent;
      apart ||= !IN_WORD.has(parent.localName);
    } else if (next.nodeType === TEXT_NODE) {
      const data = (next as Text).data;
      if (data !== '') {
        if (apart) {
          const [first, second] = backwards ? [next as Text, lastText] : [lastText, next as Text];
          if (touch(first.data, second.data) && !lettersTouch(first, second)) break;
        }
        lastText = next as Text;
        apart = false;
      }
      texts.push((node = next) as Text);
      length += data.length;
    } else if (next.nodeType === ELEMENT_NODE) {
      if (!isInline(next) || stops(next as Element)) break;
      node = next;
      down = true;
      apart ||= !IN_WORD.has((next as Element).localName);
    } else node = next; // a comment
  }
  return texts;
}
