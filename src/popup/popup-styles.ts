import { css } from 'lit';

export const popupStyles = css`
  :host {
    display: block;
    width: 360px;
    max-width: 100vw;
    box-sizing: border-box;
    background: var(--pl-bg);
  }
  header {
    padding: 12px 16px 8px;
    border-bottom: 1px solid var(--pl-border);
  }
  h1 {
    font-size: 1.1em;
    margin: 0 0 2px;
  }
  .connection,
  .freshness {
    margin: 0;
    font-size: 0.9em;
    color: var(--pl-muted);
  }
  .connection[data-phase='live'] {
    color: var(--pl-status-available);
  }
  .connection[data-phase='error'] {
    color: var(--pl-danger);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    padding: 8px 16px;
    border-bottom: 1px solid var(--pl-surface);
  }
  .empty,
  .actions {
    padding: 12px 16px 16px;
  }
  .empty p {
    margin: 0 0 12px;
  }
  .page-actions {
    border-top: 1px solid var(--pl-border);
  }
  .page-actions h2 {
    font-size: 0.95em;
    margin: 0;
    padding: 10px 16px 0;
  }
  .page-actions .origin {
    display: block;
    font-weight: normal;
    color: var(--pl-muted);
    overflow-wrap: anywhere;
  }
  .page-actions .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    padding-bottom: 4px;
  }
  .page-actions .covered,
  .page-actions .status,
  .page-actions .alert {
    margin: 0;
    padding: 0 16px 8px;
  }
  @media (forced-colors: active) {
    .connection[data-phase] {
      color: CanvasText;
    }
  }
`;
