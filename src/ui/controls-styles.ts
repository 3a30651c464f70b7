/** Buttons, text fields and inline messages, shared by the popup and the options page. */
import { css } from 'lit';

export const controlsStyles = css`
  button {
    font: inherit;
    padding: 0.35em 0.9em;
    border-radius: 6px;
    border: 1px solid var(--pl-accent);
    background: var(--pl-accent);
    color: var(--pl-accent-text);
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--pl-accent);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  input,
  select,
  textarea {
    font: inherit;
    padding: 0.35em 0.5em;
    border-radius: 6px;
    border: 1px solid var(--pl-border);
    background: var(--pl-bg);
    color: var(--pl-text);
    min-width: 0;
  }
  input[aria-invalid='true'] {
    border-color: var(--pl-danger);
    border-width: 2px;
  }
  label {
    font-weight: 600;
  }
  .field-error,
  .alert {
    color: var(--pl-danger);
  }
  /* Live regions stay rendered while empty: a region that appears with its text is often not read. */
  .alert,
  .status {
    margin: 0;
  }
  .field-error {
    margin: 0;
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
    input[aria-invalid='true'] {
      border-color: Mark;
    }
  }
`;
