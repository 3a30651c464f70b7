/** The U2C service catalog (docs/protocol.md §2): where WDM, Apheleia and Hydra live. */
import { isRecord } from '../core/json-guards';
import { err, ok } from '../core/result';
import type { Result } from '../core/result';
import { WebexError } from './errors';
import type { HttpClient } from './http';
import type { TokenAudience } from './token-audience';
import { checkTokenUrl } from './token-audience';
import { isHttpUrl } from '../core/url-scheme';
import { t } from '../ui/i18n';
import { joinUrl, withoutTrailingSlash } from './urls';

export interface Catalog {
  readonly wdm: string;
  readonly apheleia: string;
  /** Absent from some catalogs; the caller then keeps its configured Hydra URL. */
  readonly hydra?: string;
}

function baseUrl(links: Record<string, unknown>, name: string): Result<string | undefined> {
  const value = links[name];
  if (value === undefined) return ok(undefined);
  if (typeof value !== 'string') return err(`serviceLinks.${name} is not a string.`);
  if (!isHttpUrl(value)) return err(`serviceLinks.${name} is not an http(s) URL.`);
  return ok(withoutTrailingSlash(value));
}

export function parseCatalog(json: unknown): Result<Catalog> {
  if (!isRecord(json) || !isRecord(json['serviceLinks'])) {
    return err('The service catalog has no serviceLinks.');
  }
  const links = json['serviceLinks'];
  const wdm = baseUrl(links, 'wdm');
  const apheleia = baseUrl(links, 'apheleia');
  const hydra = baseUrl(links, 'hydra');
  if (!wdm.ok) return wdm;
  if (!apheleia.ok) return apheleia;
  if (!hydra.ok) return hydra;
  if (wdm.value === undefined) return err('The service catalog has no device service (wdm).');
  if (apheleia.value === undefined) {
    return err('The service catalog has no presence service (apheleia).');
  }
  return ok({
    wdm: wdm.value,
    apheleia: apheleia.value,
    ...(hydra.value === undefined ? {} : { hydra: hydra.value }),
  });
}

/**
 * The catalog, fetched and checked: every link must be one the token may go to, or the whole
 * catalog is refused with an error naming the service and the URL (docs/protocol.md §2).
 */
export async function fetchCatalog(
  http: HttpClient,
  u2cBaseUrl: string,
  audience: TokenAudience,
): Promise<Catalog> {
  const catalog = await http.request('GET', joinUrl(u2cBaseUrl, 'catalog'), {
    query: { format: 'hostmap' },
    parse: parseCatalog,
  });
  for (const [service, url] of Object.entries(catalog)) {
    const checked = checkTokenUrl(url, audience);
    if (!checked.ok) {
      throw new WebexError('refused-url', t('webex_error_catalog_link', [service, checked.error]));
    }
  }
  return catalog;
}
