import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { sendRequest } from '../shared/messages';
import { watchListItem } from '../shared/storage-items';
import {
  readWatchListFile,
  watchListFile,
  watchListFileName,
  type ImportReport,
} from '../shared/watch-list-file';
import { controlsStyles } from '../ui/controls-styles';
import { t } from '../ui/i18n';
import { themeStyles } from '../ui/theme-styles';
import { optionsStyles } from './options-styles';
import { renderSummary } from './summary-list';
import { summaryStyles } from './summary-styles';

/** An exported file's URL is kept this long: the download has started well before. */
const EXPORT_URL_LIFETIME_MS = 60_000;

/**
 * "Import and export": the watch list as a versioned JSON file (src/shared/watch-list-file.ts).
 * Export builds the file when the link is activated; import hands the file's text to the
 * background, which checks every entry and adds only what is not watched yet.
 */
export class PresenceWatchListTransfer extends LitElement {
  static override styles = [themeStyles, controlsStyles, optionsStyles, summaryStyles];

  static override properties = {
    _importing: { state: true },
    _error: { state: true },
    _status: { state: true },
    _report: { state: true },
  };

  declare private _importing: boolean;
  declare private _error: string;
  declare private _status: string;
  declare private _report: ImportReport | null;

  constructor() {
    super();
    this._importing = false;
    this._error = '';
    this._status = '';
    this._report = null;
  }

  override render(): TemplateResult {
    return html`<div class="field">
        <p>
          <a
            href="#"
            download="presence-lens-contacts.json"
            aria-describedby="export-hint"
            data-part="export"
            @click=${this._onExport}
            >${t('options_export')}</a
          >
        </p>
        <p id="export-hint" class="hint">${t('options_export_hint')}</p>
      </div>
      <div class="field">
        <label for="import-file">${t('options_import_label')}</label>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          aria-describedby="import-hint import-error"
          ?disabled=${this._importing}
          @change=${this._onImport}
        />
        <p id="import-hint" class="hint">${t('options_import_hint')}</p>
        <p id="import-error" class="alert" role="alert" data-part="import-error">${this._error}</p>
      </div>
      <div role="status" data-part="import-summary">
        ${this._status}${this._report ? this._renderReport(this._report) : nothing}
      </div>`;
  }

  private _renderReport(report: ImportReport): TemplateResult {
    return renderSummary([
      {
        key: 'options_summary_added',
        part: 'added',
        entries: report.added.map((c) => c.displayName),
        always: true,
      },
      { key: 'options_summary_already', part: 'already', entries: report.alreadyWatched },
      {
        key: 'options_summary_bad',
        part: 'bad',
        entries: report.bad.map((b) => t('options_bad_entry', [String(b.index), b.reason])),
      },
      { key: 'options_summary_not_found', part: 'not-found', entries: report.notFound },
      { key: 'options_summary_bots', part: 'bots', entries: report.bots },
    ]);
  }

  /**
   * The link's href is set before the browser follows it (its activation runs after this
   * listener), so the file is always the list as it is now.
   */
  private async _onExport(event: Event): Promise<void> {
    const link = event.currentTarget as HTMLAnchorElement;
    if (link.dataset.ready === 'true') {
      delete link.dataset.ready;
      return; // the click below, with the fresh file: the browser downloads it
    }
    event.preventDefault();
    const now = Date.now();
    const file = watchListFile(await watchListItem.get(), now);
    const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    link.href = url;
    link.download = watchListFileName(now);
    link.dataset.ready = 'true';
    link.click();
    setTimeout(() => {
      URL.revokeObjectURL(url);
      if (link.href === url) link.href = '#';
    }, EXPORT_URL_LIFETIME_MS);
  }

  private async _onImport(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this._importing = true;
    this._error = '';
    this._report = null;
    this._status = t('options_importing');
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      text = '';
      this._error = t('options_import_failed', String(error));
    }
    // A broken file is refused here, in the same words the background would use, unsent.
    const read = readWatchListFile(text);
    const answer = read.ok ? await sendRequest({ type: 'importContacts', file: text }) : null;
    this._importing = false;
    this._status = '';
    // The same file can be chosen again (after fixing it) and still fire `change`.
    input.value = '';
    if (!read.ok || answer === null) {
      this._error ||= t('options_import_failed', read.ok ? '' : read.error);
      return;
    }
    if (!answer.ok) {
      this._error = t('options_import_failed', answer.error);
      return;
    }
    this._report = answer.report;
  }
}

if (!customElements.get('presence-watch-list-transfer')) {
  customElements.define('presence-watch-list-transfer', PresenceWatchListTransfer);
}

declare global {
  interface HTMLElementTagNameMap {
    'presence-watch-list-transfer': PresenceWatchListTransfer;
  }
}
