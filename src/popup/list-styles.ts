/** The popup's search tools and its virtualised contact list (rows, group headings, actions). */
import { css } from 'lit';

export const listStyles = css`
  .tools {
    display: flex;
    gap: 8px;
    align-items: end;
    padding: 8px 16px;
  }
  .tools label {
    display: flex;
    flex-direction: column;
    gap: 2px;
    font-size: 0.9em;
  }
  .tools .search {
    flex: 1;
  }
  ul[data-part='contacts'] {
    display: block;
  }
  li.contact {
    display: grid;
    grid-template-columns: auto 1fr auto;
    align-items: start;
    gap: 10px;
    width: 100%;
    box-sizing: border-box;
    padding: 6px 16px;
  }
  li.contact:focus-visible {
    outline-offset: -2px;
  }
  li.contact .contact-row {
    min-width: 0;
  }
  li.group {
    width: 100%;
    box-sizing: border-box;
    padding: 10px 16px 4px;
    background: var(--pl-surface);
  }
  li.group h2 {
    margin: 0;
    font-size: 0.9em;
  }
  li.group .count {
    font-weight: normal;
    color: var(--pl-muted);
  }
  .avatar {
    position: relative;
    overflow: hidden;
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 32px;
    height: 32px;
    border-radius: 50%;
    background: var(--pl-surface);
    border: 1px solid var(--pl-border);
    font-size: 0.85em;
    font-weight: 600;
  }
  .avatar img {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .avatar img[hidden] {
    display: none;
  }
  .row-actions {
    display: flex;
    flex-direction: column;
    gap: 2px;
    align-items: stretch;
  }
  .action {
    font-size: 0.8em;
    padding: 0.15em 0.5em;
    border-radius: 4px;
    text-align: center;
    text-decoration: none;
    border: 1px solid var(--pl-accent);
    background: transparent;
    color: var(--pl-accent);
    cursor: pointer;
  }
  .action[aria-pressed='true'] {
    background: var(--pl-accent);
    color: var(--pl-accent-text);
  }
  .no-match,
  .notice {
    padding: 0 16px;
  }
  .no-match {
    margin: 8px 0;
  }
  .connection-actions {
    margin-top: 6px;
  }
  @media (forced-colors: active) {
    .action,
    .avatar {
      border-color: ButtonText;
    }
    .action[aria-pressed='true'] {
      background: Highlight;
      color: HighlightText;
    }
  }
`;
