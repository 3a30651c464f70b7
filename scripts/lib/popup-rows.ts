import type { Page } from 'playwright-core';

/** One contact as the popup shows it, read through its test hooks (`data-part`). */
export interface PopupRow {
  name: string;
  status: string;
  customStatus: string;
  until: string;
  lastActive: string;
}

export function readPopupRows(popup: Page): Promise<PopupRow[]> {
  return popup.getByRole('listitem').evaluateAll((items) =>
    items.map((item) => {
      const part = (name: string) =>
        item.querySelector(`[data-part="${name}"]`)?.textContent?.trim() ?? '';
      return {
        name: part('name'),
        status: part('status-label'),
        customStatus: part('custom-status'),
        until: part('until'),
        lastActive: part('last-active'),
      };
    }),
  );
}
