/**
 * Where the access token may go (docs/protocol.md §2): https (or wss) origins in the domains the
 * JS SDK allows, and loopback only in a build whose manifest grants it (the dev build, for the
 * emulator). Every URL that carries the token, whether the user typed it or Webex sent it (catalog
 * links, device and socket URLs), is checked here first.
 */
import { err, ok } from '../core/result';
import type { Result } from '../core/result';
import { t } from '../ui/i18n';

/** The SDK's `services.allowedDomains`; each also admits its subdomains, except the first. */
const WEBEX_DOMAINS = ['webexapis.com', 'wbx2.com', 'webex.com', 'ciscospark.com'] as const;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const SECURE = new Set(['https:', 'wss:']);
const ANY = new Set(['https:', 'wss:', 'http:', 'ws:']);

export interface TokenAudience {
  /** Whether loopback hosts may receive the token (the dev build only). */
  readonly allowLoopback: boolean;
}

function isWebexHost(host: string): boolean {
  if (host === 'webexapis.com') return true;
  return WEBEX_DOMAINS.slice(1).some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** What a user reads when a URL is refused: the rule, not just "no". */
function describeAudience(audience: TokenAudience): string {
  return t(audience.allowLoopback ? 'webex_token_audience_loopback' : 'webex_token_audience');
}

/** The URL, parsed, when the token may be sent there; otherwise why not, naming the URL. */
export function checkTokenUrl(url: string, audience: TokenAudience): Result<URL> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return err(t('webex_url_invalid', url.slice(0, 200)));
  }
  const refused = (
    key:
      | 'webex_token_refused_credentials'
      | 'webex_token_refused_not_webex'
      | 'webex_token_refused_not_https',
  ) => err(t(key, [parsed.origin, describeAudience(audience)]));
  if (parsed.username !== '' || parsed.password !== '') {
    return refused('webex_token_refused_credentials');
  }
  const host = parsed.hostname.toLowerCase();
  if (audience.allowLoopback && LOOPBACK_HOSTS.has(host) && ANY.has(parsed.protocol)) {
    return ok(parsed);
  }
  if (!isWebexHost(host)) return refused('webex_token_refused_not_webex');
  if (!SECURE.has(parsed.protocol)) return refused('webex_token_refused_not_https');
  return ok(parsed);
}
