/**
 * A site the user allows page badges on, as typed in Options, and the Chrome match patterns that
 * grant it. Pure: the worker, the options page and the popup all read sites the same way.
 */
import { t } from '../ui/i18n';
import { err, ok, type Result } from './result';

export interface SitePattern {
  /** Canonical label shown to the user: `https://jira.example.com`, `*.example.com`. */
  readonly site: string;
  /** What to ask the browser for: `https://jira.example.com/*`, `*://*.example.com/*`. */
  readonly matchPatterns: readonly string[];
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_HOST_LENGTH = 253;

function checkHost(host: string, shown: string): Result<string> {
  if (host.startsWith('[')) return err(t('site_ipv6_unsupported', shown));
  if (host.includes('*')) return err(t('site_wildcard_at_start'));
  const labels = host.split('.');
  if (host.length > MAX_HOST_LENGTH || !labels.every((label) => LABEL.test(label))) {
    return err(t('site_invalid_host', shown));
  }
  return ok(host);
}

/**
 * Second-level labels under which countries' registries sell names (`co.uk`, `com.au`, `ac.jp`):
 * `*.co.uk` would grant every company in the United Kingdom. Not the whole Public Suffix List
 * (too big to ship for this), but the shapes people type; the browser's own permission prompt
 * names the scope of anything else.
 */
const REGISTRY_LABELS = new Set([
  'ac',
  'co',
  'com',
  'edu',
  'go',
  'gov',
  'ltd',
  'ne',
  'net',
  'or',
  'org',
]);

/** `co.uk`-like: a registry label under a two-letter country code. */
function isRegistrySuffix(labels: readonly string[]): boolean {
  return labels.length === 2 && labels[1]!.length === 2 && REGISTRY_LABELS.has(labels[0]!);
}

function parseWildcard(text: string): Result<SitePattern> {
  const domain = text.slice(2).toLowerCase().replace(/\/$/, '');
  const host = checkHost(domain, text);
  if (!host.ok) return host;
  const labels = domain.split('.');
  if (labels.length < 2) {
    return err(t('site_top_level_domain', text));
  }
  if (isRegistrySuffix(labels)) return err(t('site_registry_suffix', text));
  if (/^\d+$/.test(labels[labels.length - 1]!)) {
    return err(t('site_wildcard_ip_address', text));
  }
  return ok({ site: `*.${domain}`, matchPatterns: [`*://*.${domain}/*`] });
}

/** The scheme the user wrote, or undefined for a bare host (`host:8080` is a port, not a scheme). */
function writtenScheme(text: string): string | undefined {
  const scheme = /^([^:/?#]+):/.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined || (!text.includes('://') && /^[^:]+:\d/.test(text))) return undefined;
  return scheme;
}

function parseOrigin(text: string): Result<SitePattern> {
  const scheme = writtenScheme(text);
  if (scheme === '*') return err(t('site_wildcard_at_start'));
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return err(t('site_scheme_not_allowed', scheme));
  }
  let url: URL;
  try {
    url = new URL(scheme === undefined ? `https://${text}` : text);
  } catch {
    return err(t('site_not_an_address', text));
  }
  if (url.username !== '' || url.password !== '') {
    return err(t('site_has_credentials'));
  }
  const host = checkHost(url.hostname, url.hostname || text);
  if (!host.ok) return host;
  return ok({ site: url.origin, matchPatterns: [`${url.protocol}//${url.hostname}/*`] });
}

/**
 * Reads what the user typed: an origin (`http://127.0.0.1:8787`, path ignored), a bare host (means
 * https) or `*.domain` (http and https, the domain and all its subdomains). Anything wider than
 * one registrable-looking domain is refused, so one entry can never grant every site.
 */
export function parseSite(input: string): Result<SitePattern> {
  const text = input.trim();
  if (text === '') return err(t('site_empty'));
  if (text === '*' || text === '<all_urls>' || /^\*(:\/\/\*)?(\/.*)?$/.test(text)) {
    return err(t('site_every_site'));
  }
  if (text.startsWith('*.')) return parseWildcard(text);
  return parseOrigin(text);
}

/**
 * Whether `url` belongs to the site. Stricter than the match patterns: an origin's scheme and port
 * must both be equal (a Chrome match pattern cannot say "port 8787"), so the worker can trust it
 * to decide which tabs may talk to it.
 */
export function siteMatchesUrl(site: SitePattern, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (site.site.startsWith('*.')) {
    const domain = site.site.slice(2);
    return parsed.hostname === domain || parsed.hostname.endsWith(`.${domain}`);
  }
  return parsed.origin === site.site;
}

/** Of the allowed sites that cover a page: the first whose permission is held, else one whose is not. */
export interface CoveringSite<T extends SitePattern> {
  readonly held: T | null;
  readonly revoked: T | null;
}

/**
 * Which of `sites` cover `url`, asking `isHeld` (the browser's permissions) only of those that do,
 * and stopping at the first that is held: the worker's page check and the popup's "This page" read
 * sites the same way.
 */
export async function coveringSite<T extends SitePattern>(
  sites: readonly T[],
  url: string,
  isHeld: (site: T) => Promise<boolean>,
): Promise<CoveringSite<T>> {
  let revoked: T | null = null;
  for (const site of sites) {
    if (!siteMatchesUrl(site, url)) continue;
    if (await isHeld(site)) return { held: site, revoked: null };
    revoked ??= site;
  }
  return { held: null, revoked };
}
