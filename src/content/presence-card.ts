/**
 * The small card a badge shows on hover or focus: status, custom status, until, last active and
 * "Open chat". One per document, in the top layer (`popover="manual"`), so page stacking and
 * `overflow: hidden` cannot clip it. WCAG 1.4.13: it stays while the pointer is over the badge or
 * the card, and Esc dismisses it (that Esc is the card's alone).
 */
import { render } from 'lit/html.js';
import { CARD_ATTRIBUTE } from './dom-marks';

/** Time to move the pointer from the badge onto the card before it hides. */
const HIDE_DELAY_MS = 300;
const GAP_PX = 6;

export class PresenceCard {
  #host: HTMLElement | null = null;
  #content: HTMLElement | null = null;
  #anchor: HTMLElement | null = null;
  #hideTimer: ReturnType<typeof setTimeout> | undefined;
  /** Its style sheet, as the worker sent it (PageStyles), for when the card is first made. */
  #css = '';
  /** Listened to while the card is shown. */
  readonly #onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // This Esc is the card's: a dialog or menu of the page's own stays open until the next one.
    event.preventDefault();
    event.stopPropagation();
    this.hide();
  };

  readonly #doc: Document;

  constructor(doc: Document) {
    this.#doc = doc;
  }

  setStyle(css: string): void {
    this.#css = css;
  }

  get shownFor(): HTMLElement | null {
    return this.#anchor;
  }

  show(anchor: HTMLElement, template: unknown): void {
    clearTimeout(this.#hideTimer);
    const { host, content } = this.#ensure();
    render(template, content);
    this.#anchor = anchor;
    // While a modal dialog is open, all outside it is inert: a card there could be seen but
    // neither hovered nor focused. So a badge in the dialog gets its card in the dialog.
    const container = anchor.closest('dialog:modal') ?? this.#doc.documentElement;
    if (host.parentNode !== container) container.append(host);
    if (!host.matches(':popover-open')) host.showPopover();
    this.#place(anchor, host);
    this.#doc.addEventListener('keydown', this.#onKey, true);
  }

  /** Re-renders the open card (a presence change while it is shown). */
  update(template: unknown): void {
    if (this.#content && this.#anchor) render(template, this.#content);
  }

  hideSoon(): void {
    clearTimeout(this.#hideTimer);
    this.#hideTimer = setTimeout(() => this.hide(), HIDE_DELAY_MS);
  }

  hide(): void {
    clearTimeout(this.#hideTimer);
    this.#anchor = null;
    this.#doc.removeEventListener('keydown', this.#onKey, true);
    if (this.#host?.matches(':popover-open')) this.#host.hidePopover();
  }

  remove(): void {
    this.hide();
    this.#host?.remove();
    this.#host = null;
  }

  #ensure(): { host: HTMLElement; content: HTMLElement } {
    if (this.#host && this.#content) return { host: this.#host, content: this.#content };
    const host = this.#doc.createElement('span');
    host.setAttribute(CARD_ATTRIBUTE, '');
    host.setAttribute('popover', 'manual');
    const root = host.attachShadow({ mode: 'closed' });
    const style = this.#doc.createElement('style');
    style.textContent = this.#css;
    const content = this.#doc.createElement('div');
    root.append(style, content);
    // Hoverable: moving onto the card keeps it; leaving it hides it like leaving the badge.
    host.addEventListener('pointerenter', () => clearTimeout(this.#hideTimer));
    host.addEventListener('pointerleave', () => this.hideSoon());
    host.addEventListener('focusout', (event) => {
      if (!host.contains(event.relatedTarget as Node | null)) this.hideSoon();
    });
    this.#host = host;
    this.#content = content;
    return { host, content };
  }

  #place(anchor: HTMLElement, host: HTMLElement): void {
    // Measured at the top left, sized by its content, before it is moved next to the badge.
    for (const side of ['top', 'left', 'right', 'bottom']) {
      host.style.setProperty(side, side === 'top' || side === 'left' ? '0' : 'auto', 'important');
    }
    const at = anchor.getBoundingClientRect();
    const size = host.getBoundingClientRect();
    const view = this.#doc.documentElement;
    const below = at.bottom + GAP_PX + size.height <= view.clientHeight;
    const top = below ? at.bottom + GAP_PX : Math.max(0, at.top - GAP_PX - size.height);
    const left = Math.max(0, Math.min(at.left, view.clientWidth - size.width));
    host.style.setProperty('top', `${Math.round(top)}px`, 'important');
    host.style.setProperty('left', `${Math.round(left)}px`, 'important');
  }
}
