/**
 * The benchmark's handle on the shipped annotation code: the same PageAnnotator, PageBadges and
 * PresenceCard the content script runs (src/content/), driven synchronously so that the benchmark
 * can time the first pass and each mutation batch. Only the port to the worker is left out: the
 * contacts arrive as an argument instead of a message.
 */
import { PageAnnotator } from '../../src/content/page-annotator';
import { PageBadges } from '../../src/content/page-badges';
import { PresenceCard } from '../../src/content/presence-card';
import type { BenchContact, PresenceLensBenchApi } from './types';

let badges: PageBadges | null = null;
let annotator: PageAnnotator | null = null;
let shown: string[] = [];

const api: PresenceLensBenchApi = {
  annotate(contacts: BenchContact[]) {
    api.reset();
    badges = new PageBadges(document, new PresenceCard(document));
    annotator = new PageAnnotator(document, badges, (ids) => (shown = ids));
    annotator.setContacts(
      contacts.map((c) => ({
        id: c.id,
        name: c.name,
        email: c.terms.find((t) => t.includes('@')) ?? '',
        terms: c.terms,
      })),
      false,
    );
    annotator.start(); // the first pass (the page is visible), then it observes mutations
    return { badges: badges.count(), badgedIds: shown };
  },
  observe() {
    // start() observes already: nothing more to do, kept for the benchmark's protocol.
  },
  flush() {
    const before = badges?.count() ?? 0;
    annotator?.flush();
    return { badges: (badges?.count() ?? 0) - before };
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
