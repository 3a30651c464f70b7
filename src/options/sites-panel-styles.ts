import { css } from 'lit';

export const sitesPanelStyles = css`
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
