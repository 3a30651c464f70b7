import { html, LitElement, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { WatchedContact } from '../shared/contact';
import { sendRequest } from '../shared/messages';
import { watchListItem } from '../shared/storage-items';
import { controlsStyles } from '../ui/controls-styles';
import { FollowController, followItem } from '../ui/follow-item';
import { themeStyles } from '../ui/theme-styles';
import { optionsStyles } from './options-styles';
import { contactsPanelStyles } from './contacts-panel-styles';

export const EMPTY_QUERY_ERROR = 'Enter an email or a Webex person id.';

/**
 * The "Watched contacts" section: add a person by email or person id, see the watch list (live
 * from `watchListItem`, which only the background writes) and remove people from it.
 */
export class PresenceContactsPanel extends LitElement {
  static override styles = [themeStyles, controlsStyles, optionsStyles, contactsPanelStyles];

  static override properties = {
    _contacts: { state: true },
    _query: { state: true },
    _adding: { state: true },
    _addError: { state: true },
    _listError: { state: true },
    _announcement: { state: true },
    _removing: { state: true },
  };

  declare private _contacts: readonly WatchedContact[];
  declare private _query: string;
  declare private _adding: boolean;
  declare private _addError: string;
  declare private _listError: string;
  declare private _announcement: string;
  declare private _removing: ReadonlySet<string>;

  private readonly _follow = new FollowController(this, () => [
    followItem(watchListItem, (contacts) => (this._contacts = contacts)),
  ]);

  constructor() {
    super();
    this._contacts = [];
    this._query = '';
    this._adding = false;
    this._addError = '';
    this._listError = '';
    this._announcement = '';
    this._removing = new Set();
  }

  override render(): TemplateResult {
    return html`<section aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">Watched contacts</h2>
      <form novalidate @submit=${this._onAdd}>
        <div class="field">
          <label for="add-contact">Add contact</label>
          <div class="inline">
            <input
              id="add-contact"
              name="query"
              type="text"
              placeholder="Email or Webex person id"
              autocomplete="off"
              spellcheck="false"
              aria-invalid=${this._addError ? 'true' : 'false'}
              aria-describedby="add-contact-error"
              .value=${live(this._query)}
              @input=${this._onQueryInput}
            />
            <button type="submit" ?disabled=${this._adding}>
              ${this._adding ? 'Adding…' : 'Add'}
            </button>
          </div>
          <p id="add-contact-error" class="alert" role="alert" data-part="add-error">
            ${this._addError}
          </p>
        </div>
      </form>
      <p class="status" role="status" data-part="announcement">${this._announcement}</p>
      <p class="alert" role="alert" data-part="remove-error">${this._listError}</p>
      ${
        this._contacts.length === 0
          ? html`<p class="hint" data-part="empty">
              Nobody is watched yet. Add a colleague by email above.
            </p>`
          : html`<ul role="list" aria-labelledby="contacts-heading">
              ${this._contacts.map((contact) => this._renderContact(contact))}
            </ul>`
      }
    </section>`;
  }

  private _renderContact(contact: WatchedContact): TemplateResult {
    return html`<li role="listitem" data-contact-id=${contact.contactId}>
      <span class="who">
        <span class="name" data-part="name">${contact.displayName}</span>
        <span class="emails" data-part="emails">${contact.emails.join(', ')}</span>
      </span>
      <button
        type="button"
        class="secondary"
        aria-label=${`Remove ${contact.displayName}`}
        ?disabled=${this._removing.has(contact.contactId)}
        @click=${() => this._onRemove(contact)}
      >
        Remove
      </button>
    </li>`;
  }

  private _onQueryInput(event: Event): void {
    this._query = (event.target as HTMLInputElement).value;
  }

  private async _onAdd(event: Event): Promise<void> {
    event.preventDefault();
    if (this._adding) return;
    const query = this._query.trim();
    this._announcement = '';
    if (query === '') {
      this._addError = EMPTY_QUERY_ERROR;
      await this._focusField();
      return;
    }
    this._addError = '';
    this._adding = true;
    const response = await sendRequest({ type: 'addContact', query });
    this._adding = false;
    if (response.ok) {
      this._query = '';
      this._announcement = `Added ${response.contact.displayName}`;
    } else {
      this._addError = response.error;
    }
    await this._focusField();
  }

  private async _onRemove(contact: WatchedContact): Promise<void> {
    if (this._removing.has(contact.contactId)) return;
    this._listError = '';
    this._announcement = '';
    this._removing = new Set([...this._removing, contact.contactId]);
    const response = await sendRequest({ type: 'removeContact', contactId: contact.contactId });
    const removing = new Set(this._removing);
    removing.delete(contact.contactId);
    this._removing = removing;
    if (response.ok) {
      this._announcement = `Removed ${contact.displayName}`;
      // The row (and the focused button) goes away: keep keyboard focus somewhere sensible.
      await this._focusField();
    } else {
      this._listError = `Could not remove ${contact.displayName}: ${response.error}`;
    }
  }

  private async _focusField(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#add-contact')?.focus();
  }
}

if (!customElements.get('presence-contacts-panel')) {
  customElements.define('presence-contacts-panel', PresenceContactsPanel);
}

declare global {
  interface HTMLElementTagNameMap {
    'presence-contacts-panel': PresenceContactsPanel;
  }
}
