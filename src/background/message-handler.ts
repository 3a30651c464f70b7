import type { Runtime } from 'webextension-polyfill';
import {
  parseUiRequest,
  type PayloadOf,
  type RequestName,
  type ResponseMap,
  type UiRequest,
} from '../shared/messages';
import { ContactRequests } from './contact-requests';
import type { FeedController } from './feed-controller';
import type { PageAccess } from './page-access';
import type { SiteAccess } from './site-access';
import { t } from '../ui/i18n';

/** What the "Sites" requests and the popup's "Show presence on this page" need from the worker. */
export type SiteRequests = Pick<SiteAccess, 'allowSite' | 'removeSite'> &
  Pick<PageAccess, 'showOnTab'>;

type AnyResponse = ResponseMap[RequestName];

/**
 * One handler per request of src/shared/ui-requests.ts, given the validated payload. A typed
 * map: a request declared there without a handler here does not compile.
 */
export type RequestHandlers = {
  readonly [N in RequestName]: (payload: PayloadOf<N>) => Promise<ResponseMap[N]>;
};

export function workerHandlers(
  controller: FeedController,
  sites: SiteRequests,
  contacts: ContactRequests,
): RequestHandlers {
  return {
    connect: (p) => controller.connect(p.serverUrl, p.token),
    signInWithWebex: (p) =>
      controller.signInWithWebex(p.serverUrl, {
        clientId: p.clientId.trim(),
        clientSecret: p.clientSecret.trim(),
      }),
    signOut: () => controller.signOut(),
    reconnect: () => controller.reconnect(),
    addContact: (p) => controller.addContact(p.query),
    addContacts: (p) => contacts.addContacts(p.queries),
    searchPeople: (p) => contacts.searchPeople(p.prefix),
    removeContact: (p) => controller.removeContact(p.contactId),
    restoreContact: (p) => contacts.restoreContact(p.contact),
    setGroup: (p) => contacts.setGroup(p.contactIds, p.group),
    setNotify: (p) => contacts.setNotify(p.contactId, p.notify),
    importContacts: (p) => contacts.importContacts(p.file),
    allowSite: (p) => sites.allowSite(p.site),
    removeSite: (p) => sites.removeSite(p.site),
    showOnTab: async (p) => {
      const shown = await sites.showOnTab(p.tabId);
      return shown.ok ? { ok: true } : { ok: false, error: shown.error };
    },
  };
}

function handle(handlers: RequestHandlers, request: UiRequest): Promise<AnyResponse> {
  // The table guarantees the pairing of name and payload; TypeScript cannot follow it through
  // the union, hence the one cast.
  const handler = handlers[request.type] as (payload: UiRequest) => Promise<AnyResponse>;
  return handler(request);
}

/**
 * Only the extension's own pages may drive the background. Content scripts run inside web
 * pages (their sender URL is the page's), so a hostile page can never add contacts or sign out.
 */
function isFromExtensionPage(sender: Runtime.MessageSender, extensionOrigin: string): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
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
  const contacts = new ContactRequests({
    people: () => controller.peopleApi(),
    now: () => Date.now(),
  });
  const handlers = workerHandlers(controller, sites, contacts);
  return (
    raw: unknown,
    sender: Runtime.MessageSender,
    sendResponse: (r: unknown) => void,
  ): true => {
    answer(handlers, extensionOrigin, raw, sender)
      .catch((error: unknown) => ({
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }))
      .then(sendResponse);
    return true;
  };
}

async function answer(
  handlers: RequestHandlers,
  extensionOrigin: string,
  raw: unknown,
  sender: Runtime.MessageSender,
): Promise<AnyResponse> {
  if (!isFromExtensionPage(sender, extensionOrigin)) {
    return { ok: false, error: t('worker_foreign_sender') };
  }
  const request = parseUiRequest(raw);
  if (!request.ok) return { ok: false, error: t('worker_bad_request', request.error) };
  return handle(handlers, request.value);
}
