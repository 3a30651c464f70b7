/**
 * Names a page splits across texts: a search result's "<mark>Ana</mark> Silva", React's
 * "{first} {last}" (three text nodes), a template's comment markers between the parts. The
 * matcher reads on from a text's end into the texts that continue it in its line, and looks at
 * the text before one it starts in (see `TextsBeside` in name-matcher.ts); a match that goes on
 * gets its badge after the text it ends in, and the badge goes when the page changes or removes a
 * text it began in.
 */
import type { NameMatch } from '../core/name-matcher';
import { textsBeside } from './line-texts';
import type { PageBadges } from './page-badges';
import { isSeparator } from './repeated-mentions';

/** Where a match that ends `past` units after the end of its own text ends, in `texts` after it. */
function endIn(texts: readonly Text[], past: number): [text: Text, end: number] {
  let at = 0;
  while (past > texts[at]!.length) past -= texts[at++]!.length;
  return [texts[at]!, past];
}

/**
 * The split names of each pass, and the badges they got. A pass first reads what follows texts
 * (`following`, for the matcher), then notes its matches (`note`), then places every other badge
 * and defers these (`defer`), and places them last (`placeDeferred`): they split texts that other
 * matches may end in, at offsets read before any insertion. Then it ends (`endPass`).
 */
export class SplitNames {
  /** Each badge, with the texts before the one it follows. */
  readonly #spans = new Map<Element, readonly Text[]>();
  /**
   * This pass's: what follows a text (by its place), as nodes and as one string, and how to badge
   * each match that goes on into it.
   */
  #following = new Map<number, [texts: Text[], rest: string]>();
  #placers = new Map<NameMatch, () => void>();
  /** Where each split name of this pass ends: in which text, at which offset, whose. */
  #ends = new Map<Text, [offset: number, key: string]>();
  #later: (() => void)[] = [];

  readonly #badges: PageBadges;
  readonly #stops: (element: Element) => boolean;

  constructor(badges: PageBadges, stops: (element: Element) => boolean) {
    this.#badges = badges;
    this.#stops = stops;
  }

  /** What follows `node`, the text at place `at` of this pass (see TextsBeside), read once. */
  following(node: Text, at: number): string {
    const read = this.#following.get(at);
    if (read) return read[1];
    const texts = textsBeside(node, this.#stops);
    const rest = texts.map((text) => text.data).join('');
    this.#following.set(at, [texts, rest]);
    return rest;
  }

  /** The nearest text with any units before `node` in its line, or '' (see TextsBeside). */
  preceding(node: Text): string {
    return textsBeside(node, this.#stops, true, 1).find((text) => text.length > 0)?.data ?? '';
  }

  /**
   * `match` is the last in `node` (whose text is `data`), the text at `at`: if it goes on past
   * it, where it ends. Only a text whose end a walk met has anything to read here.
   */
  note(node: Text, data: string, at: number, match: NameMatch): void {
    const following = this.#following.get(at);
    if (!following || match.end <= data.length) return;
    const [texts, rest] = following;
    const [end, offset] = endIn(texts, match.end - data.length);
    const spanned = [node, ...texts.slice(0, texts.indexOf(end))];
    const label = (data + rest).slice(match.start, match.end).replace(/\s+/g, ' ');
    this.#ends.set(end, [offset, match.key]);
    this.#placers.set(match, () => {
      // A match of the text it ends in may have split it before this offset (names overlap).
      const badge = offset <= end.length && this.#badges.placeInText(end, offset, match.key, label);
      if (badge) this.#spans.set(badge, spanned);
    });
  }

  /** Whether `match` is a split name, whose badge is placed last. */
  defer(match: NameMatch): boolean {
    const place = this.#placers.get(match);
    if (place) this.#later.push(place);
    return place !== undefined;
  }

  /**
   * Whether `match`, the first in `node` (whose text is `data`), mentions again the person whose split name ends in
   * `node` before it, with only white space and punctuation between ("<mark>Ana</mark> Silva
   * <ana@…>"): the name's badge stands for both (see repeated-mentions.ts).
   */
  repeats(node: Text, data: string, match: NameMatch): boolean {
    const end = this.#ends.get(node);
    return end?.[1] === match.key && isSeparator(data.slice(end[0], match.start));
  }

  /** Places the deferred badges. */
  placeDeferred(): void {
    for (const place of this.#later) place();
  }

  /** The pass is over: what it read goes. */
  endPass(): void {
    this.#following = new Map();
    this.#placers = new Map();
    this.#ends = new Map();
    this.#later = [];
  }

  /**
   * The badges whose names the page changed (`changed` holds a text they began in) or took
   * apart (a text left the page), forgotten here. A badge the page removed is only forgotten.
   */
  takeStale(changed: ReadonlySet<Text>): Element[] {
    const stale: Element[] = [];
    for (const [badge, texts] of this.#spans) {
      const broken = texts.some((text) => changed.has(text) || !text.isConnected);
      if (broken || !badge.isConnected) this.#spans.delete(badge);
      if (broken && badge.isConnected) stale.push(badge);
    }
    return stale;
  }

  clear(): void {
    this.#spans.clear();
  }
}
