/**
 * happy-dom has no layout, so the real virtualizer shows no rows there. Popup tests mock
 * `@lit-labs/virtualizer/virtualize.js` with this: every item, the same templates, through
 * `repeat`. Virtualisation itself is measured in Chromium (`npm run bench:popup`, e2e).
 */
import { repeat } from 'lit/directives/repeat.js';

export const virtualizerRef = Symbol('virtualizerRef');

export function virtualize(config: {
  items: unknown[];
  keyFunction: (item: unknown) => unknown;
  renderItem: (item: unknown, index: number) => unknown;
}): unknown {
  return repeat(config.items, config.keyFunction, config.renderItem);
}
