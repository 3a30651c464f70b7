import type { StorageProblem } from '../shared/storage-problem';

interface Noun {
  readonly one: string;
  readonly many: string;
  /** The stored value, as the sentence names it. */
  readonly whole: string;
}

/** How the report names the values kept in storage; any other key is named as it is. */
const NOUNS: Readonly<Record<string, Noun>> = {
  watchList: { one: 'contact', many: 'contacts', whole: 'the watch list' },
  allowedSites: { one: 'site', many: 'sites', whole: 'the allowed sites' },
  settings: { one: 'setting', many: 'settings', whole: 'the connection settings' },
  pageBadges: { one: 'setting', many: 'settings', whole: 'the page badge setting' },
};

function nounFor(key: string): Noun {
  return Object.hasOwn(NOUNS, key)
    ? NOUNS[key]!
    : { one: 'entry', many: 'entries', whole: `the stored "${key}"` };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * One sentence for a report: "2 contacts could not be read from storage and were removed from the
 * watch list (item 3: a contact needs a contactId; …). The unreadable data is kept."
 */
export function describeStorageProblem(problem: StorageProblem): string {
  const noun = nounFor(problem.key);
  const why = problem.why.length > 0 ? ` (${problem.why.join('; ')})` : '';
  const lost =
    problem.dropped > 0
      ? problem.dropped === 1
        ? `1 ${noun.one} could not be read from storage and was removed from ${noun.whole}`
        : `${problem.dropped} ${noun.many} could not be read from storage and were removed from ${noun.whole}`
      : `${capitalised(noun.whole)} could not be read from storage`;
  return `${lost}${why}. The unreadable data is kept.`;
}
