import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  MAX_BULK_QUERIES,
  splitPastedList,
  type BulkAddProgress,
  type BulkAddSummary,
} from '../shared/bulk-add';
import { sendRequest } from '../shared/messages';
import { bulkAddProgressItem } from '../shared/storage-items';
import { controlsStyles } from '../ui/controls-styles';
import { FollowController, followItem } from '../ui/follow-item';
import { t } from '../ui/i18n';
import { themeStyles } from '../ui/theme-styles';
import { optionsStyles } from './options-styles';
import { renderSummary } from './summary-list';
import { summaryStyles } from './summary-styles';

/**
 * "Add many": a pasted list of emails or person ids, added with "Add all". The background looks
 * them up at the People API's pace; the progress bar follows `bulkAddProgressItem`, which it
 * updates after every request, and the answer is the summary (added, already watched, not found,
 * bots refused, failed).
 */
export class PresenceBulkAdd extends LitElement {
  static override styles = [
    themeStyles,
    controlsStyles,
    optionsStyles,
    summaryStyles,
    css`
      textarea {
        min-height: 6em;
        resize: vertical;
      }
      textarea[aria-invalid='true'] {
        border-color: var(--pl-danger);
        border-width: 2px;
      }
      .progress {
        display: flex;
        gap: 8px;
        align-items: center;
      }
      progress {
        flex: 1;
        accent-color: var(--pl-accent);
      }
    `,
  ];

  static override properties = {
    _text: { state: true },
    _error: { state: true },
    _running: { state: true },
    _progress: { state: true },
    _summary: { state: true },
  };

  declare private _text: string;
  declare private _error: string;
  declare private _running: boolean;
  declare private _progress: BulkAddProgress;
  declare private _summary: BulkAddSummary | null;

  private readonly _follow = new FollowController(this, () => [
    followItem(bulkAddProgressItem, (progress) => (this._progress = progress)),
  ]);

  constructor() {
    super();
    this._text = '';
    this._error = '';
    this._running = false;
    this._progress = { done: 0, total: 0, running: false };
    this._summary = null;
  }

  override render(): TemplateResult {
    const { done, total } = this._progress;
    const showProgress = this._running || this._progress.running;
    return html`<form novalidate @submit=${this._onSubmit}>
      <div class="field">
        <label for="paste-list">${t('options_paste_label')}</label>
        <textarea
          id="paste-list"
          spellcheck="false"
          aria-describedby="paste-list-hint paste-list-error"
          aria-invalid=${this._error ? 'true' : 'false'}
          .value=${live(this._text)}
          @input=${(event: Event) => (this._text = (event.target as HTMLTextAreaElement).value)}
        ></textarea>
        <p id="paste-list-hint" class="hint">${t('options_paste_hint')}</p>
        <p id="paste-list-error" class="alert" role="alert" data-part="paste-error">
          ${this._error}
        </p>
      </div>
      <div class="buttons">
        <button type="submit" ?disabled=${this._running}>${t('options_add_all')}</button>
      </div>
      ${
        showProgress
          ? html`<div class="progress">
              <label for="paste-progress">${t('options_progress_label')}</label>
              <progress id="paste-progress" max=${Math.max(total, 1)} .value=${done}></progress>
              <span>${t('options_progress_text', [String(done), String(total)])}</span>
            </div>`
          : nothing
      }
      <div role="status" data-part="paste-summary">
        ${this._summary ? this._renderSummary(this._summary) : nothing}
      </div>
    </form>`;
  }

  private _renderSummary(summary: BulkAddSummary): TemplateResult {
    return renderSummary([
      {
        key: 'options_summary_added',
        part: 'added',
        entries: summary.added.map((c) => c.displayName),
        always: true,
      },
      { key: 'options_summary_already', part: 'already', entries: summary.alreadyWatched },
      { key: 'options_summary_not_found', part: 'not-found', entries: summary.notFound },
      { key: 'options_summary_bots', part: 'bots', entries: summary.bots },
      {
        key: 'options_summary_failed',
        part: 'failed',
        entries: summary.failed.map((f) => t('options_failed_entry', [f.query, f.error])),
      },
    ]);
  }

  private async _onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this._running) return;
    const queries = splitPastedList(this._text);
    this._summary = null;
    if (queries.length === 0) {
      this._error = t('options_paste_empty');
      return;
    }
    if (queries.length > MAX_BULK_QUERIES) {
      this._error = t('options_paste_too_many', [String(MAX_BULK_QUERIES), String(queries.length)]);
      return;
    }
    this._error = '';
    this._running = true;
    this._progress = { done: 0, total: queries.length, running: true };
    const answer = await sendRequest({ type: 'addContacts', queries });
    this._running = false;
    if (!answer.ok) {
      this._error = answer.error;
      return;
    }
    this._summary = answer.summary;
    // What could not be added stays in the field, to correct and try again.
    const retry = [...answer.summary.notFound, ...answer.summary.failed.map((f) => f.query)];
    this._text = retry.join('\n');
  }
}

if (!customElements.get('presence-bulk-add')) {
  customElements.define('presence-bulk-add', PresenceBulkAdd);
}

declare global {
  interface HTMLElementTagNameMap {
    'presence-bulk-add': PresenceBulkAdd;
  }
}
