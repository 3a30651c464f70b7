import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { MAX_GROUP_LENGTH, parseGroup, type WatchedContact } from '../shared/contact';
import { sendRequest } from '../shared/messages';
import { watchListItem } from '../shared/storage-items';
import { controlsStyles } from '../ui/controls-styles';
import { FollowController, followItem } from '../ui/follow-item';
import { t, uiLanguage } from '../ui/i18n';
import { themeStyles } from '../ui/theme-styles';
import './add-contact-field';
import type { PresenceAddContactField } from './add-contact-field';
import './bulk-add-panel';
import { sectionContacts, type ContactSort } from './contact-order';
import { contactsPanelStyles } from './contacts-panel-styles';
import { optionsStyles } from './options-styles';
import './watch-list-transfer';

/** How long "Undo" stays after a removal. */
export const UNDO_MS = 10_000;

/**
 * The "Watched contacts" section: add people (one by email, id or name search; many by pasting
 * a list; or from a file), see the watch list (live from `watchListItem`, which only the
 * background writes) sorted and in sections by group, set each one's group and "Notify me when
 * available", remove them (with Undo for a few seconds), and export the list.
 */
export class PresenceContactsPanel extends LitElement {
  static override styles = [themeStyles, controlsStyles, optionsStyles, contactsPanelStyles];

  static override properties = {
    _contacts: { state: true },
    _sort: { state: true },
    _listError: { state: true },
    _announcement: { state: true },
    _removing: { state: true },
    _undo: { state: true },
  };

  declare private _contacts: readonly WatchedContact[];
  declare private _sort: ContactSort;
  declare private _listError: string;
  declare private _announcement: string;
  declare private _removing: ReadonlySet<string>;
  /** The contact last removed, while its Undo is offered. */
  declare private _undo: WatchedContact | null;
  private _undoTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly _follow = new FollowController(this, () => [
    followItem(watchListItem, (contacts) => (this._contacts = contacts)),
  ]);

  constructor() {
    super();
    this._contacts = [];
    this._sort = 'added';
    this._listError = '';
    this._announcement = '';
    this._removing = new Set();
    this._undo = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._undoTimer);
  }

  override render(): TemplateResult {
    return html`<section aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">${t('options_contacts_heading')}</h2>
      <presence-add-contact-field @contact-added=${this._onAdded}></presence-add-contact-field>
      <div class="announce">
        <p class="status" role="status" data-part="announcement">${this._announcement}</p>
        ${
          this._undo
            ? html`<button
                type="button"
                class="secondary"
                data-part="undo"
                aria-label=${t('options_undo_name', this._undo.displayName)}
                @click=${this._onUndo}
              >
                ${t('options_undo')}
              </button>`
            : nothing
        }
      </div>
      <p class="alert" role="alert" data-part="remove-error">${this._listError}</p>
      ${
        this._contacts.length === 0
          ? html`<p class="hint" data-part="empty">${t('options_empty_list')}</p>`
          : this._renderList()
      }
      <h3 id="paste-heading">${t('options_paste_heading')}</h3>
      <presence-bulk-add></presence-bulk-add>
      <h3 id="transfer-heading">${t('options_transfer_heading')}</h3>
      <presence-watch-list-transfer></presence-watch-list-transfer>
    </section>`;
  }

  private _renderList(): TemplateResult {
    const sections = sectionContacts(this._contacts, this._sort, uiLanguage());
    const grouped = sections.some((s) => s.group !== '');
    const groups = sections.map((s) => s.group).filter((g) => g !== '');
    let index = 0;
    return html`<div class="sort field">
        <label for="contact-sort">${t('options_sort_label')}</label>
        <select id="contact-sort" .value=${this._sort} @change=${this._onSort}>
          <option value="added" ?selected=${this._sort === 'added'}>
            ${t('options_sort_added')}
          </option>
          <option value="name" ?selected=${this._sort === 'name'}>${t('options_sort_name')}</option>
        </select>
      </div>
      <datalist id="group-names">${groups.map((g) => html`<option value=${g}></option>`)}</datalist>
      ${sections.map((section, n) => {
        const heading = `contacts-group-${n}`;
        return html`${
            grouped
              ? html`<h3 id=${heading} class="group" data-part="group-heading">
                  ${section.group || t('options_no_group')}
                </h3>`
              : nothing
          }
          <ul role="list" aria-labelledby=${grouped ? heading : 'contacts-heading'}>
            ${section.contacts.map((contact) => this._renderContact(contact, index++))}
          </ul>`;
      })}`;
  }

  private _renderContact(contact: WatchedContact, index: number): TemplateResult {
    const name = contact.displayName;
    return html`<li role="listitem" data-contact-id=${contact.contactId}>
      <span class="who">
        <span class="name" data-part="name">${name}</span>
        <span class="emails" data-part="emails">${contact.emails.join(', ')}</span>
      </span>
      <span class="controls">
        <span class="group-field">
          <label for=${`group-${index}`}>${t('options_group_label')}</label>
          <input
            id=${`group-${index}`}
            type="text"
            list="group-names"
            maxlength=${MAX_GROUP_LENGTH}
            autocomplete="off"
            aria-label=${t('options_group_of', name)}
            placeholder=${t('options_group_placeholder')}
            .value=${contact.group ?? ''}
            @change=${(event: Event) => this._onGroup(contact, event)}
          />
        </span>
        <label class="check">
          <input
            type="checkbox"
            aria-label=${t('options_notify_of', name)}
            .checked=${contact.notify === true}
            @change=${(event: Event) => this._onNotify(contact, event)}
          />
          ${t('options_notify')}
        </label>
        <button
          type="button"
          class="secondary"
          aria-label=${t('options_remove_name', name)}
          ?disabled=${this._removing.has(contact.contactId)}
          @click=${() => this._onRemove(contact)}
        >
          ${t('options_remove')}
        </button>
      </span>
    </li>`;
  }

  private _field(): PresenceAddContactField | null {
    return this.renderRoot.querySelector('presence-add-contact-field');
  }

  private _onAdded(event: CustomEvent<{ displayName: string }>): void {
    this._listError = '';
    this._announcement = t('options_added', event.detail.displayName);
  }

  private _onSort(event: Event): void {
    this._sort = (event.target as HTMLSelectElement).value === 'name' ? 'name' : 'added';
  }

  private async _onGroup(contact: WatchedContact, event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const group = parseGroup(input.value);
    if (!group.ok) {
      this._listError = t('options_change_failed', group.error);
      return;
    }
    const answer = await sendRequest({
      type: 'setGroup',
      contactIds: [contact.contactId],
      group: group.value ?? '',
    });
    if (!answer.ok) {
      this._listError = t('options_change_failed', answer.error);
      input.value = contact.group ?? '';
      return;
    }
    this._listError = '';
    this._announcement =
      group.value === undefined
        ? t('options_group_cleared', contact.displayName)
        : t('options_group_saved', [contact.displayName, group.value]);
  }

  private async _onNotify(contact: WatchedContact, event: Event): Promise<void> {
    const box = event.target as HTMLInputElement;
    const answer = await sendRequest({
      type: 'setNotify',
      contactId: contact.contactId,
      notify: box.checked,
    });
    if (!answer.ok) {
      box.checked = !box.checked;
      this._listError = t('options_change_failed', answer.error);
    }
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
      this._announcement = t('options_removed', contact.displayName);
      this._offerUndo(contact);
      // The row (and the focused button) goes away: keep keyboard focus somewhere sensible.
      await this._field()?.focusField();
    } else {
      this._listError = t('options_remove_failed', [contact.displayName, response.error]);
    }
  }

  private _offerUndo(contact: WatchedContact): void {
    clearTimeout(this._undoTimer);
    this._undo = contact;
    this._undoTimer = setTimeout(() => {
      this._undo = null;
    }, UNDO_MS);
  }

  private async _onUndo(): Promise<void> {
    const contact = this._undo;
    if (!contact) return;
    clearTimeout(this._undoTimer);
    this._undo = null;
    const answer = await sendRequest({ type: 'restoreContact', contact });
    if (answer.ok) {
      this._announcement = t('options_restored', contact.displayName);
    } else {
      this._listError = t('options_change_failed', answer.error);
    }
    await this._field()?.focusField();
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
