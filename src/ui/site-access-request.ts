/**
 * Allowing a site from an extension page (Options "Sites", the popup's "Always on this site").
 * Only a page can show the browser's permission prompt, and only during a user gesture: call this
 * straight from the click or submit handler, before awaiting anything else.
 */
import browser from 'webextension-polyfill';
import { err, ok, type Result } from '../core/result';
import { parseSite } from '../core/site-pattern';
import type { AllowedSite } from '../shared/allowed-site';
import { sendRequest } from '../shared/messages';
import { t } from './i18n';

export async function requestSiteAccess(input: string): Promise<Result<AllowedSite>> {
  const parsed = parseSite(input);
  if (!parsed.ok) return parsed;
  const { site, matchPatterns } = parsed.value;
  let granted: boolean;
  try {
    granted = await browser.permissions.request({ origins: [...matchPatterns] });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return err(t('site_permission_unavailable', [site, reason]));
  }
  if (!granted) return err(t('site_permission_refused', site));
  const response = await sendRequest({ type: 'allowSite', site });
  return response.ok ? ok(response.site) : err(response.error);
}
