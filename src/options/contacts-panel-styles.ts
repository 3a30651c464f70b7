import { css } from 'lit';

export const contactsPanelStyles = css`
  li {
    flex-wrap: wrap;
  }
  .who {
    display: grid;
    min-width: 0;
    flex: 1 1 12em;
  }
  .name {
    font-weight: 600;
  }
  .emails {
    color: var(--pl-muted);
    overflow-wrap: anywhere;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 12px;
  }
  .group-field {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  .group-field input {
    width: 9em;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 4px;
    font-weight: normal;
  }
  .announce {
    display: flex;
    align-items: center;
    gap: 12px;
    min-height: 2em;
  }
  .sort {
    display: flex;
    align-items: center;
    gap: 8px;
    margin-top: 16px;
  }
  h3 {
    font-size: 1.05em;
    margin: 24px 0 8px;
  }
  h3.group {
    margin: 16px 0 0;
  }
  input[type='checkbox'] {
    accent-color: var(--pl-accent);
    width: 1.1em;
    height: 1.1em;
  }
`;
