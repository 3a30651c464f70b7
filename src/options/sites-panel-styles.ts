import { css } from 'lit';

export const sitesPanelStyles = css`
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
  .site {
    display: grid;
    min-width: 0;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .revoked {
    color: var(--pl-danger);
  }
  .buttons {
    flex: none;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 8px;
    margin-top: 24px;
  }
  .check input {
    margin: 0;
    padding: 0;
    width: 1.1em;
    height: 1.1em;
  }
  .check label {
    font-weight: normal;
  }
`;
