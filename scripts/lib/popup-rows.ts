import type { Page } from 'playwright-core';

/** One contact as the popup shows it, read through its test hooks (`data-part`). */
export interface PopupRow {
  name: string;
  status: string;
  customStatus: string;
  until: string;
  lastActive: string;
}

const PARTS = {
  name: 'name',
  status: 'status-label',
  customStatus: 'custom-status',
  until: 'until',
  lastActive: 'last-active',
} as const;

export async function readPopupRows(popup: Page): Promise<PopupRow[]> {
  // No named inner functions: tsx would wrap them in a `__name` helper the page does not have.
  const rows = await popup
    .getByRole('listitem')
    .evaluateAll(
      (items, parts) =>
        items.map((item) =>
          Object.fromEntries(
            Object.entries(parts).map(([key, part]) => [
              key,
              item.querySelector(`[data-part="${part}"]`)?.textContent?.trim() ?? '',
            ]),
          ),
        ),
      PARTS,
    );
  return rows as unknown as PopupRow[];
}
