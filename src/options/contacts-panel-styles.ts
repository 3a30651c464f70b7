import { css } from 'lit';

export const contactsPanelStyles = css`
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
  .who {
    display: grid;
    min-width: 0;
  }
  .name {
    font-weight: 600;
  }
  .emails {
    color: var(--pl-muted);
    overflow-wrap: anywhere;
  }
`;
