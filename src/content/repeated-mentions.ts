/**
 * One badge for a contact named twice in a row. Mail headers, commit logs, code review and mailing
 * lists write people as "Ana Silva <ana@example.com>", and two glyphs for one person, a few
 * characters apart, read as two people. A match of the same contact as the one before it, with
 * nothing but white space and punctuation between them in one line of text, gets no badge: the
 * first one, after the name, stands for both. So does a `mailto:` link right after a badge of
 * its contact (wikis and trackers link the emails people write).
 */
import type { NameMatch } from '../core/name-matcher';
import { isLetterOrDigit } from '../core/char-classes';
import { ELEMENT_NODE, TEXT_NODE } from './page-texts';

/** The matches in the text at a place of a pass's texts (see PageTexts). */
export type Hit = readonly [at: number, matches: readonly NameMatch[]];

/** At most this many units between two mentions, a run of white space counting as one. */
const MAX_GAP = 4;
/** Texts a gap may span: "Ana Silva", " <", "ana@example.com" in three elements, as mail shows it. */
const MAX_TEXTS = 3;

/**
 * Elements that flow within a line of text. Two mentions in different texts are one line if the
 * nearest element around each that is not one of these is the same: an email in one paragraph
 * and a name in the next table cell are not repeats. By tag name: a style lookup would cost a
 * style pass, and this runs only for a contact's second mention within a few units.
 */
export const INLINE = new Set(
  (
    'a abbr b bdi bdo cite code data dfn em font i kbd label mark q s samp small span strong sub ' +
    'sup time u var wbr'
  ).split(' '),
);

/** The nearest element around `node` that is not inline (see INLINE), or the root it is in. */
function lineOf(node: Node): Node | null {
  let parent = node.parentNode;
  while (parent?.nodeType === ELEMENT_NODE && INLINE.has((parent as Element).localName))
    parent = parent.parentNode;
  return parent;
}

/**
 * Whether `gap` separates two mentions of one person, and nothing else. It stops at the first
 * letter or digit, or once past MAX_GAP: the gap may be the whole start of a long text.
 */
export function isSeparator(gap: string): boolean {
  let units = 0;
  let inSpace = false;
  for (const char of gap) {
    const isSpace = /\s/.test(char);
    if (!(isSpace && inSpace) && ++units > MAX_GAP) return false;
    if (isLetterOrDigit(char.codePointAt(0)!)) return false;
    inSpace = isSpace;
  }
  return true;
}

/**
 * What a `mailto:` link follows: the node before it, or if that is a text of white space and
 * punctuation only ("Ana Silva (<a href="mailto:…">…</a>)"), the node before that.
 */
export function beforeLink(link: Element): Node | null {
  const before = link.previousSibling;
  const isGap = before?.nodeType === TEXT_NODE && isSeparator((before as Text).data);
  return isGap ? before.previousSibling : before;
}

/**
 * What a mention at `start` of `text` (whose text is `data`) follows, if only white space and
 * punctuation come before it in the text: the node before the text ("<a
 * href="mailto:…">Ana Silva</a> (ana@…)"). Else null.
 */
export function beforeMention(text: Text, data: string, start: number): Node | null {
  return isSeparator(data.slice(0, start)) ? text.previousSibling : null;
}

/** The text between a match ending at `end` of texts[from] and one starting at `start` of texts[to]. */
function between(texts: readonly string[], from: number, end: number, to: number, start: number) {
  if (from === to) return texts[to]!.slice(end, start);
  return texts[from]!.slice(end) + texts.slice(from + 1, to).join('') + texts[to]!.slice(0, start);
}

/** `hits` in `page`'s texts (in their order) without the repeated mentions. */
export function withoutRepeats(
  hits: readonly Hit[],
  { nodes, data: texts }: { readonly nodes: readonly Text[]; readonly data: readonly string[] },
): Hit[] {
  const kept: Hit[] = [];
  let last: { at: number; end: number; key: string } | null = null;
  for (const [at, matches] of hits) {
    const keep = matches.filter(({ start, end, key }) => {
      const repeat =
        last !== null &&
        last.key === key &&
        at - last.at < MAX_TEXTS &&
        isSeparator(between(texts, last.at, last.end, at, start)) &&
        (last.at === at || lineOf(nodes[last.at]!) === lineOf(nodes[at]!));
      // A repeat stands in for its contact too: "Ana Silva <ana@…>, Ana Silva" is one badge.
      last = { at, end, key };
      return !repeat;
    });
    if (keep.length > 0) kept.push([at, keep]);
  }
  return kept;
}
