import { css } from 'lit';

/** The summary list after "Add all" or an import. */
export const summaryStyles = css`
  ul.summary {
    margin: 8px 0 0;
    padding: 0;
  }
  ul.summary li {
    display: block;
    padding: 2px 0;
    border: 0;
  }
  ul.summary .entries {
    color: var(--pl-muted);
    overflow-wrap: anywhere;
  }
  ul.summary .entries::before {
    content: ' — ';
  }
`;
