/** Where the arrow, Home/End and Page keys move in the popup's list (group headings are skipped). */
import type { ListItem } from '../shared/contact-list';

/** Rows moved by Page Up / Page Down. */
const PAGE_ROWS = 8;

/** The row a key moves to from `active`; -1 for the search box; null when the key is not for the list. */
export function nextRow(items: readonly ListItem[], active: number, key: string): number | null {
  const rows = items.flatMap((item, index) => (item.kind === 'contact' ? [index] : []));
  const at = rows.indexOf(active);
  const pick = (position: number) => rows[Math.max(0, Math.min(rows.length - 1, position))] ?? -1;
  switch (key) {
    case 'ArrowDown':
      return pick(at + 1);
    case 'ArrowUp':
      return at <= 0 ? -1 : pick(at - 1);
    case 'Home':
      return pick(0);
    case 'End':
      return pick(rows.length - 1);
    case 'PageDown':
      return pick(at + PAGE_ROWS);
    case 'PageUp':
      return pick(at - PAGE_ROWS);
    default:
      return null;
  }
}
