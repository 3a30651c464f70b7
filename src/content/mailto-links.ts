/**
 * What a `mailto:` link says: the watched contacts it writes to. Its own text is not read (the
 * annotator skips it): the badges go after the link.
 */
import type { NameMatcher } from '../core/name-matcher';
import type { PageBadges } from './page-badges';
import { ELEMENT_NODE, MAILTO } from './page-texts';
import { beforeLink } from './repeated-mentions';

/**
 * The watched contacts `link` writes to, once each: key to address, in the link's order. A
 * malformed escape in the page's link is nothing to match.
 */
function linkContacts(link: Element, matcher: NameMatcher): Map<string, string> {
  const contacts = new Map<string, string>();
  let addresses: string[];
  try {
    // After `mailto:` (the link was found by its href), up to any `?subject=...`.
    addresses = decodeURIComponent(link.getAttribute('href')!.slice(7).split('?')[0]!).split(',');
  } catch {
    return contacts;
  }
  for (const raw of addresses) {
    const address = raw.trim();
    const key = matcher.keyOf(address);
    if (key !== undefined && !contacts.has(key)) contacts.set(key, address);
  }
  return contacts;
}

/**
 * Badges after `link`: one per contact, and none for the one whose badge the link follows (see
 * repeated-mentions.ts).
 */
export function badgeLink(link: Element, matcher: NameMatcher, badges: PageBadges): void {
  const parent = link.parentNode;
  if (!parent || badges.isBadge(link.nextSibling)) return;
  const follows = badges.keyOf(beforeLink(link));
  for (const [key, address] of linkContacts(link, matcher)) {
    if (key !== follows) badges.place(parent, link.nextSibling, key, address);
  }
}

/**
 * Whether `node` is a badge of contact `key`, or a `mailto:` link that gets (or has) one: a
 * mention of that contact right after it gets none (see repeated-mentions.ts).
 */
export function namesContact(
  node: Node | null,
  key: string,
  matcher: NameMatcher,
  badges: PageBadges,
): boolean {
  if (node?.nodeType !== ELEMENT_NODE) return false;
  if (badges.isBadge(node)) return badges.keyOf(node) === key;
  return (node as Element).matches(MAILTO) && linkContacts(node as Element, matcher).has(key);
}
