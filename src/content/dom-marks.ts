/**
 * The attributes that mark the content script's own elements in a page: the annotator skips them,
 * a new copy of the script removes what an old one left, and the demo reads badges by them.
 */
export const BADGE_ATTRIBUTE = 'data-presence-lens-badge';
export const CARD_ATTRIBUTE = 'data-presence-lens-card';
