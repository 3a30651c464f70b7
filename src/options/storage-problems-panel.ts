import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { sameProblem, type StorageProblem } from '../shared/storage-problem';
import { storageProblemsItem } from '../shared/storage-items';
import { controlsStyles } from '../ui/controls-styles';
import { FollowController, followItem } from '../ui/follow-item';
import { t } from '../ui/i18n';
import { themeStyles } from '../ui/theme-styles';
import { optionsStyles } from './options-styles';
import { describeStorageProblem } from './storage-problem-text';

const styles = css`
  .problems {
    margin: 0 0 32px;
    padding: 12px 16px;
    border: 1px solid var(--pl-border);
    border-left: 4px solid var(--pl-danger);
    border-radius: 6px;
    background: var(--pl-surface);
    color: var(--pl-text);
  }
  .problems p {
    margin: 0 0 8px;
    overflow-wrap: anywhere;
  }
  @media (forced-colors: active) {
    .problems {
      border-color: CanvasText;
    }
  }
`;

/**
 * Tells the user when stored data (the watch list, the allowed sites, a setting) could not be
 * fully read and what was lost, until they dismiss it. Nothing shows while all is well. The region
 * stays rendered while empty, so a report that arrives with the page open is read out.
 */
export class PresenceStorageProblems extends LitElement {
  static override styles = [themeStyles, controlsStyles, optionsStyles, styles];

  static override properties = {
    _problems: { state: true },
    _error: { state: true },
  };

  declare private _problems: readonly StorageProblem[];
  declare private _error: string;

  private readonly _follow = new FollowController(this, () => [
    followItem(storageProblemsItem, (problems) => (this._problems = problems)),
  ]);

  constructor() {
    super();
    this._problems = [];
    this._error = '';
  }

  override render(): TemplateResult {
    return html`<div role="alert" data-part="storage-problems">
      ${
        this._problems.length === 0
          ? nothing
          : html`<section class="problems" aria-labelledby="storage-problems-heading">
              <h2 id="storage-problems-heading">${t('options_storage_problems_heading')}</h2>
              ${this._problems.map(
                (problem) => html`<p data-part="problem">${describeStorageProblem(problem)}</p>`,
              )}
              <button type="button" @click=${this._onDismiss}>${t('options_dismiss')}</button>
              <p class="alert" data-part="dismiss-error">${this._error}</p>
            </section>`
      }
    </div>`;
  }

  private async _onDismiss(): Promise<void> {
    // Only what was shown: a report that arrived meanwhile stays until it has been seen.
    const shown = this._problems;
    this._error = '';
    try {
      await storageProblemsItem.update((list) =>
        list.filter((problem) => !shown.some((seen) => sameProblem(seen, problem))),
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this._error = t('options_dismiss_failed', reason);
    }
  }
}

if (!customElements.get('presence-storage-problems')) {
  customElements.define('presence-storage-problems', PresenceStorageProblems);
}

declare global {
  interface HTMLElementTagNameMap {
    'presence-storage-problems': PresenceStorageProblems;
  }
}
