import { html, nothing, type TemplateResult } from 'lit';
import { t } from '../ui/i18n';

/** One line of a summary: "Not found: 2" and, when there are any, the entries it counts. */
export interface SummaryLine {
  readonly key: string;
  readonly part: string;
  readonly entries: readonly string[];
  /** Shown even at 0 ("Added: 0" says the run happened). */
  readonly always?: boolean;
}

/** The summary after "Add all" or an import, as a list (inside the caller's live region). */
export function renderSummary(lines: readonly SummaryLine[]): TemplateResult {
  return html`<ul class="summary">
    ${lines
      .filter((line) => line.always || line.entries.length > 0)
      .map(
        (line) =>
          html`<li data-part=${line.part}>
            <span>${t(line.key, String(line.entries.length))}</span>
            ${
              line.entries.length > 0 && !line.always
                ? html`<span class="entries">${line.entries.join(', ')}</span>`
                : nothing
            }
          </li>`,
      )}
  </ul>`;
}
