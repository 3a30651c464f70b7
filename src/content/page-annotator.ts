/**
 * Finds watched contacts' names and emails on the page and badges them: one TreeWalker pass when
 * the page is ready, then only what mutations add or change, batched per idle period. Never a
 * re-scan of the whole page, except once when the watch list changes (the badges start over).
 *
 * The hot path touches the DOM as little as possible: a SHOW_TEXT walk that collects the texts,
 * and the matcher over all of them at once. Only text nodes that match are checked against the
 * skip list, and all checks happen before the first badge is inserted, so no check forces a
 * style or layout pass.
 */
import { matcherFromIndex, type NameMatch, type NameMatcher } from '../core/name-matcher';
import type { PageContacts } from '../shared/page-protocol';
import { BADGE_ATTRIBUTE, CARD_ATTRIBUTE } from './dom-marks';
import { LateShadowRoots } from './late-shadow-roots';
import { SplitNames } from './split-names';
import { badgeLink, namesContact } from './mailto-links';
import type { PageBadges } from './page-badges';
import { ELEMENT_NODE, FRAGMENT_NODE, MAILTO, PageTexts, TEXT_NODE } from './page-texts';
import { beforeMention, withoutRepeats, type Hit } from './repeated-mentions';

/**
 * Where a name is not prose: the document's head (a page title that names someone must not get a
 * badge inside it), code, form fields, editors, our own UI, and mailto links (badged after the
 * link).
 */
const EDITOR = '[contenteditable]:not([contenteditable="false" i])';
const SKIP =
  'head,script,style,noscript,template,textarea,input,select,svg,' +
  `${EDITOR},${MAILTO},[${BADGE_ATTRIBUTE}],[${CARD_ATTRIBUTE}]`;
/** What pages add, change and remove, and which elements become editors (or stop being one). */
const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributeFilter: ['contenteditable'],
};

/** Whether `node` or one of its ancestors is in `roots` (and so is read with that root). */
function within(node: Node | null, roots: ReadonlySet<Node>): boolean {
  for (; node; node = node.parentNode) if (roots.has(node)) return true;
  return false;
}

/** Whether the page removed some node of its own (not only ours). */
function removedByPage(removed: NodeList, badges: PageBadges): boolean {
  for (const node of removed) if (!badges.isOurs(node)) return true;
  return false;
}

export class PageAnnotator {
  #revision: string | null = null;
  /** None until the worker sends the contacts: until then nothing is badged. */
  #matcher: NameMatcher | undefined;
  readonly #observer = new MutationObserver((records) => this.#collect(records));
  /** What mutations added or changed since the last batch (`flush` takes them, new sets follow). */
  #pendingRoots = new Set<Node>();
  #pendingTexts = new Set<Text>();
  /** Our nodes that followed a node the page removed, with that node (see #dropStale). */
  #pendingOrphans = new Map<Node, Node>();
  /** Open shadow roots found so far, observed along with the document. */
  readonly #shadowRoots = new Set<ShadowRoot>();
  /** Names split across texts (see split-names.ts). */
  readonly #splitNames: SplitNames;
  /** Shadow roots that custom elements get after a pass read them, read as they come. */
  readonly #lateShadowRoots = new LateShadowRoots((shadow) => {
    if (this.#shadowRoots.has(shadow)) return;
    this.#pendingRoots.add(shadow);
    this.#queueFlush();
  });
  /** The page removed nodes of its own since the last batch: badges may have gone with them. */
  #pageRemoved = false;
  #flushQueued = false;
  #started = false;
  #stopped = false;
  #lastShown = 0;

  readonly #doc: Document;
  readonly #badges: PageBadges;
  readonly #onShown: (revision: string, keys: string[]) => void;

  constructor(
    doc: Document,
    badges: PageBadges,
    /** Called with the keys of the contacts that have badges, whenever that set changes. */
    onShown: (revision: string, keys: string[]) => void,
  ) {
    this.#doc = doc;
    this.#badges = badges;
    this.#onShown = onShown;
    this.#splitNames = new SplitNames(badges, (element) => element.matches(SKIP));
  }

  setContacts(contacts: PageContacts, focusable: boolean): void {
    const previous = this.#revision;
    this.#badges.setFocusable(focusable);
    // A woken worker sends the same contacts again: nothing to scan, nothing to repaint.
    if (previous === contacts.revision) return;
    this.#revision = contacts.revision;
    this.#matcher = matcherFromIndex(contacts.index);
    // The watch list changed, and keys now mean other contacts: the badges start over, with the
    // whole page looked at once more. The worker hears the new keys either way. Joining the
    // page's texts again is no page change: the observer is off for it, as for any insertion of
    // ours, until the scan observes again.
    this.#lastShown = -1;
    if (previous === null || !this.#started) {
      this.#badges.clear();
      this.#reportShown();
      return;
    }
    this.#dropStale();
    this.#observer.disconnect();
    this.#badges.clear();
    // The scan reads the whole page, what was pending included.
    this.#pendingRoots.clear();
    this.#pendingTexts.clear();
    this.#scanDocument();
  }

  /** The first pass, once the page is visible; then mutations. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#scanDocument();
  }

  /** Handles what mutations added or changed since the last batch, now. */
  flush(): void {
    this.#flushQueued = false;
    if (this.#stopped) return;
    this.#dropStale();
    if (this.#pageRemoved) this.#badges.prune();
    this.#pageRemoved = false;
    const roots = this.#pendingRoots;
    const changed = this.#pendingTexts;
    this.#pendingRoots = new Set();
    this.#pendingTexts = new Set();
    const page = new PageTexts();
    for (const text of changed) {
      // A text in an added root is read with that root.
      if (text.isConnected && !within(text, roots)) page.addText(text);
    }
    for (const root of roots) {
      // A shadow root is a root of its own (found late, see LateShadowRoots): its host tells
      // whether another root holds it.
      const above = root.parentNode ?? (root as Partial<ShadowRoot>).host ?? null;
      if (!root.isConnected || within(above, roots)) continue;
      // Comments and the like hold nothing to badge; added nodes are never fragments (inserting
      // one inserts its children), so a fragment is such a shadow root.
      if (root.nodeType === TEXT_NODE) page.addText(root as Text);
      else if (root.nodeType === ELEMENT_NODE) page.addTree(root as Element);
      else if (root.nodeType === FRAGMENT_NODE) page.addShadowRoot(root as ShadowRoot);
    }
    this.#annotate(page);
  }

  /** Stops observing; the badges can then be taken away (PageBadges.removeAll), joining texts. */
  stop(): void {
    if (!this.#stopped) this.#dropStale();
    this.#stopped = true;
    this.#observer.disconnect();
    this.#lateShadowRoots.stop();
    this.#shadowRoots.clear();
    this.#pendingRoots.clear();
    this.#pendingTexts.clear();
    this.#pendingOrphans.clear();
  }

  /**
   * Takes the page's changes so far (handled now: no other batch is queued for them), and takes
   * away what of ours they made stale, before any of it is read again or any text joined (see
   * PageBadges): what followed a node the page removed, and what follows a text it changed.
   */
  #dropStale(): void {
    this.#collect(this.#observer.takeRecords(), false);
    for (const [ours, removed] of this.#pendingOrphans) {
      if (!ours.isConnected) continue;
      // Moved rather than removed, and not set since (Vue and Svelte move a list's text nodes):
      // it takes the rest of its text back, and is read where it now is, as an added node.
      const moved =
        removed.isConnected &&
        removed.nodeType === TEXT_NODE &&
        !this.#pendingTexts.has(removed as Text) &&
        !this.#badges.isOurs(removed);
      this.#badges.removeFrom(ours, moved ? (removed as Text) : null);
    }
    this.#pendingOrphans.clear();
    for (const text of this.#pendingTexts) if (text.isConnected) this.#badges.removeAfter(text);
    for (const badge of this.#splitNames.takeStale(this.#pendingTexts))
      this.#badges.remove(badge, true);
    // What that recorded is ours alone: no page script ran since the records were taken.
    this.#observer.takeRecords();
  }

  /** The whole page, once it is visible; then its mutations (observing again changes nothing). */
  #scanDocument(): void {
    this.#whenVisible(() => {
      if (this.#stopped) return;
      const page = new PageTexts();
      page.addTree(this.#doc.body ?? this.#doc.documentElement);
      this.#annotate(page);
      this.#observe();
    });
  }

  /**
   * Skip checks first, for every hit; then all insertions, one observer pause for them all, open
   * shadow roots included (see the file comment).
   */
  #annotate(page: PageTexts): void {
    // Read with their hosts; observed from now on (and again after each pause, see #observe).
    for (const shadow of page.shadowRoots) {
      this.#shadowRoots.add(shadow);
      this.#observer.observe(shadow, OBSERVE);
    }
    this.#lateShadowRoots.searchSoon(page.roots);
    // In design mode the whole page is an editor (see SKIP).
    const matcher = this.#doc.designMode === 'on' ? undefined : this.#matcher;
    const found: Hit[] = [];
    const splitNames = this.#splitNames;
    matcher?.findEach(
      page.data,
      (at, matches) => {
        const node = page.nodes[at]!;
        if (node.parentElement?.closest(SKIP)) return;
        found.push([at, matches]);
        splitNames.note(node, page.data[at]!, at, matches.at(-1)!);
      },
      {
        after: (at) => splitNames.following(page.nodes[at]!, at),
        before: (at) => splitNames.preceding(page.nodes[at]!),
      },
    );
    const hits = withoutRepeats(found, page);
    const marked = page.marked;
    if (marked.length > 0 || (matcher && (hits.length > 0 || page.links.length > 0))) {
      // Our own insertions are not page changes: the observer is off while they are made, rather
      // than record each split and insertion only for them to be thrown away (that cost more
      // than the insertions). What the page changed before is taken first.
      this.#collect(this.#observer.takeRecords());
      this.#observer.disconnect();
      try {
        // Badge-marked elements the page added: ours put back, or copies (see adopt). First, so
        // that a name followed by one of ours put back gets no second badge.
        for (const element of marked) this.#badges.adopt(element);
        // Hits, and split names to place, come only from a matcher.
        if (matcher) {
          for (const [at, matches] of hits) {
            this.#badgeText(page.nodes[at]!, page.data[at]!, matches, matcher);
          }
          splitNames.placeDeferred();
          for (const link of page.links) badgeLink(link, matcher, this.#badges);
        }
      } finally {
        this.#observe();
      }
    }
    splitNames.endPass();
    this.#badges.dropSpares();
    this.#reportShown();
  }

  /** Observes the document and every open shadow root found (again, after a pause). */
  #observe(): void {
    if (this.#stopped) return;
    this.#observer.observe(this.#doc, OBSERVE);
    for (const shadow of this.#shadowRoots) {
      if (shadow.host.isConnected) this.#observer.observe(shadow, OBSERVE);
      else this.#shadowRoots.delete(shadow); // found again if its host comes back
    }
  }

  /**
   * Right to left, so earlier offsets stay valid while the node is split after each match (`data`
   * is its text as the pass read it). A first match right after a `mailto:` link of its contact,
   * a badge of its contact, or the end of a split name of its contact, gets none: that badge
   * stands for both (see repeated-mentions.ts). A name that goes on into the texts after this one
   * is badged after the others (see split-names.ts).
   */
  #badgeText(node: Text, data: string, matches: readonly NameMatch[], matcher: NameMatcher): void {
    const first = matches[0]!;
    const before = beforeMention(node, data, first.start);
    const repeat =
      namesContact(before, first.key, matcher, this.#badges) ||
      this.#splitNames.repeats(node, data, first);
    for (const match of matches.toReversed()) {
      if (match === first && repeat) break;
      if (this.#splitNames.defer(match)) continue;
      // As a name reads: the page may have broken it across lines.
      const text = data.slice(match.start, match.end).replace(/\s+/g, ' ');
      this.#badges.placeInText(node, match.end, match.key, text);
    }
  }

  /** Notes what `records` added or changed, and unless `queue` is false, queues a batch for them. */
  #collect(records: readonly MutationRecord[], queue = true): void {
    let edited = false;
    for (const record of records) {
      if (record.type === 'childList') {
        for (const node of record.addedNodes)
          if (!this.#badges.isBadge(node)) this.#pendingRoots.add(node);
        const after = record.nextSibling;
        const removed = record.removedNodes;
        if (removed.length === 0 || !removedByPage(removed, this.#badges)) continue;
        this.#pageRemoved = true;
        if (after !== null && this.#badges.isOurs(after))
          this.#pendingOrphans.set(after, removed[removed.length - 1]!);
      } else if (record.type === 'attributes') {
        const element = record.target as Element;
        // Edited in place: our badges go now, before anyone types, or the page would save them
        // with its text. No longer an editor: its text is prose again, to read.
        if (element.matches(EDITOR)) {
          this.#badges.removeWithin(element);
          edited = true;
        } else this.#pendingRoots.add(element);
      } else if (record.target.nodeType === TEXT_NODE) {
        // Comments are character data too, and hold nothing to badge.
        this.#pendingTexts.add(record.target as Text);
      }
    }
    // What taking badges out of editors recorded is ours alone: no page script ran since.
    if (edited) this.#observer.takeRecords();
    const pending =
      this.#pendingRoots.size > 0 ||
      this.#pendingTexts.size > 0 ||
      this.#pendingOrphans.size > 0 ||
      this.#pageRemoved;
    if (queue && pending) this.#queueFlush();
  }

  /** A batch for what is pending, in the next idle period (one at a time). */
  #queueFlush(): void {
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    // Every browser this targets has requestIdleCallback (Chrome 120+, Firefox 140+).
    this.#whenVisible(() => requestIdleCallback(() => this.flush(), { timeout: 300 }));
  }

  /** A hidden tab defers its work until it is shown (asked again at each change of visibility). */
  #whenVisible(task: () => void): void {
    if (this.#doc.visibilityState !== 'hidden') return task();
    this.#doc.addEventListener('visibilitychange', () => this.#whenVisible(task), { once: true });
  }

  #reportShown(): void {
    const version = this.#badges.shownVersion;
    if (version === this.#lastShown || this.#revision === null) return;
    this.#lastShown = version;
    this.#onShown(this.#revision, this.#badges.shownKeys());
  }
}
