/**
 * A distinct inline SVG shape per presence state, so status never rests on colour alone.
 * A plain lit-html template function (not a custom element): content scripts have no custom-element
 * registry and render these with lit-html `render` into their own shadow roots.
 *
 * The glyph is `aria-hidden`: a visible text label always accompanies it. Shapes paint with
 * `currentColor`; their colours live in status-glyph-styles.ts. Only `lit/html.js` is imported,
 * so a content script using this does not pull in LitElement.
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit/html.js';
import type { PresenceStatus } from '../core/presence';
import { STATUS_TONES } from './status-tones';

const outline = (d: string) =>
  svg`<path d=${d} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />`;
const ring = svg`<circle cx="8" cy="8" r="6.4" fill="none" stroke="currentColor" stroke-width="1.8" />`;

const SHAPES: Readonly<Record<PresenceStatus, SVGTemplateResult>> = {
  // Filled dot: here and available.
  Active: svg`<circle cx="8" cy="8" r="7" fill="currentColor" />`,
  // Hollow ring: around, not at the keyboard.
  Inactive: svg`<circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="2.4" />`,
  // Disc with a bar cut out (even-odd), the familiar no-entry sign.
  Dnd: svg`<path fill="currentColor" fill-rule="evenodd" d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zM4 7h8v2H4z" />`,
  // Crescent moon.
  Quiet: svg`<path fill="currentColor" d="M6.5 1.3a6.9 6.9 0 1 0 8.2 8.9A5.6 5.6 0 0 1 6.5 1.3z" />`,
  // Clock face.
  Busy: svg`${ring}${outline('M8 4.6V8l2.4 1.6')}`,
  // Ring with an arrow pointing away.
  OutOfOffice: svg`${ring}${outline('M11 8H5.2M7.6 5.4 5 8l2.6 2.6')}`,
  // Telephone handset.
  Call: svg`<path fill="currentColor" d="M4.1 1.2c.5-.2 1 0 1.3.4l1.5 2.5c.3.5.2 1.1-.2 1.4l-1 .9a8.2 8.2 0 0 0 3.9 3.9l.9-1c.4-.4 1-.5 1.4-.2l2.5 1.5c.4.3.6.8.4 1.3l-.6 1.6c-.2.6-.8 1-1.5.9C6.8 13.8 2.2 9.2 1.6 3.3c-.1-.7.3-1.3.9-1.5z" />`,
  // Two people.
  Meeting: svg`<circle cx="5.4" cy="4.6" r="2.4" fill="currentColor" /><circle cx="11.4" cy="5.4" r="2" fill="currentColor" /><path fill="currentColor" d="M.8 14c0-3 2-4.9 4.6-4.9S10 11 10 14zM11 14c0-1.7-.5-3.1-1.3-4.1.5-.3 1.1-.4 1.7-.4 2.1 0 3.8 1.6 3.8 4.5z" />`,
  // Screen on a stand, with an upward arrow.
  Presenting: svg`${outline('M2.3 2.5h11.4c.5 0 .8.3.8.8v7.4c0 .5-.3.8-.8.8H2.3c-.5 0-.8-.3-.8-.8V3.3c0-.5.3-.8.8-.8zM8 11.5V14M5 14.5h6M8 9V5.4M6.2 7.1 8 5.3l1.8 1.8')}`,
  // Calendar page.
  CalendarItem: svg`${outline('M2.8 3.2h10.4c.6 0 1 .4 1 1v9c0 .6-.4 1-1 1H2.8c-.6 0-1-.4-1-1v-9c0-.6.4-1 1-1zM1.8 6.6h12.4M5 1.4v3.4M11 1.4v3.4')}<rect x="4.4" y="8.8" width="2.6" height="2.6" fill="currentColor" />`,
  // Hourglass: waiting for an answer.
  Pending: svg`${outline('M3.5 1.6h9M3.5 14.4h9M4.6 1.6c0 3.6 6.8 3.6 6.8 6.4S4.6 10.8 4.6 14.4M11.4 1.6c0 3.6-6.8 3.6-6.8 6.4s6.8 2.8 6.8 6.4')}`,
  // Question mark in a ring.
  Unknown: svg`${ring}${outline('M6.1 6.3a2 2 0 1 1 2.9 1.8c-.6.3-1 .8-1 1.4v.3')}<circle cx="8" cy="11.7" r="1" fill="currentColor" />`,
};

/** The glyph for one state. `class="pl-glyph"`, with `data-status` and `data-tone` for styling. */
export function statusGlyph(status: PresenceStatus): TemplateResult {
  return html`<svg
    class="pl-glyph"
    data-status=${status}
    data-tone=${STATUS_TONES[status]}
    viewBox="0 0 16 16"
    width="16"
    height="16"
    aria-hidden="true"
    focusable="false"
  >
    ${SHAPES[status]}
  </svg>`;
}
