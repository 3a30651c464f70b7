import { isRecord, isString } from '../core/json-guards';
import { err, ok, type Result } from '../core/result';

/**
 * One tab where the user asked for badges from the popup ("Show presence on this page"):
 * a one-time injection under `activeTab`, good for that tab and origin only, for this session.
 */
export interface PageGrant {
  readonly tabId: number;
  /** `https://host:port`: a navigation to another origin ends the grant. */
  readonly origin: string;
}

/** Far more tabs than anyone opens a popup on in one session: a bound for what is read back. */
export const MAX_PAGE_GRANTS = 500;

export function parsePageGrants(raw: unknown): Result<PageGrant[]> {
  if (!Array.isArray(raw) || raw.length > MAX_PAGE_GRANTS) return err('needs a list of grants');
  const grants: PageGrant[] = [];
  for (const item of raw) {
    // Tab ids are integers: 0.5 would reach tabs.* calls, and never match a real tab.
    if (!isRecord(item) || !Number.isSafeInteger(item.tabId) || !isString(item.origin)) {
      return err('a grant needs tabId and origin');
    }
    grants.push({ tabId: item.tabId as number, origin: item.origin });
  }
  return ok(grants);
}
