import type { StorageProblem } from '../shared/storage-problem';
import { t } from '../ui/i18n';

/**
 * The catalogue's name part for each stored value; any other key is named as it is. Each value
 * has whole sentences of its own (one lost, several lost, all of it), never sentences assembled
 * from nouns, which no translation could follow.
 */
const MESSAGE_PART: Readonly<Record<string, string>> = {
  watchList: 'watch_list',
  allowedSites: 'allowed_sites',
  settings: 'settings',
  pageBadges: 'page_badges',
};

/**
 * One sentence for a report: "2 contacts could not be read from storage and were removed from the
 * watch list (item 3: a contact needs a contactId; …). The unreadable data is kept." The reasons
 * are the validators' own words, kept as they are for a support request.
 */
export function describeStorageProblem(problem: StorageProblem): string {
  const part = Object.hasOwn(MESSAGE_PART, problem.key) ? MESSAGE_PART[problem.key]! : 'other';
  const subs = [String(problem.dropped), problem.key];
  const lost =
    problem.dropped === 0
      ? t(`storage_problem_${part}_unread`, subs)
      : t(`storage_problem_${part}_${problem.dropped === 1 ? 'one' : 'many'}`, subs);
  return problem.why.length > 0
    ? t('storage_problem_with_reasons', [lost, problem.why.join('; ')])
    : t('storage_problem_sentence', lost);
}
