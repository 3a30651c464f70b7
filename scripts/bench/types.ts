/** Shapes shared by the benchmark's Node side and the functions it runs inside the page. */

/** One watched contact, as the annotator bundle receives it. */
export interface BenchContact {
  id: string;
  name: string;
  terms: string[];
}

/** What `scripts/bench/annotator-entry.ts` defines on `window.__presenceLensBench`. */
export interface PresenceLensBenchApi {
  /** The worker's part, once per watch list: not timed. */
  prepare(contacts: BenchContact[]): void;
  /**
   * Full first pass over the document from the prepared contacts, badges included, synchronous;
   * the annotator observes mutations from then on.
   */
  annotate(): { badgedIds: string[] };
  /** Badges in the document, counted outside the timed work. */
  countBadges(): number;
  /** Processes pending mutations synchronously now. */
  flush(): void;
  /** Removes badges, stops observing. */
  reset(): void;
}

/** One corpus page and the people its byline names. */
export interface CorpusEntry {
  /** Path relative to the corpus folder, e.g. `pages/ars-1.html`. */
  page: string;
  names: string[];
}
