/**
 * One labelled text field of an options form, with its error (when there is one) tied to it by
 * `aria-describedby` and `aria-invalid`. Never spell-checked: addresses, tokens and ids.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

export interface TextField {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly type?: 'text' | 'url' | 'password';
  readonly autocomplete?: string;
  readonly placeholder?: string;
  /** Shown under the field, and the field marked invalid. */
  readonly error?: string | undefined;
}

export function textField(field: TextField): TemplateResult {
  const errorId = `${field.id}-error`;
  return html`<div class="field">
    <label for=${field.id}>${field.label}</label>
    <input
      id=${field.id}
      name=${field.name}
      type=${field.type ?? 'text'}
      inputmode=${field.type === 'url' ? 'url' : nothing}
      autocomplete=${field.autocomplete ?? 'off'}
      spellcheck="false"
      placeholder=${field.placeholder ?? nothing}
      aria-invalid=${field.error ? 'true' : 'false'}
      aria-describedby=${field.error ? errorId : nothing}
      .value=${live(field.value)}
      @input=${(event: Event) => field.onInput((event.target as HTMLInputElement).value)}
    />
    ${
      field.error
        ? html`<p id=${errorId} class="field-error" data-part=${errorId}>${field.error}</p>`
        : nothing
    }
  </div>`;
}
