/**
 * Layout for `contactRow`, self-contained (it includes the visually-hidden rule) so a content
 * script can use it without the page theme; colours come from the --pl-* tokens when defined.
 */
import { css } from 'lit';
import { visuallyHidden } from './visually-hidden';

export const contactRowStyles = css`
  .contact-row {
    display: flex;
    flex-direction: column;
    gap: 0.1em;
    min-width: 0;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .details {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: 0.75em;
    color: var(--pl-muted);
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    color: var(--pl-text);
  }
  .custom-status {
    font-style: italic;
    overflow-wrap: anywhere;
  }
  ${visuallyHidden}
  .last-known {
    color: var(--pl-muted);
  }
`;
