/**
 * Every badge on the page, by contact key: placing one right after a match (or a `mailto:`
 * link), keeping all of a contact's badges live, and removing them. A badge is a `span` (a host
 * any page allows, which no page script can upgrade into a custom element of its own) with a
 * closed shadow root; `role="img"` and its `aria-label` carry the whole status for screen
 * readers.
 *
 * A badge inside a text splits it: the page's own node keeps the text up to the name, and the
 * rest moves to a new node of ours (a "tail"). Pages built with a framework (React, Vue, Angular,
 * Svelte, Lit) keep a reference to their node and later set its text, or remove it, as if it
 * still held everything. So when the page changes or removes one of its nodes, the badges and
 * tails that follow it go too (`removeAfter`, `removeFrom`); and when badges are taken away for
 * good, each tail joins the text before it again: the page gets its nodes back as they were.
 */
import { render } from 'lit/html.js';
import type { BadgeView, PageStyles } from '../shared/page-protocol';
import { badgeTemplate, cardTemplate } from './badge-view';
import { BADGE_ATTRIBUTE, unmark } from './dom-marks';
import type { PresenceCard } from './presence-card';

const POINTER_EVENTS = ['pointerover', 'pointerout', 'focusin', 'focusout'] as const;
/** What puts the page's selection, as HTML, where the user pastes or drops it. */
const COPY_EVENTS = ['copy', 'cut', 'dragstart'] as const;
/** `Node.TEXT_NODE` (the minifier cannot inline that). */
const TEXT_NODE = 3;

interface Badge {
  readonly key: string;
  /** The page's text it follows: its name until the worker's view arrives. */
  readonly text: string;
  /** Where its glyph renders (in its shadow root), once it has come near the viewport. */
  face: HTMLElement | null;
  /** The watch list it was placed for (see `clear`): its key means a contact only in that one. */
  readonly list: number;
}

export class PageBadges {
  readonly #badges = new WeakMap<Element, Badge>();
  /** The texts split off a page's text node after a match (see the file comment). */
  readonly #tails = new WeakSet<Node>();
  readonly #byKey = new Map<string, Set<HTMLElement>>();
  /** What each contact's badges say, as the worker last sent it. */
  readonly #views = new Map<string, BadgeView>();
  /** A fresh badge host is a copy of this one: its marks set in one native call. */
  readonly #blank: HTMLElement;
  #focusable = false;
  /** The badges' style sheet, as the worker sent it. */
  #css = '';
  #shownVersion = 0;
  /** Counts the watch lists: `clear` starts a new one, whose keys mean other contacts. */
  #list = 0;
  /**
   * A badge's look (a closed shadow root, its style and glyph) is made the first time it comes
   * near the viewport: a page that names hundreds of people pays for the few on screen. Its
   * role and label, what assistive technology reads, are there from the start. Made, with the
   * listeners, for the first badge: a page that names no one pays for neither.
   */
  #nearViewport: IntersectionObserver | null = null;
  #listening = false;
  /**
   * Drawn badges that went because the page changed their text, by contact, until the pass that
   * reads that text again is over (`dropSpares`). A badge that pass places for the same contact
   * takes one back as it is: a text the page keeps setting ("Ana Silva commented 5 minutes
   * ago") keeps its glyph, where a new badge would be an empty box until drawn, and the text
   * would jump for a frame at every tick.
   */
  readonly #spares = new Map<string, HTMLElement[]>();

  readonly #doc: Document;
  readonly #card: PresenceCard;

  /**
   * One set of listeners for every badge (events from inside a badge reach the document with the
   * badge as their target): a page naming hundreds of people does not get four listeners each.
   */
  readonly #onPointer = (event: Event) => {
    const host = event.target as Element;
    if (!this.#badges.has(host)) return;
    const into = (event as FocusEvent | PointerEvent).relatedTarget;
    if (into instanceof Node && host.contains(into)) return;
    if (event.type === 'pointerover' || event.type === 'focusin') {
      this.#showCard(host as HTMLElement);
    } else this.#card.hideSoon();
  };

  /**
   * A copy of the page's selection is HTML, badges' attributes included: pasted into mail or a
   * document, it would take a colleague's status with it. So before the browser copies, the
   * badges in the selection lose their marks and label, and get them back in the next task.
   * What is pasted is an empty `span`.
   */
  readonly #onCopy = () => {
    const selection = this.#doc.getSelection();
    if (!selection || selection.isCollapsed) return;
    const ranges = Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i));
    const hidden: HTMLElement[] = [];
    for (const hosts of this.#byKey.values()) {
      for (const host of hosts) {
        if (!ranges.some((range) => range.intersectsNode(host))) continue;
        hidden.push(host);
        unmark(host);
      }
    }
    if (hidden.length > 0) setTimeout(() => hidden.forEach((host) => this.#mark(host)));
  };

  constructor(doc: Document, card: PresenceCard) {
    this.#doc = doc;
    this.#card = card;
    this.#blank = doc.createElement('span');
    this.#mark(this.#blank);
  }

  /**
   * Marks `host` as a badge (for the annotator and a later copy of the script), names it, and
   * makes it a tab stop if badges are.
   */
  #mark(host: HTMLElement): void {
    host.setAttribute(BADGE_ATTRIBUTE, '');
    host.setAttribute('role', 'img');
    this.#setTabStop(host);
    this.#paint(host);
  }

  /**
   * Bumped whenever the contacts with badges change: each mutation batch asks whether to tell
   * the worker, and must not walk every badge ever placed to find out (pages like chats grow).
   */
  get shownVersion(): number {
    return this.#shownVersion;
  }

  /**
   * Keys of the contacts with at least one badge (badges the page removed count until noticed),
   * in the order first shown: the worker takes them as a set, and a growing page asks often.
   */
  shownKeys(): string[] {
    const keys: string[] = [];
    for (const [key, hosts] of this.#byKey) if (hosts.size > 0) keys.push(key);
    return keys;
  }

  isBadge(node: Node | null): boolean {
    return node !== null && this.#badges.has(node as Element);
  }

  /** For badges and the card drawn from now on (the worker sends the same sheets every time). */
  setStyles(styles: PageStyles): void {
    this.#css = styles.badge;
    this.#card.setStyle(styles.card);
  }

  setFocusable(focusable: boolean): void {
    if (focusable === this.#focusable) return;
    this.#focusable = focusable;
    this.#setTabStop(this.#blank);
    for (const hosts of this.#byKey.values()) for (const host of hosts) this.#setTabStop(host);
  }

  /**
   * A badge for contact `key` right after `end` in `node`, which is split there unless the match
   * ends the node; `text` is what it matched. A node that ends in a match already followed by a
   * badge (it was seen before, then moved or added again) gets no second one.
   */
  placeInText(node: Text, end: number, key: string, text: string): void {
    const parent = node.parentNode;
    if (!parent) return;
    if (end < node.length) {
      const tail = node.splitText(end);
      this.#tails.add(tail);
      this.place(parent, tail, key, text);
    } else if (!this.isBadge(node.nextSibling)) {
      this.place(parent, node.nextSibling, key, text);
    }
  }

  /** Inserts a badge for contact `key` after its `text` into `parent`, before `ref` (null: at the end). */
  place(parent: Node, ref: Node | null, key: string, text: string): void {
    if (!this.#listening) this.#listen();
    const spare = this.#spares.get(key)?.pop();
    const host = spare ?? (this.#blank.cloneNode(false) as HTMLElement);
    const face = spare ? this.#badges.get(spare)!.face : null;
    this.#badges.set(host, { key, text, face, list: this.#list });
    let hosts = this.#byKey.get(key);
    if (!hosts) this.#byKey.set(key, (hosts = new Set()));
    if (hosts.size === 0) this.#shownVersion++;
    hosts.add(host);
    this.#paint(host);
    parent.insertBefore(host, ref);
    if (face) return;
    if (this.#nearViewport) this.#nearViewport.observe(host);
    else this.#render(host);
  }

  /**
   * Forgets the badges that left the page with the page's own nodes (a list rendered anew, a
   * message deleted): held on to, each would keep its old subtree alive, and its contact
   * reported as shown, in an app that runs for days.
   */
  prune(): void {
    for (const [key, hosts] of this.#byKey) {
      for (const host of hosts) if (!host.isConnected) this.#forget(key, host);
    }
  }

  /**
   * An element with a badge's mark that the page added. One of ours that it took away and put
   * back (a list item kept aside, a tab shown again) is live again, with what its contact's badges
   * say now. A copy the page made (cloned, or its HTML set again) is an empty span that would go
   * on telling assistive technology a status nobody updates, so it loses our marks; so does one
   * of ours from before the watch list changed, which goes (its key means another contact now).
   * Either way the name before it is read again and gets a badge of ours.
   */
  adopt(element: Element): void {
    const badge = this.#badges.get(element);
    const host = element as HTMLElement;
    if (badge?.list === this.#list) {
      let hosts = this.#byKey.get(badge.key);
      if (!hosts) this.#byKey.set(badge.key, (hosts = new Set()));
      if (hosts.has(host)) return;
      if (hosts.size === 0) this.#shownVersion++;
      hosts.add(host);
      this.#paint(host);
      return;
    }
    if (badge) {
      // Drawn, or to be drawn, in a shadow root that cannot be taken off: it goes.
      this.#nearViewport?.unobserve(host);
      host.remove();
    }
    this.#badges.delete(element);
    unmark(element);
  }

  /** The pass that read the changed texts again is over: badges it did not take back are gone. */
  dropSpares(): void {
    this.#spares.clear();
  }

  #listen(): void {
    this.#listening = true;
    for (const type of POINTER_EVENTS) this.#doc.addEventListener(type, this.#onPointer, true);
    for (const type of COPY_EVENTS) this.#doc.addEventListener(type, this.#onCopy, true);
    if (typeof IntersectionObserver === 'function') {
      const onNear = (entries: IntersectionObserverEntry[]) => this.#onNearViewport(entries);
      this.#nearViewport = new IntersectionObserver(onNear, { rootMargin: '400px' });
    }
  }

  #forget(key: string, host: HTMLElement): void {
    const hosts = this.#byKey.get(key);
    if (hosts?.delete(host) && hosts.size === 0) this.#shownVersion++;
  }

  #onNearViewport(entries: readonly IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      this.#nearViewport?.unobserve(entry.target);
      this.#render(entry.target as HTMLElement);
    }
  }

  #render(host: HTMLElement): void {
    const badge = this.#badges.get(host);
    if (!badge || badge.face) return;
    const root = host.attachShadow({ mode: 'closed' });
    const style = this.#doc.createElement('style');
    style.textContent = this.#css;
    badge.face = this.#doc.createElement('span');
    root.append(style, badge.face);
    this.#paint(host);
  }

  /** Whether `node` is one of ours: a badge, or a tail split off a page's text. */
  isOurs(node: Node | null): boolean {
    return node !== null && (this.#tails.has(node) || this.isBadge(node));
  }

  /**
   * `text` changed. If it is the page's node, whatever of ours follows it goes: the page has set
   * the whole text into it. If it is a tail of ours, the badge after it goes: its match may be
   * gone.
   */
  removeAfter(text: Text): void {
    const next = text.nextSibling;
    if (!this.#tails.has(text)) this.removeFrom(next);
    else if (this.isBadge(next)) this.#remove(next as Element, true);
  }

  /**
   * Badges and tails from `node` on, up to the first node of the page's own. With `owner`, the
   * node the tails were split from (the page moved it away from them), their text goes back to
   * the end of it.
   */
  removeFrom(node: Node | null, owner: Text | null = null): void {
    for (let next: Node | null; this.isOurs(node); node = next) {
      next = node!.nextSibling;
      if (this.isBadge(node)) this.#remove(node as Element, true);
      else {
        owner?.appendData((node as Text).data);
        (node as ChildNode).remove();
      }
    }
  }

  /**
   * One badge goes, its tail left as it is (what the page changed is read again); with `spare`,
   * kept for that pass if it was drawn (see #spares).
   */
  #remove(host: Element, spare = false): void {
    const badge = this.#badges.get(host);
    if (!badge) return;
    this.#forget(badge.key, host as HTMLElement);
    this.#nearViewport?.unobserve(host);
    if (this.#card.shownFor === host) this.#card.hide();
    host.remove();
    if (!spare || !badge.face) return;
    let spares = this.#spares.get(badge.key);
    if (!spares) this.#spares.set(badge.key, (spares = []));
    spares.push(host as HTMLElement);
  }

  /** One badge goes for good, and the tail after it joins the text before it again. */
  #unplace(host: Element): void {
    const before = host.previousSibling;
    const after = host.nextSibling;
    this.#remove(host);
    if (before?.nodeType === TEXT_NODE && after !== null && this.#tails.has(after)) {
      (before as Text).appendData((after as Text).data);
      after.remove();
    }
  }

  /** Badges in `root` go for good, their texts joined again. */
  removeWithin(root: Element): void {
    for (const host of root.querySelectorAll(`[${BADGE_ATTRIBUTE}]`)) {
      if (this.isBadge(host)) this.#unplace(host);
    }
  }

  /**
   * Every badge and view goes, and every split is joined again: a new watch list, whose keys
   * mean other contacts.
   */
  clear(): void {
    for (const hosts of this.#byKey.values()) for (const host of hosts) this.#unplace(host);
    if (this.#byKey.size > 0) this.#shownVersion++;
    this.#byKey.clear();
    this.#list++;
    this.#views.clear();
    this.#spares.clear();
  }

  /** `clear`, and no more listening: this copy of the script is done. */
  removeAll(): void {
    this.clear();
    this.#nearViewport?.disconnect();
    this.#nearViewport = null;
    this.#listening = false;
    for (const type of POINTER_EVENTS) this.#doc.removeEventListener(type, this.#onPointer, true);
    for (const type of COPY_EVENTS) this.#doc.removeEventListener(type, this.#onCopy, true);
    this.#card.remove();
  }

  setView(view: BadgeView): void {
    this.#views.set(view.key, view);
    for (const host of this.#byKey.get(view.key) ?? []) {
      // A badge the page removed (with its text) is noticed here, where its contact is touched.
      if (host.isConnected) this.#paint(host);
      else this.#forget(view.key, host);
    }
  }

  #paint(host: HTMLElement): void {
    const badge = this.#badges.get(host);
    if (!badge) return;
    const view = this.#views.get(badge.key);
    // Until the worker's view arrives (a moment later), the badge is named by the text it follows.
    host.setAttribute('aria-label', view?.label ?? badge.text);
    if (badge.face) render(badgeTemplate(view), badge.face);
    if (this.#card.shownFor === host) this.#card.update(this.#cardFor(badge));
  }

  #cardFor(badge: Badge) {
    return cardTemplate(badge.text, this.#views.get(badge.key));
  }

  #showCard(host: HTMLElement): void {
    const badge = this.#badges.get(host);
    if (badge) this.#card.show(host, this.#cardFor(badge));
  }

  #setTabStop(host: HTMLElement): void {
    if (this.#focusable) host.tabIndex = 0;
    else host.removeAttribute('tabindex');
  }
}
