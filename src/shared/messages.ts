/**
 * The one message protocol between the extension pages (popup, options) and the background.
 * Requests go through `runtime.sendMessage`; both ends validate what they receive.
 */
import browser from 'webextension-polyfill';
import { err, ok, type Result } from '../core/result';
import { parseAllowedSite, type AllowedSite } from './allowed-site';
import { parseAccount, type Account } from './connection';
import { parseWatchedContact, type WatchedContact } from './contact';
import { isRecord, isString } from '../core/json-guards';

/** Extension pages hold a port with this name open: the background then knows a UI is watching. */
export const UI_PORT_NAME = 'presence-lens:ui';

export type UiRequest =
  | { readonly type: 'connect'; readonly serverUrl: string; readonly token: string }
  /** OAuth with PKCE; an empty secret means "the one saved before, if any". */
  | {
      readonly type: 'signInWithWebex';
      readonly serverUrl: string;
      readonly clientId: string;
      readonly clientSecret: string;
    }
  | { readonly type: 'disconnect' }
  /** From the popup: connect again after the feed stopped (another connection replaced it). */
  | { readonly type: 'reconnect' }
  | { readonly type: 'addContact'; readonly query: string }
  | { readonly type: 'removeContact'; readonly contactId: string }
  /** Sent after the page got the site's host permission (only a page can ask the user). */
  | { readonly type: 'allowSite'; readonly site: string }
  | { readonly type: 'removeSite'; readonly site: string }
  /** From the popup: badges on the tab the user is looking at, once (`activeTab`). */
  | { readonly type: 'showOnTab'; readonly tabId: number };

/** A failed request always says why, in words a user can act on. */
export type Failure = { readonly ok: false; readonly error: string };

export interface ResponseMap {
  connect: { readonly ok: true; readonly account: Account } | Failure;
  signInWithWebex: { readonly ok: true; readonly account: Account } | Failure;
  disconnect: { readonly ok: true } | Failure;
  reconnect: { readonly ok: true } | Failure;
  addContact: { readonly ok: true; readonly contact: WatchedContact } | Failure;
  removeContact: { readonly ok: true } | Failure;
  allowSite: { readonly ok: true; readonly site: AllowedSite } | Failure;
  removeSite: { readonly ok: true } | Failure;
  showOnTab: { readonly ok: true } | Failure;
}

export type ResponseFor<R extends UiRequest> = ResponseMap[R['type']];

export function parseUiRequest(raw: unknown): Result<UiRequest> {
  if (!isRecord(raw) || !isString(raw.type)) return err('a request needs a type');
  switch (raw.type) {
    case 'connect':
      if (!isString(raw.serverUrl) || !isString(raw.token)) {
        return err('connect needs serverUrl and token');
      }
      return ok({ type: 'connect', serverUrl: raw.serverUrl, token: raw.token });
    case 'signInWithWebex':
      if (!isString(raw.serverUrl) || !isString(raw.clientId) || !isString(raw.clientSecret)) {
        return err('signInWithWebex needs serverUrl, clientId and clientSecret');
      }
      return ok({
        type: 'signInWithWebex',
        serverUrl: raw.serverUrl,
        clientId: raw.clientId,
        clientSecret: raw.clientSecret,
      });
    case 'disconnect':
    case 'reconnect':
      return ok({ type: raw.type });
    case 'addContact':
      if (!isString(raw.query)) return err('addContact needs a query');
      return ok({ type: 'addContact', query: raw.query });
    case 'removeContact':
      if (!isString(raw.contactId)) return err('removeContact needs a contactId');
      return ok({ type: 'removeContact', contactId: raw.contactId });
    case 'allowSite':
    case 'removeSite':
      if (!isString(raw.site)) return err(`${raw.type} needs a site`);
      return ok({ type: raw.type, site: raw.site });
    case 'showOnTab':
      if (!Number.isSafeInteger(raw.tabId)) return err('showOnTab needs a tabId');
      return ok({ type: 'showOnTab', tabId: raw.tabId as number });
    default:
      return err(`unknown request type ${raw.type}`);
  }
}

function parseResponse(type: UiRequest['type'], raw: unknown): Result<ResponseMap[typeof type]> {
  if (!isRecord(raw) || typeof raw.ok !== 'boolean') return err('the background sent no answer');
  if (!raw.ok) {
    return ok({ ok: false, error: isString(raw.error) ? raw.error : 'Something went wrong.' });
  }
  if (type === 'connect' || type === 'signInWithWebex') {
    const account = parseAccount(raw.account);
    return account.ok ? ok({ ok: true, account: account.value }) : account;
  }
  if (type === 'addContact') {
    const contact = parseWatchedContact(raw.contact);
    return contact.ok ? ok({ ok: true, contact: contact.value }) : contact;
  }
  if (type === 'allowSite') {
    const site = parseAllowedSite(raw.site);
    return site.ok ? ok({ ok: true, site: site.value }) : site;
  }
  return ok({ ok: true });
}

/** Sends a request to the background. Never rejects: a transport failure becomes a Failure. */
export async function sendRequest<R extends UiRequest>(request: R): Promise<ResponseFor<R>> {
  try {
    const raw: unknown = await browser.runtime.sendMessage(request);
    const parsed = parseResponse(request.type, raw);
    return (parsed.ok ? parsed.value : { ok: false, error: parsed.error }) as ResponseFor<R>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: `The extension's background did not answer (${reason}).`,
    } as ResponseFor<R>;
  }
}
