import type { Runtime } from 'webextension-polyfill';
import { parseUiRequest, type UiRequest, type ResponseMap } from '../shared/messages';
import type { FeedController } from './feed-controller';
import type { PageAccess } from './page-access';
import type { SiteAccess } from './site-access';

/** What the "Sites" requests and the popup's "Show presence on this page" need from the worker. */
export type SiteRequests = Pick<SiteAccess, 'allowSite' | 'removeSite'> &
  Pick<PageAccess, 'showOnTab'>;

type AnyResponse = ResponseMap[keyof ResponseMap];

/**
 * Only the extension's own pages may drive the background. Content scripts run inside web
 * pages (their sender URL is the page's), so a hostile page can never add contacts or sign out.
 */
function isFromExtensionPage(sender: Runtime.MessageSender, extensionOrigin: string): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

function handleRequest(
  controller: FeedController,
  sites: SiteRequests,
  request: UiRequest,
): Promise<AnyResponse> {
  switch (request.type) {
    case 'connect':
      return controller.connect(request.serverUrl, request.token);
    case 'signInWithWebex':
      return controller.signInWithWebex(request.serverUrl, {
        clientId: request.clientId.trim(),
        clientSecret: request.clientSecret.trim(),
      });
    case 'disconnect':
      return controller.disconnect();
    case 'reconnect':
      return controller.reconnect();
    case 'addContact':
      return controller.addContact(request.query);
    case 'removeContact':
      return controller.removeContact(request.contactId);
    case 'allowSite':
      return sites.allowSite(request.site);
    case 'removeSite':
      return sites.removeSite(request.site);
    case 'showOnTab':
      return sites
        .showOnTab(request.tabId)
        .then((shown) => (shown.ok ? { ok: true } : { ok: false, error: shown.error }));
  }
}

/**
 * Answers through `sendResponse` and returns `true`: the callback style works in every browser,
 * where returning a promise from the listener does not.
 */
export function createMessageListener(
  controller: FeedController,
  extensionOrigin: string,
  sites: SiteRequests,
) {
  return (
    raw: unknown,
    sender: Runtime.MessageSender,
    sendResponse: (r: unknown) => void,
  ): true => {
    answer(controller, sites, extensionOrigin, raw, sender)
      .catch((error: unknown) => ({
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }))
      .then(sendResponse);
    return true;
  };
}

function answer(
  controller: FeedController,
  sites: SiteRequests,
  extensionOrigin: string,
  raw: unknown,
  sender: Runtime.MessageSender,
): Promise<AnyResponse> {
  if (!isFromExtensionPage(sender, extensionOrigin)) {
    return Promise.resolve({ ok: false, error: 'Only the extension’s own pages may ask this.' });
  }
  const request = parseUiRequest(raw);
  if (!request.ok) return Promise.resolve({ ok: false, error: `Bad request: ${request.error}` });
  return handleRequest(controller, sites, request.value);
}
