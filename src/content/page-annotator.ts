/**
 * Finds watched contacts' names and emails on the page and badges them: one TreeWalker pass when
 * the page is ready, then only what mutations add or change, batched per idle period. Never a
 * re-scan of the whole page, except once when the watch list changes (the badges in place stay).
 *
 * The hot path touches the DOM as little as possible: a SHOW_TEXT walk and the matcher in plain
 * JavaScript. Only text nodes that match are checked against the skip list, and all checks happen
 * before the first badge is inserted, so no check forces a style or layout pass.
 */
import {
  compileNameMatcher,
  matcherFromIndex,
  type NameMatch,
  type NameMatcher,
} from '../core/name-matcher';
import { contactForEmail, personOf, type PageContacts } from '../shared/page-protocol';
import { BADGE_ATTRIBUTE, CARD_ATTRIBUTE } from './dom-marks';
import type { PageBadges } from './page-badges';

const MAILTO = 'a[href^="mailto:" i]';
/** Where a name is not prose: code, form fields, editors, our own UI, and mailto links (badged after the link). */
const SKIP =
  'script,style,noscript,template,textarea,input,select,svg,' +
  '[contenteditable]:not([contenteditable="false" i]),' +
  `${MAILTO},[${BADGE_ATTRIBUTE}],[${CARD_ATTRIBUTE}]`;
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

type Hit = readonly [Text, readonly NameMatch[]];

export class PageAnnotator {
  #contacts: PageContacts | null = null;
  #matcher: NameMatcher = compileNameMatcher([]);
  readonly #observer = new MutationObserver((records) => this.#collect(records));
  readonly #pendingRoots = new Set<Node>();
  readonly #pendingTexts = new Set<Text>();
  #flushQueued = false;
  #started = false;
  #stopped = false;
  #lastShown = 0;

  readonly #doc: Document;
  readonly #badges: PageBadges;
  readonly #onShown: (ids: string[]) => void;

  constructor(
    doc: Document,
    badges: PageBadges,
    /** Called with the contacts that have badges, whenever that set changes. */
    onShown: (ids: string[]) => void,
  ) {
    this.#doc = doc;
    this.#badges = badges;
    this.#onShown = onShown;
  }

  setContacts(contacts: PageContacts, focusable: boolean): void {
    const previous = this.#contacts;
    this.#badges.setFocusable(focusable);
    // A woken worker sends the same contacts again: nothing to scan, nothing to repaint.
    if (previous?.revision === contacts.revision) return;
    this.#contacts = contacts;
    this.#matcher = matcherFromIndex(contacts.index);
    if (previous !== null) {
      // The watch list changed: badges of people no longer watched (or renamed) go, and the new
      // names are looked for in the whole page, once. Badges in place stay: a match that a badge
      // already follows is skipped.
      const changed = (id: string) => {
        const before = personOf(previous.people, id);
        const now = personOf(contacts.people, id);
        return !before || !now || before.name !== now.name || before.email !== now.email;
      };
      this.#badges.removeContacts(this.#badges.shownIds().filter(changed));
    }
    this.#badges.setPeople(contacts.people);
    if (previous !== null && this.#started) {
      this.#whenVisible(() => this.#scanDocument(this.#matcher));
    } else this.#reportShown();
  }

  /** The first pass, once the page is visible; then mutations. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#whenVisible(() => {
      this.#scanDocument(this.#matcher);
      this.#observer.observe(this.#doc, OBSERVE);
    });
  }

  /** Handles what mutations added or changed since the last batch, now. */
  flush(): void {
    this.#flushQueued = false;
    if (this.#stopped) return;
    this.#collect(this.#observer.takeRecords());
    const roots = [...this.#pendingRoots];
    const texts = [...this.#pendingTexts];
    this.#pendingRoots.clear();
    this.#pendingTexts.clear();
    const rootSet = new Set(roots);
    const covered = (node: Node) => {
      for (let up = node.parentNode; up; up = up.parentNode) if (rootSet.has(up)) return true;
      return false;
    };
    const hits: Hit[] = [];
    for (const text of texts) {
      if (!text.isConnected || rootSet.has(text) || covered(text)) continue;
      // Its text changed: a badge after it may no longer follow a name.
      if (this.#badges.isBadge(text.nextSibling))
        this.#badges.removeBadge(text.nextSibling as Element);
      this.#matchText(text, this.#matcher, hits);
    }
    const elements: ParentNode[] = [];
    for (const root of roots) {
      if (!root.isConnected || covered(root)) continue;
      if (root.nodeType === Node.TEXT_NODE) this.#matchText(root as Text, this.#matcher, hits);
      else if (
        root.nodeType === Node.ELEMENT_NODE ||
        root.nodeType === Node.DOCUMENT_FRAGMENT_NODE
      ) {
        this.#walk(root, this.#matcher, hits);
        elements.push(root as ParentNode);
      }
    }
    this.#annotate(hits, elements, this.#matcher);
  }

  stop(): void {
    this.#stopped = true;
    this.#observer.disconnect();
    this.#pendingRoots.clear();
    this.#pendingTexts.clear();
  }

  #scanDocument(matcher: NameMatcher): void {
    if (this.#stopped) return;
    const root = this.#doc.body ?? this.#doc.documentElement;
    const hits: Hit[] = [];
    this.#walk(root, matcher, hits);
    this.#annotate(hits, [root], matcher);
  }

  #walk(root: Node, matcher: NameMatcher, hits: Hit[]): void {
    const walker = this.#doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      this.#matchText(node as Text, matcher, hits);
    }
  }

  #matchText(node: Text, matcher: NameMatcher, hits: Hit[]): void {
    const data = node.data;
    if (data.length < 2) return;
    const matches = matcher.find(data);
    if (matches.length > 0) hits.push([node, matches]);
  }

  /** Skip checks first, for every hit; then all insertions (see the file comment). */
  #annotate(hits: readonly Hit[], elements: readonly ParentNode[], matcher: NameMatcher): void {
    const editable = this.#doc.designMode === 'on';
    const kept = hits.filter(([node]) => !editable && !node.parentElement?.closest(SKIP));
    const links = editable ? [] : elements.flatMap((root) => this.#mailtoLinks(root));
    const shadowRoots = elements.flatMap((root) => this.#openShadowRoots(root));
    for (const [node, matches] of kept) this.#badgeText(node, matches);
    for (const link of links) this.#badgeLink(link);
    this.#observer.takeRecords(); // our own insertions are not page changes
    for (const shadow of shadowRoots) {
      this.#observer.observe(shadow, OBSERVE);
      const inner: Hit[] = [];
      this.#walk(shadow, matcher, inner);
      this.#annotate(inner, [shadow], matcher);
    }
    this.#reportShown();
  }

  /** Right to left, so earlier offsets stay valid while the node is split after each match. */
  #badgeText(node: Text, matches: readonly NameMatch[]): void {
    const parent = node.parentNode;
    if (!parent) return;
    for (let i = matches.length - 1; i >= 0; i--) {
      const { end, key } = matches[i]!;
      const atEnd = end >= node.data.length;
      // Seen before (the node was moved or re-added): a badge already follows this match.
      if (atEnd && this.#badges.isBadge(node.nextSibling)) continue;
      this.#badges.place(parent, atEnd ? node.nextSibling : node.splitText(end), key);
    }
  }

  #mailtoLinks(root: ParentNode): Element[] {
    const links = [...root.querySelectorAll(MAILTO)];
    if (root instanceof Element && root.matches(MAILTO)) links.push(root);
    return links;
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
    const emails = this.#contacts?.emails ?? {};
    const ids = new Set(addresses.map((a) => contactForEmail(emails, a.trim().toLowerCase())));
    for (const id of ids) if (id) this.#badges.place(parent, link.nextSibling, id);
  }

  #openShadowRoots(root: ParentNode): ShadowRoot[] {
    const found: ShadowRoot[] = [];
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(el.shadowRoot);
    return found;
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
    if (this.#badges.shownVersion === this.#lastShown) return;
    this.#lastShown = this.#badges.shownVersion;
    this.#onShown(this.#badges.shownIds());
  }
}
