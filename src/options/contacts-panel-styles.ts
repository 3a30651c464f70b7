import { css } from 'lit';

export const contactsPanelStyles = css`
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
