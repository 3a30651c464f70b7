import {
  virtualize,
  virtualizerRef,
  type VirtualizerHostElement,
} from '@lit-labs/virtualizer/virtualize.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import browser from 'webextension-polyfill';
import { SIGNED_OUT, type ConnectionInfo } from '../shared/connection';
import type { WatchedContact } from '../shared/contact';
import { sendRequest } from '../shared/messages';
import type { PresenceChanges } from '../shared/presence-changes';
import type { PresenceMap } from '../shared/presence-map';
import {
  connectionItem,
  lastKnownPresenceItem,
  livePresenceItem,
  watchListItem,
  type LastKnownPresence,
} from '../shared/storage-items';
import { ContactEntryCache } from '../ui/contact-entry';
import { contactRow } from '../ui/contact-row';
import { contactActions, contactAvatar, type RowActions } from '../ui/contact-row-actions';
import { contactRowStyles } from '../ui/contact-row-styles';
import { controlsStyles } from '../ui/controls-styles';
import { FollowController, type Following } from '../ui/follow-item';
import { t, uiLanguage } from '../ui/i18n';
import { glyphStyles } from '../ui/status-glyph-styles';
import { themeStyles } from '../ui/theme-styles';
import { connectionLine } from './connection-line';
import { listItems, sortContactsByName, type ListItem, type SortOrder } from './contact-list-model';
import { listStyles } from './list-styles';
import { toggleNotify } from './notify-toggle';
import './page-actions';
import { popupStyles } from './popup-styles';
import { popupPresenceFeed, type PresenceFeed } from './presence-feed';
import { TickController } from './tick-controller';

const LAYOUT = flow();

/** Rows moved by Page Up / Page Down. */
const PAGE_ROWS = 8;

/**
 * The toolbar popup: the watched contacts with their live presence, a search box, a sort order,
 * and a line about the connection. Paints once every storage item has been read (no flash of an
 * empty list): live presence from `storage.session`, read once; from then on presence arrives as
 * changes over the UI port (`feed`), and only rows whose contact or presence changed re-render.
 * The list is virtualised: only the rows in view are in the DOM.
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
    _loaded: { state: true },
    _contacts: { state: true },
    _live: { state: true },
    _lastKnown: { state: true },
    _connection: { state: true },
    _query: { state: true },
    _order: { state: true },
    _active: { state: true },
    _notice: { state: true },
  };

  /** Where presence changes come from; the page's port feed unless a test gives another. */
  feed: PresenceFeed = popupPresenceFeed;

  declare private _loaded: boolean;
  declare private _contacts: readonly WatchedContact[];
  declare private _live: PresenceMap;
  declare private _lastKnown: LastKnownPresence;
  declare private _connection: ConnectionInfo;
  declare private _query: string;
  declare private _order: SortOrder;
  /** Index (in `_items`) of the row the arrow keys move from; -1 before any. */
  declare private _active: number;
  declare private _notice: string;

  private _items: ListItem[] = [];
  private _activeKey = '';
  private _byName: readonly WatchedContact[] = [];
  private _showsLastKnown = false;
  private readonly _entries = new ContactEntryCache();
  private readonly _collator = new Intl.Collator(uiLanguage(), { sensitivity: 'base' });
  private readonly _clock = new TickController(this, {
    fast: () => this._connection.phase === 'reconnecting' && this._connection.retryAt !== undefined,
  });
  private readonly _follow = new FollowController(this, () => [this._followWorker()]);
  /**
   * Last known presence: the largest read (every contact, from disk). While the feed is live it is
   * only a fallback for contacts without live presence, so it is read after the first paint rather
   * than competing with it; otherwise it is waited for. Read again when the feed stops.
   */
  private _readLastKnown(): Promise<void> {
    return lastKnownPresenceItem.get().then(
      (value) => {
        if (this.isConnected) this._lastKnown = value;
      },
      () => undefined,
    );
  }
  private readonly _rowActions: RowActions = {
    onCopyEmail: (contact) => void this._copyEmail(contact),
    onToggleNotify: (contact) => void this._toggleNotify(contact),
  };

  constructor() {
    super();
    this._loaded = false;
    this._contacts = [];
    this._live = {};
    this._lastKnown = { presence: {}, savedAt: 0 };
    this._connection = SIGNED_OUT;
    this._query = '';
    this._order = 'name';
    this._active = -1;
    this._notice = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._follow.ready.then(async () => {
      const fresh = this._isFresh();
      if (!fresh) await this._readLastKnown();
      this._loaded = true;
      await this.updateComplete;
      if (fresh) requestAnimationFrame(() => void this._readLastKnown());
    });
  }

  /**
   * Storage once, for the first paint (the watch list, the connection, live presence from
   * `storage.session`), then what the worker says over the port: presence changes, the new
   * connection state, "the watch list changed" (read again then). No `storage.onChanged`
   * listener: it would copy every large write of any item (every contact's presence, the
   * notification book) into the popup. Whatever the port says before a read lands wins over it:
   * the read may be older than the worker's newest state.
   */
  private _followWorker(): Following {
    const heard = new Set<string>();
    let connectionHeard = false;
    let watchListReads = 0;
    const readWatchList = (): Promise<void> => {
      const read = ++watchListReads;
      return watchListItem.get().then(
        (contacts) => {
          if (read === watchListReads) this._contacts = contacts;
        },
        () => undefined,
      );
    };
    const stop = this.feed.subscribe((message) => {
      if (message.type === 'watchListChanged') {
        void readWatchList();
      } else if (message.type === 'connectionChanged') {
        connectionHeard = true;
        const wasFresh = this._isFresh();
        this._connection = message.connection;
        if (wasFresh && !this._isFresh()) void this._readLastKnown();
      } else {
        this._apply(message);
        for (const id of Object.keys(message.changed)) heard.add(id);
        for (const id of message.removed) heard.add(id);
      }
    });
    const live = livePresenceItem.get().then(
      (stored) => {
        const merged: Record<string, PresenceMap[string]> = { ...stored };
        for (const id of heard) {
          const newer = this._live[id];
          if (newer) merged[id] = newer;
          else delete merged[id];
        }
        this._live = merged;
      },
      () => undefined, // Storage unavailable: changes still arrive.
    );
    const connection = connectionItem.get().then(
      (value) => {
        if (!connectionHeard) this._connection = value;
      },
      () => undefined,
    );
    const ready = Promise.all([readWatchList(), live, connection]).then(() => undefined);
    return { ready, stop };
  }

  private _apply(changes: PresenceChanges): void {
    const next: Record<string, PresenceMap[string]> = { ...this._live, ...changes.changed };
    for (const id of changes.removed) delete next[id];
    this._live = next;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const inputs = ['_contacts', '_live', '_lastKnown', '_connection', '_query', '_order'] as const;
    if (!inputs.some((name) => changed.has(name))) return;
    if (changed.has('_contacts')) this._byName = sortContactsByName(this._contacts, this._collator);
    const entries = this._isFresh()
      ? this._entries.entriesFor(this._byName, this._live, this._lastKnown.presence)
      : this._entries.entriesFor(this._byName, {}, { ...this._lastKnown.presence, ...this._live });
    this._showsLastKnown = entries.some((e) => e.source === 'last-known');
    this._items = listItems(entries, {
      query: this._query,
      order: this._order,
      collator: this._collator,
      ungroupedName: t('popup_group_other'),
    });
    // The current row follows its contact when a change or a search moves it.
    const kept = this._items.findIndex((item) => item.key === this._activeKey);
    this._setActive(kept >= 0 ? kept : this._items.findIndex((item) => item.kind === 'contact'));
  }

  /** Only a working feed makes presence fresh; otherwise what it said last is last known. */
  private _isFresh(): boolean {
    const phase = this._connection.phase;
    return phase === 'live' || phase === 'polling';
  }

  protected override updated(changed: PropertyValues): void {
    // The toolbar popup opens for a look-up: typing starts at once.
    if (changed.has('_loaded') && this._loaded) this._search?.focus();
  }

  private get _search(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input[type="search"]');
  }

  private get _list(): (HTMLElement & VirtualizerHostElement) | null {
    return this.renderRoot.querySelector('ul[data-part="contacts"]');
  }

  override render(): TemplateResult | typeof nothing {
    if (!this._loaded) return nothing;
    const now = this._clock.now;
    const line = connectionLine(
      this._connection,
      this._showsLastKnown,
      this._lastKnown.savedAt,
      now,
    );
    const watching = this._contacts.length > 0;
    return html`
      <header>
        <h1>${t('popup_title')}</h1>
        <p
          class="connection"
          role="status"
          data-part="connection"
          data-phase=${this._connection.phase}
        >
          ${line.sentence}
        </p>
        ${
          line.freshness
            ? html`<p class="freshness" data-part="freshness">${line.freshness}</p>`
            : nothing
        }
        ${
          line.signIn || line.reconnect
            ? html`<div class="connection-actions">
                ${
                  line.signIn
                    ? html`<button type="button" @click=${this._onOpenOptions}>
                        ${t('popup_sign_in')}
                      </button>`
                    : nothing
                }
                ${
                  line.reconnect
                    ? html`<button type="button" @click=${this._onReconnect}>
                        ${t('popup_reconnect')}
                      </button>`
                    : nothing
                }
              </div>`
            : nothing
        }
      </header>
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
          <option value="name" ?selected=${this._order === 'name'}>${t('popup_sort_name')}</option>
          <option value="availability" ?selected=${this._order === 'availability'}>
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
          renderItem: (item: ListItem, index: number) => this._renderItem(item, index),
        })}
      </ul>`;
  }

  private _renderItem(item: ListItem, index: number): TemplateResult {
    if (item.kind === 'group') {
      return html`<li
        role="listitem"
        class="group"
        data-part="group"
        aria-setsize=${this._items.length}
        aria-posinset=${index + 1}
      >
        <h2>${item.name} <span class="count">(${item.count})</span></h2>
      </li>`;
    }
    const { entry } = item;
    const current = index === this._active;
    const now = this._clock.now;
    // Re-rendered only when its entry, the clock or its focus changed: not on others' changes.
    // Only the rows in view exist: the set size and position tell screen readers about the rest.
    return html`<li
      role="listitem"
      class="contact"
      tabindex=${current ? '0' : '-1'}
      aria-setsize=${this._items.length}
      aria-posinset=${index + 1}
      data-index=${index}
      data-contact-id=${entry.contact.contactId}
    >
      ${guard([entry, now, current], () => [
        contactAvatar(entry.contact),
        contactRow(entry, now),
        contactActions(entry, current, this._rowActions),
      ])}
    </li>`;
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
    this._order = value === 'availability' ? 'availability' : 'name';
  }

  private _onListFocusIn(event: FocusEvent): void {
    const row = (event.target as Element).closest?.('li[data-index]');
    const index = Number(row?.getAttribute('data-index'));
    if (row && Number.isInteger(index) && index !== this._active) this._setActive(index);
  }

  private _onListKeydown(event: KeyboardEvent): void {
    if (this._active < 0) return;
    const target = this._nextRow(event.key);
    if (target === null) return;
    event.preventDefault();
    if (target < 0) this._search?.focus();
    else void this._focusRow(target);
  }

  /** The row a key moves to; -1 for the search box; null when the key is not for the list. */
  private _nextRow(key: string): number | null {
    const rows = this._items.flatMap((item, index) => (item.kind === 'contact' ? [index] : []));
    const at = rows.indexOf(this._active);
    const pick = (position: number) => rows[Math.max(0, Math.min(rows.length - 1, position))] ?? -1;
    switch (key) {
      case 'ArrowDown':
        return pick(at + 1);
      case 'ArrowUp':
        return at <= 0 ? -1 : pick(at - 1);
      case 'Home':
        return pick(0);
      case 'End':
        return pick(rows.length - 1);
      case 'PageDown':
        return pick(at + PAGE_ROWS);
      case 'PageUp':
        return pick(at - PAGE_ROWS);
      default:
        return null;
    }
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

  private async _onReconnect(): Promise<void> {
    const answer = await sendRequest({ type: 'reconnect' });
    if (!answer.ok) this._notice = answer.error;
  }

  private _onOpenOptions(): void {
    browser.runtime.openOptionsPage().catch((error: unknown) => {
      console.warn('Presence Lens: could not open the options page', error);
    });
  }
}

if (!customElements.get('presence-popup')) customElements.define('presence-popup', PresencePopup);

declare global {
  interface HTMLElementTagNameMap {
    'presence-popup': PresencePopup;
  }
}
