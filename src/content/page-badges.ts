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
import { guardCopies } from './copy-guard';
import { BADGE_ATTRIBUTE, unmark } from './dom-marks';
import { TEXT_NODE } from './page-texts';
import { NearViewport } from './near-viewport';
import type { PresenceCard } from './presence-card';
import { ShownContacts } from './shown-contacts';

/**
 * Mouse events rather than pointer events: a page's first `pointerover` listener cost it about
 * 0.1 ms in Chromium (measured over 40 fresh pages; `mouseover` nothing measurable), on every page
 * with a badge. Pens and touch fire them too, as compatibility mouse events.
 */
const POINTER_EVENTS = ['mouseover', 'mouseout', 'focusin', 'focusout'] as const;

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
  readonly #shown = new ShownContacts();
  /** What each contact's badges say, as the worker last sent it. */
  readonly #views = new Map<string, BadgeView>();
  /**
   * A fresh badge host is a copy of this one: its marks set in one native call. Made for the
   * first badge: a page's first element costs it a tenth of a millisecond or more, and most
   * pages name no one.
   */
  #blank: HTMLElement | null = null;
  #focusable = false;
  /** The badges' style sheet, as the worker sent it. */
  #css = '';
  /** Counts the watch lists: `clear` starts a new one, whose keys mean other contacts. */
  #list = 0;
  /**
   * A badge's look (a closed shadow root, its style and glyph) is made the first time it comes
   * near the viewport: a page that names hundreds of people pays for the few on screen. Its
   * role and label, what assistive technology reads, are there from the start. Made, with the
   * listeners, for the first badge: a page that names no one pays for neither.
   */
  #nearViewport: NearViewport | null = null;
  #listening = false;
  /** Ends the guard on copies of the page's selection (see copy-guard.ts). */
  #unguardCopies: (() => void) | null = null;
  /**
   * Drawn badges that went because the page changed their text, by contact, until the pass that
   * reads it again is over (`dropSpares`); a badge it places for the same contact takes one back.
   * So a text the page keeps setting ("commented 5 minutes ago") keeps its glyph, and does not
   * jump for a frame at each tick while a new badge is drawn.
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
    const into = (event as FocusEvent | MouseEvent).relatedTarget;
    if (into instanceof Node && host.contains(into)) return;
    if (event.type === 'mouseover' || event.type === 'focusin') {
      this.#showCard(host as HTMLElement);
    } else this.#card.hideSoon();
  };

  constructor(doc: Document, card: PresenceCard) {
    this.#doc = doc;
    this.#card = card;
  }

  /** Marks `host` as a badge (see dom-marks.ts), names it, and makes it a tab stop if badges are. */
  #mark(host: HTMLElement): void {
    host.setAttribute(BADGE_ATTRIBUTE, '');
    host.setAttribute('role', 'img');
    this.#setTabStop(host);
    this.#paint(host);
  }

  /** Moves whenever the contacts with badges change (see ShownContacts). */
  get shownVersion(): number {
    return this.#shown.version;
  }

  /** Keys of the contacts with at least one badge (see ShownContacts). */
  shownKeys(): string[] {
    return this.#shown.keys();
  }

  isBadge(node: Node | null): boolean {
    return node !== null && this.#badges.has(node as Element);
  }

  /** The contact key of the badge `node` is, if it is one of ours. */
  keyOf(node: Node | null): string | undefined {
    return node === null ? undefined : this.#badges.get(node as Element)?.key;
  }

  /** For badges and the card drawn from now on (the worker sends the same sheets every time). */
  setStyles(styles: PageStyles): void {
    this.#css = styles.badge;
    this.#card.setStyle(styles.card);
  }

  setFocusable(focusable: boolean): void {
    if (focusable === this.#focusable) return;
    this.#focusable = focusable;
    if (this.#blank) this.#setTabStop(this.#blank);
    this.#shown.each((host) => this.#setTabStop(host));
  }

  /**
   * A badge for contact `key` right after `end` in `node`, which is split there unless the match
   * ends the node; `text` is what it matched. A node that ends in a match already followed by a
   * badge (it was seen before, then moved or added again) gets no second one. The badge placed.
   */
  placeInText(node: Text, end: number, key: string, text: string): Element | undefined {
    const parent = node.parentNode;
    if (!parent) return;
    if (end < node.length) {
      const tail = node.splitText(end);
      this.#tails.add(tail);
      return this.place(parent, tail, key, text);
    }
    if (!this.isBadge(node.nextSibling)) return this.place(parent, node.nextSibling, key, text);
  }

  /** Inserts a badge for contact `key` after its `text` into `parent`, before `ref` (null: at the end). */
  place(parent: Node, ref: Node | null, key: string, text: string): Element {
    if (!this.#listening) this.#listen();
    const spare = this.#spares.get(key)?.pop();
    if (!this.#blank) this.#mark((this.#blank = this.#doc.createElement('span')));
    const host = spare ?? (this.#blank.cloneNode(false) as HTMLElement);
    const face = spare ? this.#badges.get(spare)!.face : null;
    this.#badges.set(host, { key, text, face, list: this.#list });
    this.#shown.add(key, host);
    this.#paint(host);
    parent.insertBefore(host, ref);
    if (!face) this.#nearViewport?.observe(host);
    return host;
  }

  /**
   * Forgets the badges that left the page with the page's own nodes (a list rendered anew, a
   * message deleted): held on to, each would keep its old subtree alive, and its contact
   * reported as shown, in an app that runs for days.
   */
  prune(): void {
    this.#shown.each((host, key) => {
      if (!host.isConnected) this.#shown.delete(key, host);
    });
  }

  /**
   * An element with a badge's mark that the page added. One of ours put back (a list item kept
   * aside) is live again. A copy the page made (cloned, or its HTML set again) would go on
   * telling assistive technology a status nobody updates: it loses our marks. One of ours from
   * an earlier watch list (its key means another contact now) goes. Its name gets a new badge.
   */
  adopt(element: Element): void {
    const badge = this.#badges.get(element);
    const host = element as HTMLElement;
    if (badge?.list === this.#list) {
      if (this.#shown.add(badge.key, host)) this.#paint(host);
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
    this.#unguardCopies = guardCopies(this.#doc, this.#shown, (host) => this.#mark(host));
    this.#nearViewport = new NearViewport((host) => this.#render(host as HTMLElement));
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
    else if (this.isBadge(next)) this.remove(next as Element, true);
  }

  /**
   * Badges and tails from `node` on, up to the first node of the page's own. With `owner`, the
   * node the tails were split from (the page moved it away from them), their text goes back to
   * the end of it.
   */
  removeFrom(node: Node | null, owner: Text | null = null): void {
    for (let next: Node | null; this.isOurs(node); node = next) {
      next = node!.nextSibling;
      if (this.isBadge(node)) this.remove(node as Element, true);
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
  remove(host: Element, spare = false): void {
    const badge = this.#badges.get(host);
    if (!badge) return;
    this.#shown.delete(badge.key, host as HTMLElement);
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
    this.remove(host);
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
    this.#shown.each((host) => this.#unplace(host));
    this.#shown.clear();
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
    this.#unguardCopies?.();
    this.#unguardCopies = null;
    this.#card.remove();
  }

  setView(view: BadgeView): void {
    this.#views.set(view.key, view);
    for (const host of this.#shown.of(view.key)) {
      // A badge the page removed (with its text) is noticed here, where its contact is touched.
      if (host.isConnected) this.#paint(host);
      else this.#shown.delete(view.key, host);
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
