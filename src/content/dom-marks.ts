/**
 * The attributes that mark the content script's own elements in a page: the annotator skips them,
 * a new copy of the script removes what an old one left, and the demo reads badges by them.
 */
export const BADGE_ATTRIBUTE = 'data-presence-lens-badge';
export const CARD_ATTRIBUTE = 'data-presence-lens-card';

/**
 * Takes a badge's marks and names off `host`: what a copy of the page's selection carries (see
 * PageBadges), or what a page's own copy of a badge would go on saying.
 */
export function unmark(host: Element): void {
  for (const name of [BADGE_ATTRIBUTE, 'role', 'aria-label', 'tabindex'])
    host.removeAttribute(name);
}
