import { css } from 'lit';

/** Layout shared by the options page's sections. */
export const optionsStyles = css`
  :host {
    display: block;
  }
  /* A section's list of things (contacts, sites): one row each, its buttons at the end. */
  ul {
    list-style: none;
    margin: 16px 0 0;
    padding: 0;
    max-width: 40em;
  }
  li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 12px;
    padding: 8px 0;
    border-bottom: 1px solid var(--pl-surface);
  }
  section {
    margin: 0 0 32px;
  }
  h2 {
    font-size: 1.2em;
    margin: 0 0 12px;
  }
  form {
    display: grid;
    gap: 12px;
    max-width: 32em;
  }
  .field {
    display: grid;
    gap: 4px;
  }
  .inline {
    display: flex;
    gap: 8px;
  }
  .inline input {
    flex: 1;
  }
  .buttons {
    display: flex;
    gap: 8px;
  }
  .phase,
  .hint {
    color: var(--pl-muted);
    margin: 0 0 8px;
  }
  .status {
    margin-top: 8px;
    font-weight: 600;
  }
  .alert {
    margin-top: 8px;
  }
`;
