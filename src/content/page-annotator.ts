/**
 * Finds watched contacts' names and emails on the page and badges them: one TreeWalker pass when
 * the page is ready, then only what mutations add or change, batched per idle period. Never a
 * re-scan of the whole page, except once when the watch list changes (the badges in place stay).
 *
 * The hot path touches the DOM as little as possible: a SHOW_TEXT walk that collects the texts,
 * and the matcher over all of them at once. Only text nodes that match are checked against the
 * skip list, and all checks happen before the first badge is inserted, so no check forces a
 * style or layout pass.
 */
import { matcherFromIndex, type NameMatch } from '../core/name-matcher';
import type { PageContacts } from '../shared/page-protocol';
import { BADGE_ATTRIBUTE, CARD_ATTRIBUTE } from './dom-marks';
import type { PageBadges } from './page-badges';
import {
  addText,
  collectTexts,
  MAILTO,
  mailtoLinks,
  openShadowRoots,
  type PageTexts,
} from './page-texts';

/** Where a name is not prose: code, form fields, editors, our own UI, and mailto links (badged after the link). */
const SKIP =
  'script,style,noscript,template,textarea,input,select,svg,' +
  '[contenteditable]:not([contenteditable="false" i]),' +
  `${MAILTO},[${BADGE_ATTRIBUTE}],[${CARD_ATTRIBUTE}]`;
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

type Hit = readonly [Text, readonly NameMatch[]];

export class PageAnnotator {
  #revision: string | null = null;
  // An empty index written out, not built: the worker's index builder stays out of every page.
  #matcher = matcherFromIndex({
    size: 0,
    spaceless: false,
    punctuation: false,
    buckets: {},
    hints: '',
    otherHints: '',
  });
  readonly #observer = new MutationObserver((records) => this.#collect(records));
  readonly #pendingRoots = new Set<Node>();
  readonly #pendingTexts = new Set<Text>();
  /** Open shadow roots found so far, observed along with the document. */
  readonly #shadowRoots = new Set<ShadowRoot>();
  #observing = false;
  /** Disconnected while our own insertions are made (see #pause). */
  #paused = false;
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
  }

  setContacts(contacts: PageContacts, focusable: boolean): void {
    const previous = this.#revision;
    this.#badges.setFocusable(focusable);
    // A woken worker sends the same contacts again: nothing to scan, nothing to repaint.
    if (previous === contacts.revision) return;
    this.#revision = contacts.revision;
    this.#matcher = matcherFromIndex(contacts.index);
    // The watch list changed, and keys now mean other contacts: the badges start over, with the
    // whole page looked at once more. The worker hears the new keys either way.
    this.#badges.clear();
    this.#lastShown = -1;
    if (previous !== null && this.#started) {
      this.#whenVisible(() => this.#scanDocument());
    } else this.#reportShown();
  }

  /** The first pass, once the page is visible; then mutations. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#whenVisible(() => {
      this.#scanDocument();
      this.#observe();
    });
  }

  /** Handles what mutations added or changed since the last batch, now. */
  flush(): void {
    this.#flushQueued = false;
    if (this.#stopped) return;
    this.#collect(this.#observer.takeRecords());
    const roots = [...this.#pendingRoots];
    const changed = [...this.#pendingTexts];
    this.#pendingRoots.clear();
    this.#pendingTexts.clear();
    const rootSet = new Set(roots);
    const covered = (node: Node) => {
      for (let up = node.parentNode; up; up = up.parentNode) if (rootSet.has(up)) return true;
      return false;
    };
    const texts: PageTexts = { nodes: [], data: [] };
    for (const text of changed) {
      if (!text.isConnected || rootSet.has(text) || covered(text)) continue;
      // Its text changed: a badge after it may no longer follow a name.
      if (this.#badges.isBadge(text.nextSibling))
        this.#badges.removeBadge(text.nextSibling as Element);
      addText(text, texts);
    }
    const elements: ParentNode[] = [];
    for (const root of roots) {
      if (!root.isConnected || covered(root)) continue;
      if (root.nodeType === Node.TEXT_NODE) addText(root as Text, texts);
      else if (
        root.nodeType === Node.ELEMENT_NODE ||
        root.nodeType === Node.DOCUMENT_FRAGMENT_NODE
      ) {
        collectTexts(root, texts);
        elements.push(root as ParentNode);
      }
    }
    this.#annotate(texts, elements);
  }

  stop(): void {
    this.#stopped = true;
    this.#observing = false;
    this.#observer.disconnect();
    this.#shadowRoots.clear();
    this.#pendingRoots.clear();
    this.#pendingTexts.clear();
  }

  #scanDocument(): void {
    if (this.#stopped) return;
    const root = this.#doc.body ?? this.#doc.documentElement;
    const texts: PageTexts = { nodes: [], data: [] };
    collectTexts(root, texts);
    this.#annotate(texts, [root]);
  }

  /** Skip checks first, for every hit; then all insertions (see the file comment). */
  #annotate(texts: PageTexts, elements: readonly ParentNode[]): void {
    try {
      this.#annotateIn(texts, elements);
    } finally {
      if (this.#paused) this.#observe();
    }
    this.#reportShown();
  }

  /** `#annotate`, and again in each open shadow root found, one observer pause for them all. */
  #annotateIn(texts: PageTexts, elements: readonly ParentNode[]): void {
    const hits: Hit[] = [];
    this.#matcher.findEach(texts.data, (at, matches) => hits.push([texts.nodes[at]!, matches]));
    const editable = this.#doc.designMode === 'on';
    const kept = hits.filter(([node]) => !editable && !node.parentElement?.closest(SKIP));
    const links = editable ? [] : elements.flatMap((root) => mailtoLinks(root));
    const shadowRoots = elements.flatMap((root) => openShadowRoots(root));
    if (kept.length > 0 || links.length > 0) {
      this.#pause();
      for (const [node, matches] of kept) this.#badgeText(node, matches);
      for (const link of links) this.#badgeLink(link);
    }
    for (const shadow of shadowRoots) {
      this.#shadowRoots.add(shadow);
      if (this.#observing && !this.#paused) this.#observer.observe(shadow, OBSERVE);
      const inner: PageTexts = { nodes: [], data: [] };
      collectTexts(shadow, inner);
      this.#annotateIn(inner, [shadow]);
    }
  }

  /** Observes the document and every open shadow root found (again, after a pause). */
  #observe(): void {
    this.#paused = false;
    if (this.#stopped) return;
    this.#observing = true;
    this.#observer.observe(this.#doc, OBSERVE);
    for (const shadow of this.#shadowRoots) {
      if (shadow.host.isConnected) this.#observer.observe(shadow, OBSERVE);
      else this.#shadowRoots.delete(shadow); // found again if its host comes back
    }
  }

  /**
   * Our own insertions are not page changes: the observer is off while they are made, rather
   * than record each split and insertion only for them to be thrown away (that cost more than
   * the insertions). What the page changed before is taken first.
   */
  #pause(): void {
    if (!this.#observing || this.#paused) return;
    this.#collect(this.#observer.takeRecords());
    this.#observer.disconnect();
    this.#paused = true;
  }

  /** Right to left, so earlier offsets stay valid while the node is split after each match. */
  #badgeText(node: Text, matches: readonly NameMatch[]): void {
    const parent = node.parentNode;
    if (!parent) return;
    for (let i = matches.length - 1; i >= 0; i--) {
      const { start, end, key } = matches[i]!;
      const text = node.data;
      const atEnd = end >= text.length;
      // Seen before (the node was moved or re-added): a badge already follows this match.
      if (atEnd && this.#badges.isBadge(node.nextSibling)) continue;
      const ref = atEnd ? node.nextSibling : node.splitText(end);
      // As a name reads: the page may have broken it across lines.
      this.#badges.place(parent, ref, key, text.slice(start, end).replace(/\s+/g, ' '));
    }
  }

  #badgeLink(link: Element): void {
    const parent = link.parentNode;
    if (!parent || this.#badges.isBadge(link.nextSibling)) return;
    const href = link.getAttribute('href') ?? '';
    let addresses: string[];
    try {
      addresses = decodeURIComponent(href.slice(7).split('?')[0] ?? '').split(',');
    } catch {
      return; // a malformed escape in the page's link: nothing to match
    }
    const keys = new Map<string, string>();
    for (const raw of addresses) {
      const address = raw.trim();
      const key = this.#matcher.keyOf(address);
      if (key !== undefined && !keys.has(key)) keys.set(key, address);
    }
    for (const [key, address] of keys) this.#badges.place(parent, link.nextSibling, key, address);
  }

  #collect(records: readonly MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') this.#pendingTexts.add(record.target as Text);
      else
        for (const node of record.addedNodes)
          if (!this.#badges.isBadge(node)) this.#pendingRoots.add(node);
    }
    if (!this.#flushQueued && (this.#pendingRoots.size > 0 || this.#pendingTexts.size > 0)) {
      this.#flushQueued = true;
      this.#whenVisible(() => this.#afterIdle(() => this.flush()));
    }
  }

  #afterIdle(task: () => void): void {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 300 });
    else setTimeout(task, 50);
  }

  /** A hidden tab defers its work until it is shown. */
  #whenVisible(task: () => void): void {
    if (this.#doc.visibilityState !== 'hidden') return task();
    const onVisible = () => {
      if (this.#doc.visibilityState === 'hidden') return;
      this.#doc.removeEventListener('visibilitychange', onVisible);
      task();
    };
    this.#doc.addEventListener('visibilitychange', onVisible);
  }

  #reportShown(): void {
    if (this.#badges.shownVersion === this.#lastShown || this.#revision === null) return;
    this.#lastShown = this.#badges.shownVersion;
    this.#onShown(this.#revision, this.#badges.shownKeys());
  }
}
