/**
 * Every request an extension page (popup, options) may send the background, declared once: its
 * name, the validator of its payload (run by the worker on everything it receives) and the
 * validator of a successful answer (run by the page). The worker registers one handler per name
 * in a typed map (src/background/message-handler.ts), so a request without a handler is a type
 * error. Adding a request is one entry here plus its handler.
 *
 * A request travels as `{ type: name, ...payload }`; an answer is `{ ok: true, ...fields }` or
 * `{ ok: false, error }` (a `Failure`, in words a user can act on).
 */
import { err, ok, type Result } from '../core/result';
import { isRecord, isString } from '../core/json-guards';
import { t } from '../ui/i18n';
import { parseAllowedSite } from './allowed-site';
import { bulkAddSummary, MAX_BULK_QUERIES } from './bulk-add';
import { parseAccount } from './connection';
import { parseWatchedContact } from './contact';
import { importReport, MAX_WATCH_LIST_FILE_CHARS } from './watch-list-file';
import {
  fields,
  flag,
  listOf,
  safeInteger,
  text,
  type Guard,
  type Guarded,
} from './payload-guards';
import { MAX_SEARCH_RESULTS, personMatch } from './people-search';

interface RequestSpec<P, R> {
  /** Reads the request's fields (all but `type`). */
  readonly payload: Guard<P>;
  /** Reads a successful answer's fields (all but `ok`). */
  readonly response: Guard<R>;
}

type Shape = Readonly<Record<string, Guard<unknown>>>;

/** One table entry from two records of field validators. */
function request<P extends Shape, R extends Shape>(spec: {
  payload: P;
  response: R;
}): RequestSpec<Guarded<P>, Guarded<R>> {
  return { payload: fields(spec.payload), response: fields(spec.response) };
}

const none = {} as const;
const account = { account: parseAccount } as const;
const id = text(1000);

export const UI_REQUESTS = {
  connect: request({ payload: { serverUrl: text(2000), token: text(20_000) }, response: account }),
  /** OAuth with PKCE; an empty secret means "the one saved before, if any". */
  signInWithWebex: request({
    payload: { serverUrl: text(2000), clientId: text(1000), clientSecret: text(1000) },
    response: account,
  }),
  signOut: request({ payload: none, response: none }),
  /** From the popup: connect again after the feed stopped (another connection replaced it). */
  reconnect: request({ payload: none, response: none }),
  /** One email, person id or UUID. */
  addContact: request({
    payload: { query: text(1000) },
    response: { contact: parseWatchedContact },
  }),
  /** "Paste a list": progress goes to `bulkAddProgressItem`, the answer is the summary. */
  addContacts: request({
    payload: { queries: listOf(text(1000), MAX_BULK_QUERIES, 1) },
    response: { summary: bulkAddSummary },
  }),
  /** Name search as the user types (People API `displayName`, a prefix). */
  searchPeople: request({
    payload: { prefix: text(200) },
    response: { people: listOf(personMatch, MAX_SEARCH_RESULTS) },
  }),
  removeContact: request({ payload: { contactId: id }, response: none }),
  /** "Undo" after Remove: the contact as it was, put back unless it is on the list again. */
  restoreContact: request({ payload: { contact: parseWatchedContact }, response: none }),
  /** An empty group takes the contacts out of any group. */
  setGroup: request({
    payload: { contactIds: listOf(id, 5000, 1), group: text(1000) },
    response: none,
  }),
  setNotify: request({ payload: { contactId: id, notify: flag }, response: none }),
  /** The text of a file from "Export" (src/shared/watch-list-file.ts). */
  importContacts: request({
    payload: { file: text(MAX_WATCH_LIST_FILE_CHARS) },
    response: { report: importReport },
  }),
  /** Sent after the page got the site's host permission (only a page can ask the user). */
  allowSite: request({ payload: { site: text(1000) }, response: { site: parseAllowedSite } }),
  removeSite: request({ payload: { site: text(1000) }, response: none }),
  /** From the popup: badges on the tab the user is looking at, once (`activeTab`). */
  showOnTab: request({ payload: { tabId: safeInteger }, response: none }),
} as const;

export type RequestName = keyof typeof UI_REQUESTS;

type SpecOf<N extends RequestName> = (typeof UI_REQUESTS)[N];
export type PayloadOf<N extends RequestName> =
  SpecOf<N> extends RequestSpec<infer P, unknown> ? P : never;
type SuccessOf<N extends RequestName> = SpecOf<N> extends RequestSpec<unknown, infer R> ? R : never;

/** A failed request always says why, in words a user can act on. */
export type Failure = { readonly ok: false; readonly error: string };

export type ResponseMap = {
  [N in RequestName]: ({ readonly ok: true } & SuccessOf<N>) | Failure;
};

export type UiRequest = { [N in RequestName]: { readonly type: N } & PayloadOf<N> }[RequestName];

export type ResponseFor<R extends UiRequest> = ResponseMap[R['type']];

function isRequestName(name: string): name is RequestName {
  return Object.hasOwn(UI_REQUESTS, name);
}

export function parseUiRequest(raw: unknown): Result<UiRequest> {
  // Own properties only: a structured clone has no others, so anything else is not a message.
  if (!isRecord(raw) || !Object.hasOwn(raw, 'type') || !isString(raw.type)) {
    return err('a request needs a type');
  }
  const type = raw.type;
  if (!isRequestName(type)) return err(`unknown request type ${type.slice(0, 100)}`);
  const payload = (UI_REQUESTS[type].payload as Guard<object>)(raw);
  if (!payload.ok) return err(`${type}: ${payload.error}`);
  return ok({ type, ...payload.value } as UiRequest);
}

export function parseResponse<N extends RequestName>(
  type: N,
  raw: unknown,
): Result<ResponseMap[N]> {
  if (!isRecord(raw) || typeof raw.ok !== 'boolean') return err(t('ui_no_answer'));
  if (!raw.ok) {
    const error = isString(raw.error) ? raw.error : t('ui_something_went_wrong');
    return ok({ ok: false, error } as ResponseMap[N]);
  }
  const success = (UI_REQUESTS[type].response as Guard<object>)(raw);
  if (!success.ok) return err(t('ui_answer_not_valid', [type, success.error]));
  return ok({ ok: true, ...success.value } as ResponseMap[N]);
}
