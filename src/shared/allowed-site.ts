import { isFiniteNumber, isRecord, isString, isStringArray } from '../core/json-guards';
import { err, ok, type Result } from '../core/result';
import { parseSite, type SitePattern } from '../core/site-pattern';

/** More than anyone allows by hand; a bound on what a worker wake has to reconcile. */
export const MAX_ALLOWED_SITES = 200;

/** A site the user allowed page badges on (Options, "Sites"). */
export interface AllowedSite extends SitePattern {
  /** UTC ms. */
  readonly addedAt: number;
}

/**
 * Reads a stored or received site and re-derives its match patterns from the label: storage that
 * was tampered with (say `matchPatterns: ['<all_urls>']`) cannot widen where the script runs.
 */
export function parseAllowedSite(raw: unknown): Result<AllowedSite> {
  if (!isRecord(raw) || !isString(raw.site)) return err('an allowed site needs a site');
  const { site, matchPatterns, addedAt } = raw;
  const derived = parseSite(site);
  if (!derived.ok) return err(`site ${site}: ${derived.error}`);
  if (derived.value.site !== site) return err(`site ${site} is not written canonically`);
  const expected = derived.value.matchPatterns;
  if (
    !isStringArray(matchPatterns) ||
    matchPatterns.length !== expected.length ||
    matchPatterns.some((pattern, i) => pattern !== expected[i])
  ) {
    return err(`site ${site} has match patterns that do not belong to it`);
  }
  if (!isFiniteNumber(addedAt)) return err(`site ${site} has no addedAt time`);
  return ok({ site, matchPatterns: [...expected], addedAt });
}

export function parseAllowedSites(raw: unknown): Result<AllowedSite[]> {
  if (!Array.isArray(raw)) return err('the allowed sites must be an array');
  if (raw.length > MAX_ALLOWED_SITES) return err(`more than ${MAX_ALLOWED_SITES} allowed sites`);
  const sites: AllowedSite[] = [];
  for (const [index, item] of raw.entries()) {
    const parsed = parseAllowedSite(item);
    if (!parsed.ok) return err(`item ${index}: ${parsed.error}`);
    if (sites.some((s) => s.site === parsed.value.site)) {
      return err(`item ${index}: ${parsed.value.site} is listed twice`);
    }
    sites.push(parsed.value);
  }
  return ok(sites);
}
