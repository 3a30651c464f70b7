import { css, html, LitElement, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { sendRequest } from '../shared/messages';
import { MIN_SEARCH_PREFIX, type PersonMatch } from '../shared/people-search';
import { controlsStyles } from '../ui/controls-styles';
import { t } from '../ui/i18n';
import { themeStyles } from '../ui/theme-styles';
import { visuallyHidden } from '../ui/visually-hidden';
import { optionsStyles } from './options-styles';

/** Wait this long after the last key before searching: one request per pause, not per key. */
export const SEARCH_DEBOUNCE_MS = 250;

/** An email or a person id (or UUID) is added as typed; anything else is searched as a name. */
export function looksLikeNameQuery(query: string): boolean {
  const q = query.trim();
  if (q.includes('@')) return false;
  // Person ids are long base64 without spaces; UUIDs are hex with dashes.
  if (/^[A-Za-z0-9+/=_-]{30,}$/.test(q)) return false;
  return [...q].length >= MIN_SEARCH_PREFIX;
}

/**
 * "Add contact": one field for an email, a person id or a name. A name is searched as the user
 * types (debounced), and the results are an ARIA combobox's listbox: Up/Down choose, Enter adds
 * the chosen person (or, with none chosen, what is typed), Escape closes the list.
 *
 * @fires contact-added - `CustomEvent<{ displayName: string }>` after the background added one.
 */
export class PresenceAddContactField extends LitElement {
  static override styles = [
    themeStyles,
    controlsStyles,
    optionsStyles,
    visuallyHidden,
    css`
      .combo {
        position: relative;
        flex: 1;
        display: flex;
      }
      .combo input {
        flex: 1;
      }
      [role='listbox'] {
        position: absolute;
        top: 100%;
        left: 0;
        right: 0;
        z-index: 1;
        margin: 2px 0 0;
        padding: 4px 0;
        max-height: 16em;
        overflow-y: auto;
        background: var(--pl-bg);
        border: 1px solid var(--pl-border);
        border-radius: 6px;
      }
      [role='option'] {
        display: block;
        padding: 4px 8px;
        border: 0;
        cursor: pointer;
      }
      [role='option'][aria-selected='true'] {
        background: var(--pl-accent);
        color: var(--pl-accent-text);
        outline: 2px solid var(--pl-focus);
        outline-offset: -2px;
      }
      [role='option'][aria-disabled='true'] {
        cursor: default;
        color: var(--pl-muted);
      }
      .email,
      .note {
        font-size: 0.9em;
      }
      @media (forced-colors: active) {
        [role='option'][aria-selected='true'] {
          outline-color: Highlight;
        }
      }
    `,
  ];

  static override properties = {
    _query: { state: true },
    _adding: { state: true },
    _error: { state: true },
    _results: { state: true },
    _open: { state: true },
    _active: { state: true },
    _searchStatus: { state: true },
  };

  declare private _query: string;
  declare private _adding: boolean;
  declare private _error: string;
  declare private _results: readonly PersonMatch[];
  declare private _open: boolean;
  /** Index of the highlighted option, -1 for none. */
  declare private _active: number;
  declare private _searchStatus: string;

  private _timer: ReturnType<typeof setTimeout> | undefined;
  /** Answers to older searches are dropped: only the latest typed text's results show. */
  private _searchSeq = 0;

  constructor() {
    super();
    this._query = '';
    this._adding = false;
    this._error = '';
    this._results = [];
    this._open = false;
    this._active = -1;
    this._searchStatus = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._timer);
  }

  override render(): TemplateResult {
    const expanded = this._open && this._results.length > 0;
    const active = expanded && this._active >= 0 ? `add-contact-option-${this._active}` : undefined;
    return html`<form novalidate @submit=${this._onSubmit}>
      <div class="field">
        <label for="add-contact">${t('options_add_contact_label')}</label>
        <div class="inline">
          <div class="combo">
            <input
              id="add-contact"
              name="query"
              type="text"
              role="combobox"
              aria-autocomplete="list"
              aria-expanded=${expanded ? 'true' : 'false'}
              aria-controls="add-contact-results"
              aria-activedescendant=${ifDefined(active)}
              placeholder=${t('options_add_contact_placeholder')}
              autocomplete="off"
              spellcheck="false"
              aria-invalid=${this._error ? 'true' : 'false'}
              aria-describedby="add-contact-hint add-contact-error"
              .value=${live(this._query)}
              @input=${this._onInput}
              @keydown=${this._onKeyDown}
              @blur=${this._onBlur}
            />
            <ul
              id="add-contact-results"
              role="listbox"
              aria-label=${t('options_search_results')}
              ?hidden=${!expanded}
            >
              ${this._results.map((person, index) => this._renderOption(person, index))}
            </ul>
          </div>
          <button type="submit" ?disabled=${this._adding}>
            ${this._adding ? t('options_adding') : t('options_add')}
          </button>
        </div>
        <p id="add-contact-hint" class="hint">${t('options_add_contact_hint')}</p>
        <p id="add-contact-error" class="alert" role="alert" data-part="add-error">
          ${this._error}
        </p>
        <p class="visually-hidden" role="status" data-part="search-status">${this._searchStatus}</p>
      </div>
    </form>`;
  }

  private _renderOption(person: PersonMatch, index: number): TemplateResult {
    const bot = person.type === 'bot';
    return html`<li
      id=${`add-contact-option-${index}`}
      role="option"
      aria-selected=${index === this._active ? 'true' : 'false'}
      aria-disabled=${bot ? 'true' : 'false'}
      data-person-id=${person.id}
      @mousedown=${(event: Event) => event.preventDefault()}
      @click=${() => this._pick(index)}
    >
      <span class="name">${person.displayName}</span>
      ${person.email ? html` <span class="email">${person.email}</span>` : ''}
      ${bot ? html` <span class="note">(${t('options_search_bot')})</span>` : ''}
    </li>`;
  }

  private _onInput(event: Event): void {
    this._query = (event.target as HTMLInputElement).value;
    this._error = '';
    clearTimeout(this._timer);
    if (!looksLikeNameQuery(this._query)) {
      this._searchSeq++;
      this._close();
      return;
    }
    const prefix = this._query.trim();
    this._timer = setTimeout(() => void this._search(prefix), SEARCH_DEBOUNCE_MS);
  }

  private async _search(prefix: string): Promise<void> {
    const seq = ++this._searchSeq;
    const answer = await sendRequest({ type: 'searchPeople', prefix });
    if (seq !== this._searchSeq) return;
    if (!answer.ok) {
      this._close();
      this._searchStatus = t('options_search_failed', answer.error);
      return;
    }
    this._results = answer.people;
    this._active = -1;
    this._open = true;
    this._searchStatus =
      answer.people.length === 0
        ? t('options_search_none', prefix)
        : t('options_search_count', String(answer.people.length));
  }

  private _close(): void {
    this._open = false;
    this._active = -1;
    this._results = [];
  }

  private _onKeyDown(event: KeyboardEvent): void {
    const count = this._results.length;
    const open = this._open && count > 0;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        event.preventDefault();
        this._open = true;
        this._active = open ? (this._active + 1) % count : 0;
        break;
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        this._open = true;
        this._active = open ? (this._active - 1 + count) % count : count - 1;
        break;
      case 'Enter':
        if (open && this._active >= 0) {
          event.preventDefault();
          void this._pick(this._active);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          this._searchSeq++;
          this._close();
        }
        break;
    }
  }

  private _onBlur(): void {
    this._open = false;
  }

  private async _pick(index: number): Promise<void> {
    const person = this._results[index];
    if (!person) return;
    if (person.type === 'bot') {
      this._error = t('options_search_bot');
      return;
    }
    this._close();
    await this._add(person.id, person.displayName);
  }

  private async _onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const query = this._query.trim();
    if (query === '') {
      this._error = t('options_add_empty');
      await this.focusField();
      return;
    }
    clearTimeout(this._timer);
    this._searchSeq++;
    this._close();
    await this._add(query, query);
  }

  private async _add(query: string, shownAs: string): Promise<void> {
    if (this._adding) return;
    this._error = '';
    this._adding = true;
    const response = await sendRequest({ type: 'addContact', query });
    this._adding = false;
    if (response.ok) {
      this._query = '';
      this._searchStatus = '';
      this.dispatchEvent(
        new CustomEvent('contact-added', {
          detail: { displayName: response.contact.displayName },
          bubbles: true,
          composed: true,
        }),
      );
    } else {
      // The typed text stays, so the user can correct it.
      if (this._query.trim() === '') this._query = shownAs;
      this._error = response.error;
    }
    await this.focusField();
  }

  /** Keyboard focus back to the field (after an add, or when the row that had it went away). */
  async focusField(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#add-contact')?.focus();
  }
}

if (!customElements.get('presence-add-contact-field')) {
  customElements.define('presence-add-contact-field', PresenceAddContactField);
}

declare global {
  interface HTMLElementTagNameMap {
    'presence-add-contact-field': PresenceAddContactField;
  }
}
