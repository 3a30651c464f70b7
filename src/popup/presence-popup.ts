import { html, LitElement, nothing, type TemplateResult } from 'lit';
import browser from 'webextension-polyfill';
import { SIGNED_OUT, type ConnectionInfo } from '../shared/connection';
import { sendRequest } from '../shared/messages';
import type { WatchedContact } from '../shared/contact';
import type { PresenceMap } from '../shared/presence-map';
import {
  connectionItem,
  lastKnownPresenceItem,
  livePresenceItem,
  watchListItem,
  type LastKnownPresence,
} from '../shared/storage-items';
import { controlsStyles } from '../ui/controls-styles';
import { contactEntries, type ContactEntry } from '../ui/contact-entry';
import { contactRow } from '../ui/contact-row';
import { contactRowStyles } from '../ui/contact-row-styles';
import { FollowController, followItem } from '../ui/follow-item';
import { glyphStyles } from '../ui/status-glyph-styles';
import { themeStyles } from '../ui/theme-styles';
import { connectionLine } from './connection-line';
import './page-actions';
import { popupStyles } from './popup-styles';

/** Relative times ("until 15:30", "active 5 min ago") are recomputed this often. */
const TICK_MS = 30_000;

/**
 * The toolbar popup: the watched contacts with their live presence, and a line about the
 * connection. Reads every storage item at once and paints only when all have arrived (no flash
 * of an empty list), then follows each item so it updates while open.
 *
 * Contacts appear in watch-list order (the order the user built on the options page).
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
  ];

  static override properties = {
    _loaded: { state: true },
    _contacts: { state: true },
    _live: { state: true },
    _lastKnown: { state: true },
    _connection: { state: true },
    _now: { state: true },
  };

  declare private _loaded: boolean;
  declare private _contacts: readonly WatchedContact[];
  declare private _live: PresenceMap;
  declare private _lastKnown: LastKnownPresence;
  declare private _connection: ConnectionInfo;
  declare private _now: number;

  private readonly _follow = new FollowController(this, () => [
    followItem(watchListItem, (value) => (this._contacts = value)),
    followItem(livePresenceItem, (value) => (this._live = value)),
    followItem(lastKnownPresenceItem, (value) => (this._lastKnown = value)),
    followItem(connectionItem, (value) => (this._connection = value)),
  ]);
  private _tick: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this._loaded = false;
    this._contacts = [];
    this._live = {};
    this._lastKnown = { presence: {}, savedAt: 0 };
    this._connection = SIGNED_OUT;
    this._now = Date.now();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._follow.ready.then(() => {
      this._now = Date.now();
      this._loaded = true;
    });
    // Each second only while a reconnect countdown shows; otherwise every TICK_MS.
    this._tick = setInterval(() => {
      const now = Date.now();
      const counting = this._connection.phase === 'reconnecting' && this._connection.retryAt;
      if (counting || now - this._now >= TICK_MS) this._now = now;
    }, 1_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._tick);
    this._tick = undefined;
  }

  override render(): TemplateResult | typeof nothing {
    if (!this._loaded) return nothing;
    // Only a working feed makes presence fresh; otherwise what it said last is last known.
    const phase = this._connection.phase;
    const fresh = phase === 'live' || phase === 'polling';
    const entries = fresh
      ? contactEntries(this._contacts, this._live, this._lastKnown.presence)
      : contactEntries(this._contacts, {}, { ...this._lastKnown.presence, ...this._live });
    const line = connectionLine(
      this._connection,
      entries.some((e) => e.source === 'last-known'),
      this._lastKnown.savedAt,
      this._now,
    );
    const signedOut = this._connection.phase === 'signed-out';
    return html`
      <header>
        <h1>Presence Lens</h1>
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
      </header>
      <main>
        ${entries.length === 0 ? this._renderEmpty() : this._renderList(entries)}
        ${
          signedOut && entries.length > 0
            ? html`<div class="actions">${this._renderOptionsButton()}</div>`
            : nothing
        }
        ${
          this._connection.phase === 'error'
            ? html`<div class="actions">
                <button type="button" @click=${this._onReconnect}>Reconnect</button>
              </div>`
            : nothing
        }
      </main>
      <presence-page-actions></presence-page-actions>
    `;
  }

  private _renderList(entries: readonly ContactEntry[]): TemplateResult {
    return html`<ul role="list" aria-label="Watched contacts">
      ${entries.map(
        (entry) =>
          html`<li role="listitem" data-contact-id=${entry.contact.contactId}>
            ${contactRow(entry, this._now)}
          </li>`,
      )}
    </ul>`;
  }

  private _renderEmpty(): TemplateResult {
    return html`<div class="empty" data-part="empty">
      <p>You are not watching anyone yet. Add colleagues by email on the options page.</p>
      ${this._renderOptionsButton()}
    </div>`;
  }

  private _renderOptionsButton(): TemplateResult {
    return html`<button type="button" @click=${this._onOpenOptions}>Open options</button>`;
  }

  private async _onReconnect(): Promise<void> {
    const answer = await sendRequest({ type: 'reconnect' });
    if (!answer.ok) console.warn(`Presence Lens: ${answer.error}`);
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
