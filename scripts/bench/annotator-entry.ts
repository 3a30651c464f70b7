/**
 * The benchmark's handle on the shipped annotation code: the same PageAnnotator, PageBadges and
 * PresenceCard the content script runs (src/content/), driven synchronously so that the benchmark
 * can time the first pass and each mutation batch. Only the port to the worker is left out:
 * `prepare` does the worker's part (once per watch list, untimed) and `annotate` starts from the
 * message as it arrives, JSON text included, since that is what every page pays.
 */
import { toPageContacts, type PageContactsBuild } from '../../src/background/page-contacts';
import { PAGE_STYLES } from '../../src/background/page-styles';
import { BADGE_ATTRIBUTE } from '../../src/content/dom-marks';
import { PageAnnotator } from '../../src/content/page-annotator';
import { PageBadges } from '../../src/content/page-badges';
import { PresenceCard } from '../../src/content/presence-card';
import type { PageContacts, PageStyles } from '../../src/shared/page-protocol';
import type { BenchContact, PresenceLensBenchApi } from './types';

let badges: PageBadges | null = null;
let annotator: PageAnnotator | null = null;
let shown: string[] = [];
let message = '';

/** Badges in the document (the benchmark's pages have no shadow roots). */
const badgeCount = () => document.querySelectorAll(`[${BADGE_ATTRIBUTE}]`).length;
/** `ids[k]` is the id of the contact with key `k` (what the worker keeps to itself). */
let ids: string[] = [];

/** What the worker sends for the benchmark's contacts: its own function, on the same data. */
function pageContacts(contacts: readonly BenchContact[]): PageContactsBuild {
  return toPageContacts(
    contacts.map((c) => ({
      contactId: c.id,
      displayName: c.name,
      emails: c.terms.filter((t) => t.includes('@')),
      addedAt: 0,
    })),
  );
}

const api: PresenceLensBenchApi = {
  prepare(contacts: BenchContact[]) {
    const { contacts: sent, people } = pageContacts(contacts);
    message = JSON.stringify({ ...sent, styles: PAGE_STYLES });
    ids = people.map((person) => person.id);
  },
  annotate() {
    api.reset();
    badges = new PageBadges(document, new PresenceCard(document));
    annotator = new PageAnnotator(document, badges, (_revision, keys) => (shown = keys));
    const received = JSON.parse(message) as PageContacts & { styles: PageStyles };
    badges.setStyles(received.styles);
    annotator.setContacts(received, false);
    annotator.start(); // the first pass (the page is visible), then it observes mutations
    return { badgedIds: shown.map((key) => ids[Number(key)]!) };
  },
  countBadges: badgeCount,
  flush() {
    annotator?.flush();
  },
  reset() {
    annotator?.stop();
    badges?.removeAll();
    annotator = null;
    badges = null;
    shown = [];
  },
};

(window as unknown as { __presenceLensBench: PresenceLensBenchApi }).__presenceLensBench = api;
