/**
 * Page texts written decomposed: "José" as "e" and a combining acute (U+0301), as Vietnamese
 * typed in "Unicode tổ hợp" is, as file names from macOS are, as Korean syllables from macOS
 * are (conjoining jamo) and Japanese kana with a combining sound mark; and texts with soft
 * hyphens (U+00AD), which hyphenation tools put into long words and which show only where a line
 * breaks. Terms are composed and have none (normalizeTerm), so a text that holds such characters
 * is matched composed and without them, and what is found in it is moved back to its own
 * offsets. Nearly every page has none: one search of the joined texts says so (see `findEach` in
 * name-matcher.ts).
 */
import type { NameMatch } from './name-matcher';

/**
 * Characters that go with the one before them, as far as names go: those NFC may fold into it
 * (the combining diacritical marks, Hangul's conjoining vowels and final consonants, the kana
 * sound marks), and the soft hyphen.
 */
// eslint-disable-next-line no-misleading-character-class -- each of these alone is what is sought
export const COMBINING = /[\u00ad\u0300-\u036f\u1160-\u11ff\u3099\u309a]/;

/** A text as it is matched, with where each of its units starts in the text. */
type Composed = [composed: string, starts: number[]];

/**
 * `text` composed one cluster at a time (a character and the COMBINING ones after it), soft
 * hyphens left out. A unit of a cluster that this changed starts where the cluster does.
 */
function compose(text: string): Composed {
  let composed = '';
  const starts: number[] = [];
  for (let start = 0, end = 1; start < text.length; start = end++) {
    while (end < text.length && COMBINING.test(text.charAt(end))) end++;
    const cluster = text.slice(start, end);
    // A cluster of one unit is a combining character only at the text's start.
    const combines = end - start > 1 || (start === 0 && COMBINING.test(cluster));
    const read = combines ? cluster.normalize('NFC').replaceAll('\u00ad', '') : cluster;
    composed += read;
    for (let i = 0; i < read.length; i++) starts.push(read === cluster ? start + i : start);
  }
  starts.push(text.length);
  return [composed, starts];
}

export interface ComposedTexts {
  /** The texts as they are matched. */
  readonly texts: readonly string[];
  /** Matches in the text at `at` as matched, at its own offsets. */
  back(at: number, matches: readonly NameMatch[]): readonly NameMatch[];
}

/** `texts` with each that holds a COMBINING character composed. */
export function composeTexts(texts: readonly string[]): ComposedTexts {
  const composed = new Map<number, Composed>();
  texts.forEach((text, at) => {
    if (COMBINING.test(text)) composed.set(at, compose(text));
  });
  return {
    texts: texts.map((text, at) => composed.get(at)?.[0] ?? text),
    back(at, matches) {
      const entry = composed.get(at);
      if (!entry) return matches;
      const [text, starts] = entry;
      // Past the composed text's end, a match goes on into the texts after it, read as they are.
      const offset = (to: number) => starts[to] ?? texts[at]!.length + to - text.length;
      return matches.map(({ start, end, key }) => ({
        start: offset(start),
        end: offset(end),
        key,
      }));
    },
  };
}
