import {
  virtualize,
  virtualizerRef,
  type VirtualizerHostElement,
} from '@lit-labs/virtualizer/virtualize.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import browser from 'webextension-polyfill';
import type { WatchedContact } from '../shared/contact';
import { ContactEntryCache, type ContactEntry } from '../shared/contact-entry';
import { listItems, nameCollator, type ListItem } from '../shared/contact-list';
import { headItems, type ListHead } from '../shared/list-head';
import { sendRequest } from '../shared/messages';
import type { RowActions } from '../ui/contact-row-actions';
import { contactRowStyles } from '../ui/contact-row-styles';
import { controlsStyles } from '../ui/controls-styles';
import { t, uiLanguage } from '../ui/i18n';
import { glyphStyles } from '../ui/status-glyph-styles';
import { themeStyles } from '../ui/theme-styles';
import { connectionLine } from './connection-line';
import { nextRow } from './list-keys';
import { listRow } from './list-row';
import { listStyles } from './list-styles';
import { toggleNotify } from './notify-toggle';
import './page-actions';
import { PopupData } from './popup-data';
import { popupHeader } from './popup-header';
import { popupStyles } from './popup-styles';
import { popupPresenceFeed, type PresenceFeed } from './presence-feed';
import { TickController } from './tick-controller';

const LAYOUT = flow();

/**
 * The toolbar popup: the watched contacts with their live presence, a search box, a sort order
 * (remembered), and a line about the connection. What it shows, and when it is read, is
 * PopupData's (popup-data.ts): the first paint comes from small reads, presence arrives as
 * changes, and only rows whose contact or presence changed re-render. The list is virtualised:
 * only the rows in view are in the DOM.
 *
 * Keyboard: the search box has focus on open; Down moves into the list; in the list Up/Down,
 * Home/End and Page Up/Down move between rows, and Tab reaches the current row's actions.
 *
 * @cssprop --pl-bg - Page background (see src/ui/theme-styles.ts for all tokens).
 */
export class PresencePopup extends LitElement {
  static override styles = [
    themeStyles,
    controlsStyles,
    glyphStyles,
    contactRowStyles,
    popupStyles,
    listStyles,
  ];

  static override properties = {
    _query: { state: true },
    _active: { state: true },
    _notice: { state: true },
  };

  /** Where presence changes come from; the page's port feed unless a test gives another. */
  feed: PresenceFeed = popupPresenceFeed;

  declare private _query: string;
  /** Index (in `_items`) of the row the arrow keys move from; -1 before any. */
  declare private _active: number;
  declare private _notice: string;

  private _items: ListItem[] = [];
  private _activeKey = '';
  /** What `_items` was built from: the data's version and the search. */
  private _built = { version: -1, query: '' };
  private _showsLastKnown = false;
  private _searchFocused = false;
  private readonly _collator = nameCollator(uiLanguage());
  private readonly _data = new PopupData(
    this,
    () => this.feed,
    () => this._rowsPainted(),
    this._collator,
  );
  private readonly _entries = new ContactEntryCache();
  private readonly _clock = new TickController(this, {
    fast: () =>
      this._data.connection.phase === 'reconnecting' && this._data.connection.retryAt !== undefined,
  });
  private readonly _rowActions: RowActions = {
    onCopyEmail: (contact) => void this._copyEmail(contact),
    onToggleNotify: (contact) => void this._toggleNotify(contact),
  };

  constructor() {
    super();
    this._query = '';
    this._active = -1;
    this._notice = '';
  }

  protected override willUpdate(): void {
    const data = this._data;
    if (data.version === this._built.version && this._query === this._built.query) return;
    this._built = { version: data.version, query: this._query };
    if (data.head !== null) return this._setItems(this._headItems(data.head));
    const lastKnown = data.lastKnown.presence;
    const entries = data.fresh
      ? this._entries.entriesFor(data.byName, data.live, lastKnown)
      : this._entries.entriesFor(data.byName, {}, { ...lastKnown, ...data.live });
    this._showsLastKnown = entries.some((e) => e.source === 'last-known');
    this._setItems(this._listItems(entries));
  }

  private _listItems(entries: readonly ContactEntry[]): ListItem[] {
    return listItems(entries, {
      query: this._query,
      order: this._data.order,
      collator: this._collator,
      ungroupedName: t('popup_group_other'),
    });
  }

  /** A search or another order, in the moment before the whole list is read, uses the head's rows. */
  private _headItems(head: ListHead): ListItem[] {
    const contacts = head.rows.flatMap((row) => (row.kind === 'contact' ? [row.contact] : []));
    const entries = this._entries.entriesFor(contacts, this._data.live, {});
    if (this._query !== '' || this._data.order !== head.order) return this._listItems(entries);
    return headItems(head, entries, t('popup_group_other'));
  }

  /** After the virtualizer has placed the rows, and the frame that shows them. */
  private async _rowsPainted(): Promise<void> {
    await this.updateComplete;
    await this._list?.[virtualizerRef]?.layoutComplete.catch(() => undefined);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }

  private _setItems(items: ListItem[]): void {
    this._items = items;
    // The current row follows its contact when a change or a search moves it.
    const kept = this._items.findIndex((item) => item.key === this._activeKey);
    this._setActive(kept >= 0 ? kept : this._items.findIndex((item) => item.kind === 'contact'));
  }

  protected override updated(): void {
    // The toolbar popup opens for a look-up: typing starts at once.
    if (!this._data.loaded || this._searchFocused) return;
    this._searchFocused = true;
    this._search?.focus();
  }

  private get _search(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input[type="search"]');
  }

  private get _list(): (HTMLElement & VirtualizerHostElement) | null {
    return this.renderRoot.querySelector('ul[data-part="contacts"]');
  }

  override render(): TemplateResult | typeof nothing {
    const data = this._data;
    if (!data.loaded) return nothing;
    const line = connectionLine(
      data.connection,
      this._showsLastKnown,
      data.lastKnown.savedAt,
      this._clock.now,
    );
    const watching = (data.head?.total ?? data.byName.length) > 0;
    return html`
      ${popupHeader(data.connection.phase, line, {
        onSignIn: this._onOpenOptions,
        onReconnect: this._onReconnect,
      })}
      <main>
        ${watching ? this._renderTools() : nothing}
        ${watching ? this._renderList() : this._renderEmpty()}
        <p class="notice" role="status" data-part="notice">${this._notice}</p>
      </main>
      <presence-page-actions></presence-page-actions>
    `;
  }

  private _renderTools(): TemplateResult {
    return html`<div class="tools" role="search">
      <label class="search">
        <span>${t('popup_search')}</span>
        <input
          type="search"
          autocomplete="off"
          spellcheck="false"
          .value=${this._query}
          @input=${this._onSearchInput}
          @keydown=${this._onSearchKeydown}
        />
      </label>
      <label class="sort">
        <span>${t('popup_sort')}</span>
        <select @change=${this._onSortChange}>
          <option value="name" ?selected=${this._data.order === 'name'}>
            ${t('popup_sort_name')}
          </option>
          <option value="availability" ?selected=${this._data.order === 'availability'}>
            ${t('popup_sort_availability')}
          </option>
        </select>
      </label>
    </div>`;
  }

  private _renderList(): TemplateResult {
    const shown = this._items.filter((item) => item.kind === 'contact').length;
    return html`${
        shown === 0
          ? html`<p class="no-match" data-part="no-match">${t('popup_no_match', this._query)}</p>`
          : nothing
      }
      <ul
        role="list"
        data-part="contacts"
        aria-label=${t('popup_list_label')}
        @keydown=${this._onListKeydown}
        @focusin=${this._onListFocusIn}
      >
        ${virtualize({
          // Given, not left to the virtualizer: its default layout is a lazy import, one more
          // module fetch before the first row.
          layout: LAYOUT,
          items: this._items,
          keyFunction: (item: ListItem) => item.key,
          renderItem: (item: ListItem, index: number) =>
            listRow(item, {
              index,
              setSize: this._setSize(),
              current: index === this._active,
              now: this._clock.now,
              actions: this._rowActions,
            }),
        })}
      </ul>`;
  }

  /** Rows of the whole list: the head knows how many there are before they are read. */
  private _setSize(): number {
    const head = this._data.head;
    return head !== null && this._query === '' ? head.size : this._items.length;
  }

  private _renderEmpty(): TemplateResult {
    return html`<div class="empty" data-part="empty">
      <p>${t('popup_empty')}</p>
      <button type="button" @click=${this._onOpenOptions}>${t('popup_open_options')}</button>
    </div>`;
  }

  private _onSearchInput(event: Event): void {
    this._query = (event.target as HTMLInputElement).value;
  }

  private _onSearchKeydown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' && this._active >= 0) {
      event.preventDefault();
      void this._focusRow(this._active);
    } else if (event.key === 'Escape' && this._query !== '') {
      // Clears the search rather than closing the popup.
      event.preventDefault();
      this._query = '';
    }
  }

  private _onSortChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this._data.setOrder(value === 'availability' ? 'availability' : 'name');
  }

  private _onListFocusIn(event: FocusEvent): void {
    const row = (event.target as Element).closest?.('li[data-index]');
    const index = Number(row?.getAttribute('data-index'));
    if (row && Number.isInteger(index) && index !== this._active) this._setActive(index);
  }

  private _onListKeydown(event: KeyboardEvent): void {
    if (this._active < 0) return;
    const target = nextRow(this._items, this._active, event.key);
    if (target === null) return;
    event.preventDefault();
    if (target < 0) this._search?.focus();
    else void this._focusRow(target);
  }

  private _setActive(index: number): void {
    this._active = index;
    this._activeKey = this._items[index]?.key ?? '';
  }

  /** Scrolls the row into view (it may not be in the DOM yet) and focuses it. */
  private async _focusRow(index: number): Promise<void> {
    this._setActive(index);
    const list = this._list;
    list?.[virtualizerRef]?.element(index)?.scrollIntoView({ block: 'nearest' });
    for (let frame = 0; frame < 10; frame++) {
      await this.updateComplete;
      const row = this.renderRoot.querySelector<HTMLElement>(`li[data-index="${index}"]`);
      if (row) {
        row.focus();
        return;
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }

  private async _copyEmail(contact: WatchedContact): Promise<void> {
    const email = contact.emails[0];
    if (email === undefined) return;
    try {
      await navigator.clipboard.writeText(email);
      this._notice = t('popup_copied', email);
    } catch {
      this._notice = t('popup_copy_failed');
    }
  }

  private async _toggleNotify(contact: WatchedContact): Promise<void> {
    const problem = await toggleNotify(contact);
    this._notice = problem
      ? t('popup_notify_failed', problem)
      : contact.notify === true
        ? t('popup_notify_off', contact.displayName)
        : t('popup_notify_on', contact.displayName);
  }

  private readonly _onReconnect = async (): Promise<void> => {
    const answer = await sendRequest({ type: 'reconnect' });
    if (!answer.ok) this._notice = answer.error;
  };

  private readonly _onOpenOptions = (): void => {
    browser.runtime.openOptionsPage().catch((error: unknown) => {
      console.warn('Presence Lens: could not open the options page', error);
    });
  };
}

if (!customElements.get('presence-popup')) customElements.define('presence-popup', PresencePopup);

declare global {
  interface HTMLElementTagNameMap {
    'presence-popup': PresencePopup;
  }
}
